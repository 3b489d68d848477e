// Iterates over the lines of a text held in memory (word lists, stopword lists).
#pragma once

#include <string_view>

namespace duet::analysis {

/// Calls `fn(line)` for each line of `content`, without its "\n" or "\r\n".
template <typename Fn>
void for_each_line(std::string_view content, Fn&& fn) {
    while (!content.empty()) {
        const std::size_t eol = content.find('\n');
        std::string_view line = content.substr(0, eol);
        content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        fn(line);
    }
}

}  // namespace duet::analysis
