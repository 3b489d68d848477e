// Hashing for string-keyed maps that are looked up by std::string_view without building a std::string.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace duet::analysis {

/// A transparent hash: with std::equal_to<> it lets find() take a std::string_view.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace duet::analysis
