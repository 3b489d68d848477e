#include "snippets.h"

#include "char_class.h"
#include "utf8.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace duet::search {

namespace {

namespace utf8 = analysis::utf8;
using analysis::CharClass;
using analysis::TokenKind;

constexpr std::string_view kEllipsis = "…";

/// A byte range of the original text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// One matched token that counts towards a window's score, with an id per distinct term.
struct Occurrence {
    std::size_t begin = 0;
    std::size_t term = 0;
};

/// What a text's matches look like: merged ranges to mark and the occurrences that score windows.
struct Matches {
    std::vector<Span> marks;               ///< sorted, disjoint, never touching
    std::vector<Occurrence> occurrences;   ///< sorted by begin
    std::size_t distinct_terms = 0;
};

/// A candidate fragment and how good it is.
struct Window {
    Span span;
    std::size_t distinct = 0;
    std::size_t count = 0;
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_space(char32_t cp) { return cp < 0x80 ? is_ascii_space(static_cast<char>(cp)) : cp == 0xA0 || cp == 0x3000; }

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
           (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
           (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_combining(char32_t cp) { return cp >= 0x300 && analysis::classify(cp) == CharClass::Mark; }

std::size_t columns(char32_t cp) {
    if (cp < 0x300) return 1;
    if (is_wide(cp)) return 2;
    if (is_combining(cp) || (cp >= 0x200B && cp <= 0x200F)) return 0;
    return 1;
}

/// The start of the code point ending at `at`; a malformed byte counts as one code point, as in decode().
std::size_t prev_boundary(std::string_view text, std::size_t at) {
    std::size_t p = at - 1;
    while (p > 0 && at - p < 4 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    const utf8::Decoded d = utf8::decode(text, p);
    return d.valid && p + d.length == at ? p : at - 1;
}

char32_t cp_at(std::string_view text, std::size_t at) { return utf8::decode(text, at).cp; }

/// Where a walk of at most `budget` columns stopped, and how many columns it used.
struct Walk {
    std::size_t at = 0;
    std::size_t used = 0;
};

// Zero-width combining marks are taken along, so a walk forward never ends between a letter and its accent.
Walk walk_forward(std::string_view text, std::size_t from, std::size_t budget) {
    Walk w{from, 0};
    while (w.at < text.size()) {
        const utf8::Decoded d = utf8::decode(text, w.at);
        const std::size_t c = columns(d.cp);
        if (w.used + c > budget) break;
        w.used += c;
        w.at += d.length;
    }
    return w;
}

Walk walk_back(std::string_view text, std::size_t from, std::size_t budget) {
    Walk w{from, 0};
    while (w.at > 0) {
        const std::size_t p = prev_boundary(text, w.at);
        const std::size_t c = columns(cp_at(text, p));
        if (w.used + c > budget) break;
        w.used += c;
        w.at = p;
    }
    return w;
}

/// The mark that strictly contains `at` (begin < at < end), if any.
const Span* mark_around(const std::vector<Span>& marks, std::size_t at) {
    const auto it = std::upper_bound(marks.begin(), marks.end(), at,
                                     [](std::size_t a, const Span& s) { return a < s.begin; });
    if (it == marks.begin()) return nullptr;
    const Span& s = *(it - 1);
    return s.begin < at && at < s.end ? &s : nullptr;
}

bool is_opening_bracket(char32_t cp) {
    switch (cp) {
        case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x3008: case 0x300A: case 0x300C: case 0x300E:
        case 0x3010: case 0x3014: case 0x3016: case 0x3018: case 0x301A: return true;
        default: return false;
    }
}

// Chinese punctuation such as 。，）belongs to the text before it: no fragment starts on it.
bool is_trailing_punctuation(char32_t cp) {
    if (!is_wide(cp) || is_space(cp) || is_opening_bracket(cp)) return false;
    const CharClass c = analysis::classify(cp);
    return c != CharClass::Han && !analysis::is_word_char(c);
}

// Cutting here loses no part of a Latin word: whitespace or a Chinese character (or CJK punctuation)
// is on one side. Chinese may be cut between any two characters; a mark is never cut.
bool clean_boundary(std::string_view text, const std::vector<Span>& marks, std::size_t at) {
    if (at == 0 || at >= text.size()) return true;
    if (mark_around(marks, at) != nullptr) return false;
    const char32_t next = cp_at(text, at);
    if (is_combining(next) || is_trailing_punctuation(next)) return false;
    const char32_t prev = cp_at(text, prev_boundary(text, at));
    const auto breaks = [](char32_t cp) {
        if (is_space(cp)) return true;
        const CharClass c = analysis::classify(cp);
        return c == CharClass::Han || (is_wide(cp) && !analysis::is_word_char(c));
    };
    return breaks(prev) || breaks(next);
}

// Lower ranks are the more specific matches; a token inside a matched token of lower rank adds nothing.
int kind_rank(TokenKind kind) {
    switch (kind) {
        case TokenKind::Word:
        case TokenKind::Joined: return 0;
        case TokenKind::Subword: return 1;
        case TokenKind::Bigram: return 2;
        case TokenKind::Unigram: return 3;
    }
    return 0;
}

// ASCII letters and digits lowercased, other ASCII dropped: compounds and DOIs are searched without their
// hyphens, dots and slashes (KRAS matches K-Ras).
void fold_ascii(char c, std::string& out) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
}

// What a passage must hold, once folded by may_match, for a query term to match in it: a Han term's folded
// text (so Traditional text counts), or an English term less its last letter, since a stem may end where its
// word does not (studi: study; hope: hoping; sky: skies; possibl: possibility).
struct PassageFilter {
    std::vector<std::string> needles;
    bool other_words = false;  ///< the query has non-Han words
    bool every_passage = false;  ///< too many needles to list: analyse every passage
};

// A prefix as short as "ca*" begins many listed forms; past this many, a passage is analysed whatever it holds.
constexpr std::size_t kMaxListedForms = 64;

PassageFilter passage_filter(const MatchTerms& terms, const analysis::Analyzer& analyzer) {
    PassageFilter f;
    // mice holds no letters of mous, Haemorrhage none of hemorrh*.
    for (const auto* set : {&terms.words, &terms.prefixes}) {
        for (const std::string& term : *set) {
            std::vector<std::string> forms = analyzer.listed_forms(term, kMaxListedForms);
            f.every_passage = f.every_passage || forms.size() == kMaxListedForms;
            for (std::string& form : forms) f.needles.push_back(std::move(form));
        }
    }
    for (const auto* set : {&terms.words, &terms.bigrams, &terms.unigrams, &terms.prefixes}) {
        for (const std::string& term : *set) {
            bool han = false;
            std::string needle;
            for (std::size_t at = 0; at < term.size();) {
                const utf8::Decoded d = utf8::decode(term, at);
                if (d.cp < 0x80) {
                    fold_ascii(static_cast<char>(d.cp), needle);
                } else {
                    han = han || analysis::classify(d.cp) == CharClass::Han;
                    needle.append(term, at, d.length);
                }
                at += d.length;
            }
            f.other_words = f.other_words || !han;
            // Snowball's exceptions dying, lying and tying stem to die, lie and tie.
            if (!han && needle.size() >= 3 && needle.ends_with("ie")) {
                f.needles.push_back(needle.substr(0, needle.size() - 2) + "y");
            }
            if (!han && needle.size() >= 3) needle.pop_back();
            f.needles.push_back(std::move(needle));
        }
    }
    return f;
}

// Folds as passage_filter does, Han characters as they are matched. Any other letter (é, full-width or Greek
// letters: α is searched as alpha) may fold into a word in ways only the analyzer knows, so such a passage
// may match whenever the query has non-Han words. `folded` is scratch space.
bool may_match(std::string_view passage, const PassageFilter& f, const analysis::Analyzer& analyzer,
               std::string& folded) {
    if (f.every_passage) return true;
    folded.clear();
    for (std::size_t at = 0; at < passage.size();) {
        const utf8::Decoded d = utf8::decode(passage, at);
        at += d.length;
        if (d.cp < 0x80) {
            fold_ascii(static_cast<char>(d.cp), folded);
            continue;
        }
        const CharClass c = analysis::classify(d.cp);
        if (c == CharClass::Han) utf8::append(folded, analyzer.han_match_form(d.cp));
        if (c != CharClass::Han && f.other_words && analysis::is_word_char(c)) return true;
    }
    return std::any_of(f.needles.begin(), f.needles.end(),
                       [&](const std::string& needle) { return folded.find(needle) != std::string::npos; });
}

// The end of the passage starting at `from`: after the next line break, Chinese sentence end (。！？；) or
// English one (. ? ! ; before a space), which no token spans. An English abstract is mostly one line, and
// only its sentences that may hold a query word need analysing.
std::size_t passage_end(std::string_view text, std::size_t from) {
    for (std::size_t at = from; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        at += d.length;
        if (d.cp == '\n' || d.cp == 0x3002 || d.cp == 0xFF01 || d.cp == 0xFF1F || d.cp == 0xFF1B) return at;
        if ((d.cp == '.' || d.cp == '?' || d.cp == '!' || d.cp == ';') && at < text.size() &&
            (text[at] == ' ' || text[at] == '\t')) {
            return at + 1;
        }
    }
    return text.size();
}

// The query's tokens in `text`. Only passages that may hold a match are analysed: segmenting the Chinese of
// a long record is most of a search's time, and most of its sentences hold no query term.
std::vector<analysis::Token> matched_tokens(std::string_view text, const MatchTerms& terms,
                                            analysis::Analyzer& analyzer) {
    const PassageFilter filter = passage_filter(terms, analyzer);
    std::vector<analysis::Token> matched;
    std::vector<analysis::Token> tokens;
    std::string folded;
    for (std::size_t from = 0; from < text.size();) {
        const std::size_t end = passage_end(text, from);
        const std::string_view passage = text.substr(from, end - from);
        if (may_match(passage, filter, analyzer, folded)) {
            tokens.clear();
            analyzer.analyze(passage, 1, tokens);
            for (auto& t : tokens) {
                if (t.begin >= t.end || t.end > passage.size() || !terms.matches(t)) continue;
                t.begin += static_cast<std::uint32_t>(from);
                t.end += static_cast<std::uint32_t>(from);
                matched.push_back(std::move(t));
            }
        }
        from = end;
    }
    return matched;
}

Matches find_matches(std::string_view text, const MatchTerms& terms, analysis::Analyzer& analyzer) {
    Matches m;
    if (terms.empty() || text.empty()) return m;
    std::vector<analysis::Token> matched = matched_tokens(text, terms, analyzer);
    std::sort(matched.begin(), matched.end(), [](const analysis::Token& a, const analysis::Token& b) {
        return std::tie(a.begin, b.end) < std::tie(b.begin, a.end);
    });
    for (const auto& t : matched) {
        if (!m.marks.empty() && t.begin <= m.marks.back().end) {
            m.marks.back().end = std::max<std::size_t>(m.marks.back().end, t.end);
        } else {
            m.marks.push_back({t.begin, t.end});
        }
    }
    // A Chinese word matched as a word also matches as subwords, bigrams and characters; only the word
    // counts, or every Chinese match would outscore an English one. The sweep keeps, per rank, the furthest
    // end of the tokens starting at or before the current one.
    std::unordered_map<std::string, std::size_t> ids;
    std::size_t reach[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < matched.size();) {
        std::size_t same = i;
        for (; same < matched.size() && matched[same].begin == matched[i].begin; ++same) {
            const int r = kind_rank(matched[same].kind);
            reach[r] = std::max<std::size_t>(reach[r], matched[same].end);
        }
        for (; i < same; ++i) {
            const analysis::Token& t = matched[i];
            const int r = kind_rank(t.kind);
            bool covered = false;
            for (int better = 0; better < r; ++better) covered = covered || reach[better] >= t.end;
            if (covered) continue;
            // Word, Joined and Subword terms share one term space, as in MatchTerms.
            const char space = r <= kind_rank(TokenKind::Subword) ? 'w' : r == kind_rank(TokenKind::Bigram) ? 'b' : 'u';
            m.occurrences.push_back({t.begin, ids.try_emplace(space + t.term, ids.size()).first->second});
        }
    }
    m.distinct_terms = ids.size();
    return m;
}

// Starts on a word boundary: past Chinese punctuation; back to the start of the word `at` falls in while
// that stays at or after `floor`, else forward to the next boundary, else on the first match (a token start).
std::size_t snap_begin(std::string_view text, const std::vector<Span>& marks, std::size_t at, std::size_t floor,
                       std::size_t first) {
    while (at < first && is_trailing_punctuation(cp_at(text, at))) at += utf8::decode(text, at).length;
    for (std::size_t p = at;; p = prev_boundary(text, p)) {
        if (clean_boundary(text, marks, p)) return p;
        if (p <= floor) break;
    }
    if (const Span* s = mark_around(marks, at)) at = s->end;
    for (std::size_t p = at; p < first; p += utf8::decode(text, p).length) {
        if (clean_boundary(text, marks, p)) return p;
    }
    // Never start on an accent, even when the first match does (a text opening with a combining mark).
    while (first > 0 && is_combining(cp_at(text, first))) first = prev_boundary(text, first);
    return first;
}

std::size_t snap_end(std::string_view text, const std::vector<Span>& marks, std::size_t at, std::size_t last_end) {
    if (at >= text.size()) return text.size();
    if (const Span* s = mark_around(marks, at)) at = s->begin;
    for (std::size_t p = at; p > last_end; p = prev_boundary(text, p)) {
        if (clean_boundary(text, marks, p)) return p;
    }
    return last_end;
}

Window place_window(std::string_view text, const Matches& m, std::size_t anchor, std::size_t width) {
    const std::size_t first = m.marks[anchor].begin;
    const Walk reach = walk_forward(text, first, width);
    // One match wider than the window: show its start; rendering clips the mark.
    if (m.marks[anchor].end > reach.at) return {{first, reach.at}};
    std::size_t last = anchor;
    while (last + 1 < m.marks.size() && m.marks[last + 1].end <= reach.at) ++last;
    const std::size_t last_end = m.marks[last].end;
    const std::size_t slack = width - display_width(text.substr(first, last_end - first));
    // A third of the spare room goes before the matches (up to half, to reach the start of a word): a
    // reader needs less lead-in than follow-on. Near the end of the text, what cannot go after goes before.
    std::size_t lead = slack / 3;
    const Walk after = walk_forward(text, last_end, slack - walk_back(text, first, lead).used);
    if (after.at == text.size()) lead = slack - after.used;
    const std::size_t begin = snap_begin(text, m.marks, walk_back(text, first, lead).at,
                                         walk_back(text, first, std::max(lead, slack / 2)).at, first);
    const std::size_t end = snap_end(text, m.marks, walk_forward(text, begin, width).at, last_end);
    return {{begin, std::max(end, last_end)}};
}

/// Counts the occurrences starting inside the window (windows never hold part of a mark, so these are
/// the ones wholly inside), and the distinct terms among them.
void score(Window& w, const Matches& m, std::vector<char>& seen) {
    std::fill(seen.begin(), seen.end(), 0);
    auto it = std::lower_bound(m.occurrences.begin(), m.occurrences.end(), w.span.begin,
                               [](const Occurrence& o, std::size_t at) { return o.begin < at; });
    for (; it != m.occurrences.end() && it->begin < w.span.end; ++it) {
        ++w.count;
        if (seen[it->term] == 0) ++w.distinct;
        seen[it->term] = 1;
    }
}

std::string render(std::string_view text, Span span, const std::vector<Span>& marks) {
    // Edge whitespace is trimmed; the ellipses say whether text was left out.
    while (span.begin < span.end && is_ascii_space(text[span.begin])) ++span.begin;
    while (span.end > span.begin && is_ascii_space(text[span.end - 1])) --span.end;
    const auto has_content = [](std::string_view part) {
        return std::any_of(part.begin(), part.end(), [](char c) { return !is_ascii_space(c); });
    };
    // Runs of whitespace (line breaks included) collapse to one space; a mark never holds whitespace.
    const auto append_collapsed = [](std::string& out, std::string_view part) {
        for (std::size_t at = 0; at < part.size();) {
            if (is_ascii_space(part[at])) {
                out += ' ';
                while (at < part.size() && is_ascii_space(part[at])) ++at;
                continue;
            }
            std::size_t stop = at;
            while (stop < part.size() && !is_ascii_space(part[stop])) ++stop;
            append_escaped(out, part.substr(at, stop - at));
            at = stop;
        }
    };
    std::string out;
    if (has_content(text.substr(0, span.begin))) out += kEllipsis;
    auto it = std::upper_bound(marks.begin(), marks.end(), span.begin,
                               [](std::size_t a, const Span& s) { return a < s.end; });
    std::size_t at = span.begin;
    for (; it != marks.end() && it->begin < span.end; ++it) {
        const std::size_t b = std::max(it->begin, span.begin);
        const std::size_t e = std::min(it->end, span.end);
        append_collapsed(out, text.substr(at, b - at));
        out += "<mark>";
        append_collapsed(out, text.substr(b, e - b));
        out += "</mark>";
        at = e;
    }
    append_collapsed(out, text.substr(at, span.end - at));
    if (has_content(text.substr(span.end))) out += kEllipsis;
    return out;
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        switch (d.cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (d.valid) out.append(text.substr(at, d.length));
                else utf8::append(out, d.cp);  // U+FFFD
        }
        at += d.length;
    }
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text);
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        width += columns(d.cp);
        at += d.length;
    }
    return width;
}

std::string highlight_html(std::string_view text, const MatchTerms& terms, analysis::Analyzer& analyzer) {
    return render(text, {0, text.size()}, find_matches(text, terms, analyzer).marks);
}

std::vector<std::string> snippet_fragments(std::string_view text, const MatchTerms& terms,
                                           analysis::Analyzer& analyzer, const SnippetOptions& options) {
    std::vector<std::string> fragments;
    if (options.max_fragments == 0) return fragments;
    const Matches m = find_matches(text, terms, analyzer);
    // One candidate per mark, starting a little before it and taking in as many following marks as fit.
    std::vector<Window> candidates;
    std::vector<char> seen(m.distinct_terms);
    for (std::size_t i = 0; i < m.marks.size(); ++i) {
        Window w = place_window(text, m, i, options.fragment_width);
        if (w.span.begin >= w.span.end) continue;
        score(w, m, seen);
        candidates.push_back(w);
    }
    std::sort(candidates.begin(), candidates.end(), [](const Window& a, const Window& b) {
        return std::tie(b.distinct, b.count, a.span.begin) < std::tie(a.distinct, a.count, b.span.begin);
    });
    std::vector<Span> chosen;
    for (const Window& w : candidates) {
        if (chosen.size() == options.max_fragments) break;
        const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Span& s) {
            return w.span.begin < s.end && s.begin < w.span.end;
        });
        if (!overlaps) chosen.push_back(w.span);
    }
    std::sort(chosen.begin(), chosen.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (const Span& s : chosen) fragments.push_back(render(text, s, m.marks));
    return fragments;
}

std::string lead_fragment(std::string_view text, const SnippetOptions& options) {
    std::size_t begin = 0;
    while (begin < text.size() && is_ascii_space(text[begin])) ++begin;
    std::size_t end = walk_forward(text, begin, options.fragment_width).at;
    const std::vector<Span> no_marks;
    // Back off to the last word boundary; a text with none in reach is cut where the width ends.
    std::size_t p = end;
    while (p > begin && !clean_boundary(text, no_marks, p)) p = prev_boundary(text, p);
    if (p > begin) end = p;
    return render(text, {begin, end}, no_marks);
}

}  // namespace duet::search
