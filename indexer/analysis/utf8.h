// Decoding UTF-8 one code point at a time without trusting the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace duet::analysis::utf8 {

/// A decoded code point and the number of bytes it used; `valid` is false for a malformed sequence.
struct Decoded {
    char32_t cp;
    std::size_t length;
    bool valid;
};

/// Decodes the code point starting at `text[at]`; a malformed byte decodes as U+FFFD with length 1.
inline Decoded decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(at);
    if (b0 < 0x80) return {b0, 1, true};
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return {0xFFFD, 1, false};
    if (at + len > text.size()) return {0xFFFD, 1, false};
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(at + i);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
    return {cp, len, true};
}

/// Appends the UTF-8 encoding of `cp` to `out`.
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The largest cut `at` or before it that splits no UTF-8 sequence (backs up over continuation bytes;
/// `at` itself when it is 0 or at or past the end).
inline std::size_t boundary_at_or_before(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

/// True when every byte of `text` belongs to a well-formed UTF-8 sequence.
inline bool is_valid(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        const Decoded d = decode(text, at);
        if (!d.valid) return false;
        at += d.length;
    }
    return true;
}

}  // namespace duet::analysis::utf8
