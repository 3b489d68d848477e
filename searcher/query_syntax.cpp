#include "query_syntax.h"

#include "ascii_forms.h"

#include <algorithm>
#include <array>
#include <utility>

namespace duet::search {

namespace {

constexpr std::array<std::string_view, 7> kFields = {"title", "author", "journal", "doi", "year", "jcr", "lang"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// CJK quotation marks count as quotes too: Chinese keyboards type them.
std::size_t quote_length(std::string_view s, std::size_t at) {
    if (s[at] == '"') return 1;
    for (const std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x9D"}) {  // “ ”
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

    std::vector<Clause> read() { return read_group(); }

private:
    // Clauses up to the `)` that closes the group (consumed) or the end of the query. AND makes the clauses on
    // both sides required, as in Lucene's classic syntax: "a AND b c" is +a +b c.
    std::vector<Clause> read_group(int depth = 0) {
        std::vector<Clause> clauses;
        Clause::Occur pending = Clause::Occur::Should;
        bool and_pending = false;
        bool or_pending = false;
        while (skip_spaces()) {
            if (s_[at_] == ')') {
                ++at_;
                if (depth > 0) break;
                continue;  // an unmatched ) means nothing
            }
            Clause clause;
            clause.occur = pending;
            pending = Clause::Occur::Should;
            if (s_[at_] == '+' || s_[at_] == '-') {
                const bool must = s_[at_] == '+';
                ++at_;
                if (at_ >= s_.size() || is_space(s_[at_])) continue;  // a lone operator means nothing
                clause.occur = must ? Clause::Occur::Must : Clause::Occur::MustNot;
            }
            if (s_[at_] == '(') {
                clause.group = open_group(depth);
                if (clause.group.empty()) continue;
            } else if (const std::size_t q = quote_length(s_, at_)) {
                at_ += q;
                clause.text = until_quote();
                clause.phrase = true;
            } else {
                std::string word = next_word();
                if (word == "AND" || word == "&&") {
                    if (!clauses.empty() && clauses.back().occur == Clause::Occur::Should) {
                        clauses.back().occur = Clause::Occur::Must;
                    }
                    and_pending = !clauses.empty();
                    continue;
                }
                if (word == "OR" || word == "||") {
                    or_pending = !clauses.empty();
                    continue;
                }
                if (word == "NOT" && clause.occur == Clause::Occur::Should) {
                    pending = Clause::Occur::MustNot;
                    continue;
                }
                read_field_and_prefix(word, clause);
                if (clause.text.empty() && !clause.field.empty() && at_ < s_.size() && s_[at_] == '(') {
                    clause.group = open_group(depth);  // title:(stem cells): the field applies to each clause
                    set_field(clause.group, clause.field);
                    clause.field.clear();
                    if (clause.group.empty()) continue;
                } else if (clause.text.empty()) {
                    continue;
                }
            }
            if (and_pending && clause.occur == Clause::Occur::Should) clause.occur = Clause::Occur::Must;
            and_pending = false;
            clause.after_or = or_pending;
            or_pending = false;
            clauses.push_back(std::move(clause));
        }
        return clauses;
    }

    // At a `(`: the group's clauses. Deeper than kMaxDepth is no query a person types: none, and the rest reads
    // as plain words.
    std::vector<Clause> open_group(int depth) {
        ++at_;
        return depth < kMaxDepth ? read_group(depth + 1) : std::vector<Clause>{};
    }

    // field:value (a quoted value is a phrase) and a trailing * (a prefix).
    void read_field_and_prefix(std::string word, Clause& clause) {
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
    }

    // Gives `field` to the clauses (and groups' clauses) that name none.
    static void set_field(std::vector<Clause>& clauses, const std::string& field) {
        for (Clause& c : clauses) {
            if (!c.group.empty()) {
                set_field(c.group, field);
            } else if (c.field.empty()) {
                c.field = field;
            }
        }
    }

    static constexpr int kMaxDepth = 8;

    bool skip_spaces() {
        while (at_ < s_.size() && is_space(s_[at_])) ++at_;
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

    std::string_view s_;
    std::size_t at_ = 0;
};

}  // namespace

std::vector<Clause> parse_query(std::string_view query) {
    // Chinese keyboards type the syntax characters full-width (（骨关节炎 OR 关节炎）, title：干细胞, －小鼠, year:２０１９)
    // and space words with U+3000. They are read as their ASCII forms, as the analyzer folds them inside words.
    const std::string ascii = analysis::ascii_forms(query);
    return Reader(ascii).read();
}

}  // namespace duet::search
