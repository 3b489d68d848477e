#include "html.h"

#include "utf8.h"

#include <optional>

namespace duet::search {

namespace {

namespace utf8 = analysis::utf8;

constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[22m";

// C0 and C1 controls (and DEL) are how escape sequences reach a terminal; a record must not carry one.
bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

void append_for_terminal(std::string& out, char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
        out += ' ';
    } else if (!is_control(cp)) {
        utf8::append(out, cp);
    }
}

// The code point an entity body (between & and ;) names, for the entities escape_html writes and
// numeric references; anything else is left as literal text.
std::optional<char32_t> entity_value(std::string_view name) {
    if (name == "amp") return U'&';
    if (name == "lt") return U'<';
    if (name == "gt") return U'>';
    if (name == "quot") return U'"';
    if (name == "apos") return U'\'';
    if (name == "nbsp") return U' ';
    if (name.size() < 2 || name[0] != '#') return std::nullopt;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6) return std::nullopt;
    char32_t value = 0;
    for (const char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return U'\uFFFD';
    return value;
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

std::string html_to_terminal(std::string_view html, bool ansi) {
    std::string out;
    out.reserve(html.size());
    bool bold = false;
    for (std::size_t at = 0; at < html.size();) {
        if (html[at] == '<') {
            const std::size_t close = html.find('>', at);
            if (close == std::string_view::npos) break;  // a cut-off tag carries no text
            const std::string_view tag = html.substr(at + 1, close - at - 1);
            if (ansi && tag == "mark" && !bold) out += kBoldOn;
            if (ansi && tag == "/mark" && bold) out += kBoldOff;
            if (tag == "mark" || tag == "/mark") bold = tag == "mark";
            at = close + 1;
            continue;
        }
        if (html[at] == '&') {
            const std::size_t semi = html.find(';', at);
            if (semi != std::string_view::npos && semi - at <= 10) {
                if (const auto cp = entity_value(html.substr(at + 1, semi - at - 1))) {
                    append_for_terminal(out, *cp);
                    at = semi + 1;
                    continue;
                }
            }
        }
        const utf8::Decoded d = utf8::decode(html, at);
        append_for_terminal(out, d.cp);
        at += d.length;
    }
    // Bold must not leak into the next line when a fragment was cut inside a mark.
    if (ansi && bold) out += kBoldOff;
    return out;
}

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        append_for_terminal(out, d.cp);
        at += d.length;
    }
    return out;
}

}  // namespace duet::search
