// Splits the space-separated lists Duet writes itself: a compound's parts (heart failur), a record's languages.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace duet::search {

/// The words of `text`, split at single spaces; empty words are skipped.
inline std::vector<std::string_view> spaced_words(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t from = 0; from < text.size();) {
        const std::size_t space = std::min(text.find(' ', from), text.size());
        if (space > from) out.push_back(text.substr(from, space - from));
        from = space + 1;
    }
    return out;
}

}  // namespace duet::search
