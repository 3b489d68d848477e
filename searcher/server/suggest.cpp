#include "suggest.h"

#include "char_class.h"
#include "schema.h"
#include "stored_record.h"
#include "utf8.h"

#include <algorithm>
#include <unordered_set>

namespace duet::server {

namespace {

namespace utf8 = analysis::utf8;

// Terms scanned per prefix: bounds the cost of a one- or two-letter prefix in a large index.
constexpr std::size_t kScanLimit = 5000;
constexpr std::size_t kMaxJournals = 3;
// Records read to find how a term is written, and how much of a long abstract is analyzed for it.
constexpr int kDocsForDisplay = 3;
constexpr std::size_t kDisplayTextBytes = 4000;

struct Candidate {
    std::string term;
    std::uint64_t weight;
};

bool has_han(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const auto d = utf8::decode(text, at);
        if (analysis::classify(d.cp) == analysis::CharClass::Han) return true;
        at += d.length;
    }
    return false;
}

// The word being typed: the last piece of the box, without query syntax around it (+, -, ", (, field:).
std::string_view last_word(std::string_view typed) {
    const auto end = typed.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return {};
    typed = typed.substr(0, end + 1);
    const auto space = typed.find_last_of(" \t\r\n");
    std::string_view word = space == std::string_view::npos ? typed : typed.substr(space + 1);
    if (const auto colon = word.find(':'); colon != std::string_view::npos) word = word.substr(colon + 1);
    while (!word.empty() && std::string_view("+-\"(").find(word.front()) != std::string_view::npos) word.remove_prefix(1);
    while (!word.empty() && std::string_view("\")").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
    return word;
}

// Folds as the analyzer does before terms are made: Han characters one by one, other text as a word.
std::string fold(std::string_view word, const analysis::Folding& folding) {
    if (!has_han(word)) return folding.fold_word(word);
    std::string out;
    for (std::size_t at = 0; at < word.size();) {
        const auto d = utf8::decode(word, at);
        if (analysis::classify(d.cp) == analysis::CharClass::Han) {
            utf8::append(out, folding.fold_han(d.cp));
        } else {
            out += folding.fold_word(word.substr(at, d.length));
        }
        at += d.length;
    }
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The `keep` most frequent terms starting with `prefix`.
std::vector<Candidate> top_terms(const Xapian::Database& db, const std::string& prefix, std::size_t keep) {
    std::vector<Candidate> out;
    std::size_t scanned = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < kScanLimit; ++t, ++scanned) {
        out.push_back({*t, t.get_termfreq()});
    }
    const auto by_weight = [](const Candidate& a, const Candidate& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    };
    if (out.size() > keep) {
        std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), by_weight);
        out.resize(keep);
    } else {
        std::sort(out.begin(), out.end(), by_weight);
    }
    return out;
}

// Cuts `text` to at most `bytes` without splitting a UTF-8 sequence.
std::string_view head(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    return text.substr(0, analysis::utf8::boundary_at_or_before(text, bytes));
}

// How `term` is written in the text of a record holding it; empty when no record shows it.
std::string display_form(const Xapian::Database& db, analysis::Analyzer& analyzer, const std::string& term) {
    int docs = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term) && docs < kDocsForDisplay; ++p, ++docs) {
        const records::Record r = decode_stored_record(db.get_document(*p).get_data());
        std::string keywords;
        for (const auto& k : r.keywords) keywords += k + "; ";
        for (const std::string_view text : {std::string_view(r.title), std::string_view(keywords),
                                            head(r.abstract, kDisplayTextBytes), head(r.body, kDisplayTextBytes)}) {
            for (const auto& token : analyzer.analyze(text)) {
                if (token.term == term && (token.kind == analysis::TokenKind::Word || token.kind == analysis::TokenKind::Joined)) {
                    std::string shown(text.substr(token.begin, token.end - token.begin));
                    // Sentence case is an accident of position; acronyms and gene names keep theirs.
                    const bool capitalised = shown.size() > 1 && shown[0] >= 'A' && shown[0] <= 'Z' &&
                                             lower_ascii(shown.substr(1)) == shown.substr(1);
                    return capitalised ? lower_ascii(shown) : shown;
                }
            }
        }
    }
    return {};
}

void add_words(const Xapian::Database& db, analysis::Analyzer& analyzer, const analysis::Folding& folding,
               std::string_view word, std::size_t limit, std::vector<Suggestion>& out) {
    const std::string folded = fold(word, folding);
    const bool han = has_han(folded);
    // One Han character already narrows a lot; one Latin letter does not.
    if (folded.empty() || (!han && folded.size() < 2)) return;
    std::vector<Candidate> candidates = top_terms(db, folded, limit * 2);
    if (!han) {
        // A stem may be shorter than what was typed (osteoarthriti -> osteoarthr): try the typed word's heads.
        for (std::size_t n = folded.size(); n + 4 >= folded.size() && n >= 3; --n) {
            const std::string stem = folded.substr(0, n);
            if (const auto freq = db.get_termfreq(stem); freq > 0) candidates.push_back({stem, freq});
        }
        std::sort(candidates.begin(), candidates.end(),
                  [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
    }
    std::unordered_set<std::string> seen;
    const std::string title_prefix(schema::field_prefix(schema::Field::Title));
    for (const auto& c : candidates) {
        if (out.size() >= limit) break;
        std::string text = han ? c.term : display_form(db, analyzer, c.term);
        // A word shorter than what was typed completes nothing (stemxy is not stem, haemo not haem).
        if (text.empty() || (!han && text.size() < word.size()) || !seen.insert(lower_ascii(text)).second) continue;
        const bool in_titles = db.term_exists(title_prefix + c.term);
        out.push_back({std::move(text), in_titles ? "title" : "term", c.weight});
    }
}

void add_journals(const Xapian::Database& db, std::string_view typed, std::vector<Suggestion>& out) {
    const std::string prefix = std::string(schema::kJournalPrefix) + lower_ascii(typed);
    if (typed.size() < 2) return;
    for (const auto& c : top_terms(db, prefix, kMaxJournals)) {
        // The boolean term is lower-cased; the value slot keeps the name as printed.
        const auto p = db.postlist_begin(c.term);
        if (p == db.postlist_end(c.term)) continue;
        std::string name = db.get_document(*p).get_value(schema::slot(schema::Slot::Journal));
        if (name.empty()) name = c.term.substr(schema::kJournalPrefix.size());
        out.push_back({std::move(name), "journal", c.weight});
    }
}

}  // namespace

std::vector<Suggestion> suggest(const Xapian::Database& db, analysis::Analyzer& analyzer,
                                const analysis::Folding& folding, std::string_view typed, std::size_t limit) {
    std::vector<Suggestion> out;
    if (limit == 0) return out;
    const auto first = typed.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return out;
    const std::string_view whole = typed.substr(first, typed.find_last_not_of(" \t\r\n") - first + 1);
    add_journals(db, whole, out);
    if (out.size() < limit) add_words(db, analyzer, folding, last_word(whole), limit - out.size(), out);
    std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.weight > b.weight; });
    return out;
}

}  // namespace duet::server
