#include "compound.h"

#include "char_class.h"
#include "utf8.h"

namespace duet::analysis {

namespace {

struct Cursor {
    std::string_view text;
    CharClass cls(std::size_t at) const {
        if (at >= text.size()) return CharClass::Other;
        const utf8::Decoded d = utf8::decode(text, at);
        return d.valid ? classify(d.cp) : CharClass::Other;
    }
    std::size_t next(std::size_t at) const { return at + utf8::decode(text, at).length; }
    bool ascii_digit(std::size_t at) const { return at < text.size() && text[at] >= '0' && text[at] <= '9'; }
};

bool is_letter(CharClass c) { return c == CharClass::Letter || c == CharClass::Greek; }

// Length of a DOI starting at `at` ("10.NNNN/suffix"), or 0.
std::size_t doi_length(const Cursor& c, std::size_t at) {
    const std::string_view t = c.text;
    if (t.compare(at, 3, "10.") != 0) return 0;
    std::size_t i = at + 3;
    const std::size_t digits_from = i;
    while (c.ascii_digit(i)) ++i;
    if (i - digits_from < 4 || i - digits_from > 9) return 0;
    while (i < t.size() && t[i] == '.' && c.ascii_digit(i + 1)) {  // sub-registrants: 10.1000.10/…
        ++i;
        while (c.ascii_digit(i)) ++i;
    }
    if (i >= t.size() || t[i] != '/') return 0;
    ++i;
    const std::size_t suffix_from = i;
    int open = 0;
    while (i < t.size()) {
        const unsigned char b = static_cast<unsigned char>(t[i]);
        if (b <= ' ' || b == '"' || b == '<' || b == '>' || b >= 0x80) break;
        open += b == '(' ? 1 : b == ')' ? -1 : 0;
        ++i;
    }
    // Sentence punctuation after a DOI is not part of it; a closing bracket is only if it was opened inside.
    while (i > suffix_from) {
        const char last = t[i - 1];
        if (last == '.' || last == ',' || last == ';' || last == ':' || last == ']' || last == '\'') {
            --i;
        } else if (last == ')' && open < 0) {
            --i;
            ++open;
        } else {
            break;
        }
    }
    return i > suffix_from ? i - at : 0;
}

Compound scan_doi(const Cursor& c, std::size_t at, std::size_t length) {
    Compound out{at, at + length, {}, true};
    for (std::size_t i = at; i < out.end;) {
        if (!is_word_char(c.cls(i))) {
            i = c.next(i);
            continue;
        }
        const std::size_t from = i;
        while (i < out.end && is_word_char(c.cls(i))) i = c.next(i);
        out.parts.push_back({from, i, false, false});
    }
    return out;
}

// Reads one part at `at`; stops at a connector, a separator, or a switch between Greek and other letters.
Part scan_part(const Cursor& c, std::size_t at) {
    const bool greek = c.cls(at) == CharClass::Greek;
    std::size_t i = at;
    while (i < c.text.size()) {
        const CharClass k = c.cls(i);
        if (k == CharClass::Apostrophe && i > at && is_letter(c.cls(c.next(i)))) {
            i = c.next(i);
            continue;
        }
        if (!is_word_char(k)) break;
        if (i > at && is_letter(k) && (k == CharClass::Greek) != greek) break;
        i = c.next(i);
    }
    return {at, i, greek, false};
}

}  // namespace

Compound scan_compound(std::string_view text, std::size_t at) {
    const Cursor c{text};
    if (const std::size_t doi = doi_length(c, at)) return scan_doi(c, at, doi);
    Compound out{at, at, {}, false};
    std::size_t i = at;
    bool keep_dot = false;
    while (true) {
        Part part = scan_part(c, i);
        part.keep_dot = keep_dot;
        keep_dot = false;
        out.parts.push_back(part);
        i = part.end;
        out.end = i;
        const CharClass k = c.cls(i);
        if (is_word_char(k)) continue;  // a Greek/Latin switch: TNFα
        const std::size_t after = i < text.size() ? c.next(i) : i;
        const bool word_follows = is_word_char(c.cls(after));
        if ((k == CharClass::Hyphen || k == CharClass::Plus) && word_follows) {
            i = after;
            continue;
        }
        if (k == CharClass::Dot && word_follows && c.ascii_digit(i - 1) && c.ascii_digit(after)) {
            keep_dot = true;
            i = after;
            continue;
        }
        if (k == CharClass::Plus) out.end = after;  // CD4+ : the sign belongs to the word, not to what follows
        return out;
    }
}

}  // namespace duet::analysis
