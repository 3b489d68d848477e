#include "query_syntax.h"

#include <array>

namespace duet::search {

namespace {

constexpr std::array<std::string_view, 7> kFields = {"title", "author", "journal", "doi", "year", "jcr", "lang"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Full-width and CJK quotation marks count as quotes too: Chinese keyboards type them.
std::size_t quote_length(std::string_view s, std::size_t at) {
    if (s[at] == '"') return 1;
    for (const std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xEF\xBC\x82"}) {  // “ ” ＂
        if (s.compare(at, q.size(), q) == 0) return q.size();
    }
    return 0;
}

std::string_view known_field(std::string_view word) {
    std::string lower;
    for (const char c : word) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    for (const std::string_view f : kFields) {
        if (lower == f) return f;
    }
    return {};
}

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    std::vector<Clause> read() {
        Clause::Occur pending = Clause::Occur::Should;
        while (skip_spaces()) {
            Clause clause;
            clause.occur = pending;
            pending = Clause::Occur::Should;
            if (s_[at_] == '+' || s_[at_] == '-') {
                const bool must = s_[at_] == '+';
                ++at_;
                if (at_ >= s_.size() || is_space(s_[at_])) continue;  // a lone operator means nothing
                clause.occur = must ? Clause::Occur::Must : Clause::Occur::MustNot;
            }
            if (const std::size_t q = quote_length(s_, at_)) {
                at_ += q;
                clause.text = until_quote();
                clause.phrase = true;
                add(std::move(clause));
                continue;
            }
            std::string word = next_word();
            if (word == "AND" || word == "OR" || word == "&&" || word == "||") continue;
            if (word == "NOT" && clause.occur == Clause::Occur::Should) {
                pending = Clause::Occur::MustNot;
                continue;
            }
            const std::size_t colon = word.find(':');
            if (colon != std::string::npos && colon > 0) {
                if (const std::string_view field = known_field(std::string_view(word).substr(0, colon)); !field.empty()) {
                    clause.field = std::string(field);
                    word.erase(0, colon + 1);
                    if (word.empty() && at_ < s_.size() && quote_length(s_, at_)) {
                        at_ += quote_length(s_, at_);
                        word = until_quote();
                        clause.phrase = true;
                    }
                }
            }
            if (word.size() > 1 && word.back() == '*' && !clause.phrase) {
                word.pop_back();
                clause.prefix = true;
            }
            clause.text = std::move(word);
            add(std::move(clause));
        }
        return std::move(clauses_);
    }

private:
    bool skip_spaces() {
        while (at_ < s_.size() && (is_space(s_[at_]) || s_[at_] == '(' || s_[at_] == ')')) ++at_;
        return at_ < s_.size();
    }

    std::string next_word() {
        const std::size_t from = at_;
        while (at_ < s_.size() && !is_space(s_[at_]) && s_[at_] != '(' && s_[at_] != ')' && !quote_length(s_, at_)) ++at_;
        return std::string(s_.substr(from, at_ - from));
    }

    // An unbalanced quote runs to the end of the query.
    std::string until_quote() {
        const std::size_t from = at_;
        while (at_ < s_.size() && !quote_length(s_, at_)) ++at_;
        std::string text(s_.substr(from, at_ - from));
        if (at_ < s_.size()) at_ += quote_length(s_, at_);
        return text;
    }

    void add(Clause clause) {
        if (!clause.text.empty()) clauses_.push_back(std::move(clause));
    }

    std::string_view s_;
    std::size_t at_ = 0;
    std::vector<Clause> clauses_;
};

}  // namespace

std::vector<Clause> parse_query(std::string_view query) { return Reader(query).read(); }

}  // namespace duet::search
