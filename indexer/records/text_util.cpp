// Small pure string helpers shared by the record parsers (trimming, splitting, comparing).
#include "text_util.h"

#include <initializer_list>

namespace duet::records {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Byte length of the whitespace character at `i`, or 0 when there is none.
std::size_t space_at(std::string_view text, std::size_t i) {
    if (is_ascii_space(text[i])) return 1;
    const std::string_view rest = text.substr(i);
    if (rest.starts_with(kNbsp)) return kNbsp.size();
    if (rest.starts_with(kIdeographicSpace)) return kIdeographicSpace.size();
    return 0;
}

// Byte length of the whitespace character that ends at `end`, or 0 when there is none.
std::size_t space_before(std::string_view text, std::size_t end) {
    if (is_ascii_space(text[end - 1])) return 1;
    const std::string_view head = text.substr(0, end);
    if (head.ends_with(kNbsp)) return kNbsp.size();
    if (head.ends_with(kIdeographicSpace)) return kIdeographicSpace.size();
    return 0;
}

std::string without_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = space_at(text, i);
        if (n == 0) out.push_back(text[i++]);
        i += n;
    }
    return out;
}

constexpr std::string_view kComma = ",";
constexpr std::string_view kSemicolon = ";";
constexpr std::string_view kFullComma = "\xEF\xBC\x8C";       // ，
constexpr std::string_view kFullSemicolon = "\xEF\xBC\x9B";   // ；
constexpr std::string_view kIdeographicComma = "\xE3\x80\x81";  // 、

std::vector<std::string> split_on(std::string_view text, std::initializer_list<std::string_view> separators) {
    std::vector<std::string> items;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        const std::string item = collapse_spaces(text.substr(start, end - start));
        if (!item.empty()) items.push_back(item);
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t matched = 0;
        for (const std::string_view separator : separators) {
            if (text.substr(i).starts_with(separator)) matched = separator.size();
        }
        if (matched == 0) {
            ++i;
            continue;
        }
        flush(i);
        i += matched;
        start = i;
    }
    flush(text.size());
    return items;
}

}  // namespace

std::string_view trim(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t n = space_at(text, begin);
        if (n == 0) break;
        begin += n;
    }
    std::size_t end = text.size();
    while (end > begin) {
        const std::size_t n = space_before(text, end);
        if (n == 0) break;
        end -= n;
    }
    return text.substr(begin, end - begin);
}

bool is_blank(std::string_view text) { return trim(text).empty(); }

std::string collapse_spaces(std::string_view text) {
    text = trim(text);
    std::string out;
    out.reserve(text.size());
    bool in_space = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = space_at(text, i);
        if (n > 0) {
            in_space = true;
            i += n;
            continue;
        }
        if (in_space) out.push_back(' ');
        in_space = false;
        out.push_back(text[i++]);
    }
    return out;
}

std::vector<std::string> split_list(std::string_view text) {
    return split_on(text, {kComma, kSemicolon, kFullComma, kFullSemicolon});
}

std::vector<std::string> split_names(std::string_view text) {
    if (text.find(kSemicolon) != std::string_view::npos || text.find(kFullSemicolon) != std::string_view::npos) {
        return split_on(text, {kSemicolon, kFullSemicolon});
    }
    return split_on(text, {kComma, kFullComma, kIdeographicComma});
}

bool same_text_ignoring_space(std::string_view a, std::string_view b) {
    return without_space(a) == without_space(b);
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && is_ascii_space(line.back())) line.remove_suffix(1);
        lines.push_back(line);
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return lines;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && ascii_lower(text.substr(0, prefix.size())) == ascii_lower(prefix);
}

}  // namespace duet::records
