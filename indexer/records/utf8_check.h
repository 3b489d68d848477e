// UTF-8 checks and code point helpers the reader needs without pulling in ICU.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace duet::records {

/// Byte offset (0-based) of the first byte that is not part of a valid UTF-8 sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Appends code point `cp` encoded as UTF-8; invalid code points become U+FFFD.
void append_utf8(std::string& out, char32_t cp);

/// True when `text` holds at least one Han (CJK ideograph) character; `text` must be valid UTF-8.
bool contains_han(std::string_view text);

/// Number of code points in valid UTF-8 `text`.
std::size_t code_point_count(std::string_view text);

/// Byte length of the longest prefix of valid UTF-8 `text` holding at most `max_code_points`.
std::size_t prefix_bytes(std::string_view text, std::size_t max_code_points);

}  // namespace duet::records
