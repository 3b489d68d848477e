// Full-width forms of ASCII read as ASCII, for query syntax and parameters typed on Chinese keyboards.
#pragma once

#include "utf8.h"

#include <string>
#include <string_view>

namespace duet::analysis {

/// `text` with the full-width forms of ASCII (U+FF01–U+FF5E: （ ： ＋ ２ Ｑ …) and the ideographic space (U+3000)
/// as ASCII; every other character, and any malformed byte, as it was.
inline std::string ascii_forms(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        if (d.valid && d.cp >= 0xFF01 && d.cp <= 0xFF5E) {
            out += static_cast<char>(d.cp - 0xFEE0);
        } else if (d.valid && d.cp == 0x3000) {
            out += ' ';
        } else {
            out.append(text.substr(at, d.length));
        }
        at += d.length;
    }
    return out;
}

}  // namespace duet::analysis
