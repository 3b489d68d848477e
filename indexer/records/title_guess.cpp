// Titles for text that has none: is a line a heading, and a short title from the first sentence.
#include "title_guess.h"

#include "text_util.h"
#include "utf8_check.h"

#include <algorithm>
#include <iterator>

namespace duet::records {
namespace {

constexpr std::size_t kMaxTitleChars = 300;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
constexpr std::string_view kCjkStops[] = {"\xE3\x80\x82" /* 。 */, "\xEF\xBC\x81" /* ！ */, "\xEF\xBC\x9F" /* ？ */};
// Words whose full stop does not end a sentence in biomedical prose.
constexpr std::string_view kAbbreviations[] = {"al", "e.g", "i.e", "etc", "fig", "figs", "vs", "dr", "no",
                                               "approx", "ca", "cf", "st", "ref", "refs", "eq", "vol"};

bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '(' || c == '"'; }

// The word that ends just before text[dot] (letters and inner dots), lower case.
std::string word_before(std::string_view text, std::size_t dot) {
    std::size_t begin = dot;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '(') --begin;
    return ascii_lower(text.substr(begin, dot - begin));
}

bool ends_sentence(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') return false;
    if (i + 2 >= text.size() || text[i + 1] != ' ' || !is_upper_or_digit(text[i + 2])) return false;
    if (c != '.') return true;
    const std::string word = word_before(text, i);
    const bool initial = word.size() == 1;  // "Friedenstein A. J." style initials
    return !initial && std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) == std::end(kAbbreviations);
}

}  // namespace

std::size_t first_sentence_length(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const std::string_view stop : kCjkStops) {
            if (text.substr(i).starts_with(stop)) return i + stop.size();
        }
        if (ends_sentence(text, i)) return i + 1;
    }
    return text.size();
}

bool looks_like_title(std::string_view line) {
    line = trim(line);
    if (line.empty() || code_point_count(line) > kMaxTitleChars) return false;
    return first_sentence_length(line) >= line.size();
}

std::string title_from_text(std::string_view text, std::size_t max_chars) {
    text = trim(text);
    std::string sentence = collapse_spaces(text.substr(0, first_sentence_length(text)));
    if (code_point_count(sentence) <= max_chars) return sentence;
    const std::size_t limit = prefix_bytes(sentence, max_chars > 0 ? max_chars - 1 : 0);
    std::size_t cut = sentence.rfind(' ', limit);
    // Chinese has no spaces: without a word boundary in the second half, cut between characters.
    if (cut == std::string::npos || cut < limit / 2) cut = limit;
    std::string title(trim(std::string_view(sentence).substr(0, cut)));
    while (!title.empty() && (title.back() == ',' || title.back() == ';' || title.back() == ':')) title.pop_back();
    return title + std::string(kEllipsis);
}

}  // namespace duet::records
