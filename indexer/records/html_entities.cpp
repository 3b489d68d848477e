// Decodes HTML character references (&amp; &#39; &#x3b1; …) into UTF-8.
#include "html_entities.h"

#include "utf8_check.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <utility>

namespace duet::records {
namespace {

// The named references that occur in publisher abstracts; the full HTML5 table (2,000+ names) would
// mostly hold symbols that never appear in biomedical metadata.
constexpr std::pair<std::string_view, char32_t> kNamed[] = {
    {"AElig", 0xC6},   {"Alpha", 0x391},  {"Beta", 0x392},   {"Delta", 0x394},  {"Gamma", 0x393},
    {"Lambda", 0x39B}, {"Omega", 0x3A9},  {"Phi", 0x3A6},    {"Pi", 0x3A0},     {"Prime", 0x2033},
    {"Psi", 0x3A8},    {"Sigma", 0x3A3},  {"Theta", 0x398},  {"Xi", 0x39E},     {"aacute", 0xE1},
    {"acirc", 0xE2},   {"agrave", 0xE0},  {"alpha", 0x3B1},  {"amp", '&'},      {"apos", '\''},
    {"aring", 0xE5},   {"asymp", 0x2248}, {"atilde", 0xE3},  {"auml", 0xE4},    {"beta", 0x3B2},
    {"bull", 0x2022},  {"ccedil", 0xE7},  {"chi", 0x3C7},    {"copy", 0xA9},    {"dagger", 0x2020},
    {"deg", 0xB0},     {"delta", 0x3B4},  {"divide", 0xF7},  {"eacute", 0xE9},  {"ecirc", 0xEA},
    {"egrave", 0xE8},  {"emsp", 0x2003},  {"ensp", 0x2002},  {"epsilon", 0x3B5}, {"equiv", 0x2261},
    {"eta", 0x3B7},    {"euml", 0xEB},    {"frac12", 0xBD},  {"frac14", 0xBC},  {"gamma", 0x3B3},
    {"ge", 0x2265},    {"gt", '>'},       {"hellip", 0x2026}, {"iacute", 0xED}, {"infin", 0x221E},
    {"iota", 0x3B9},   {"iuml", 0xEF},    {"kappa", 0x3BA},  {"lambda", 0x3BB}, {"laquo", 0xAB},
    {"larr", 0x2190},  {"ldquo", 0x201C}, {"le", 0x2264},    {"lsquo", 0x2018}, {"lt", '<'},
    {"mdash", 0x2014}, {"micro", 0xB5},   {"middot", 0xB7},  {"minus", 0x2212}, {"mu", 0x3BC},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"ne", 0x2260},    {"ntilde", 0xF1},  {"nu", 0x3BD},
    {"oacute", 0xF3},  {"omega", 0x3C9},  {"ouml", 0xF6},    {"phi", 0x3C6},    {"pi", 0x3C0},
    {"plusmn", 0xB1},  {"pound", 0xA3},   {"prime", 0x2032}, {"psi", 0x3C8},    {"quot", '"'},
    {"raquo", 0xBB},   {"rarr", 0x2192},  {"rdquo", 0x201D}, {"reg", 0xAE},     {"rho", 0x3C1},
    {"rsquo", 0x2019}, {"sect", 0xA7},    {"shy", 0xAD},     {"sigma", 0x3C3},  {"sup2", 0xB2},
    {"sup3", 0xB3},    {"szlig", 0xDF},   {"tau", 0x3C4},    {"theta", 0x3B8},  {"thinsp", 0x2009},
    {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA},  {"uuml", 0xFC},    {"xi", 0x3BE},
    {"zeta", 0x3B6},
};

constexpr std::size_t kLongestName = 8;

// Old Windows tools wrote &#150; meaning the Windows-1252 dash; browsers read 128–159 that way too.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

char32_t numeric_code_point(std::uint32_t value) {
    if (value == 0) return 0xFFFD;  // &#0; comes from broken encoders; NUL must not reach the index
    if (value >= 0x80 && value <= 0x9F) return kWindows1252[value - 0x80];
    return static_cast<char32_t>(value);
}

std::size_t decode_numeric(std::string_view text, std::string& out) {
    // text = "&#…": decimal, or hexadecimal after 'x'/'X'.
    const bool hex = text.size() > 2 && (text[2] == 'x' || text[2] == 'X');
    const std::size_t digits_begin = hex ? 3 : 2;
    const std::size_t semicolon = text.find(';', digits_begin);
    if (semicolon == std::string_view::npos || semicolon == digits_begin || semicolon > digits_begin + 8) return 0;
    std::uint32_t value = 0;
    const char* first = text.data() + digits_begin;
    const char* last = text.data() + semicolon;
    const auto [end, error] = std::from_chars(first, last, value, hex ? 16 : 10);
    if (error != std::errc{} || end != last) return 0;
    append_utf8(out, numeric_code_point(value));
    return semicolon + 1;
}

}  // namespace

std::size_t decode_entity(std::string_view text, std::string& out) {
    if (text.size() < 3 || text[0] != '&') return 0;
    if (text[1] == '#') return decode_numeric(text, out);
    const std::size_t semicolon = text.find(';');
    if (semicolon == std::string_view::npos || semicolon > kLongestName + 1) return 0;
    const std::string_view name = text.substr(1, semicolon - 1);
    const auto* found = std::find_if(std::begin(kNamed), std::end(kNamed), [&](const auto& entry) { return entry.first == name; });
    if (found == std::end(kNamed)) return 0;
    append_utf8(out, found->second);
    return semicolon + 1;
}

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            const std::size_t used = decode_entity(text.substr(i), out);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

}  // namespace duet::records
