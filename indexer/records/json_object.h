// Parses one JSON object from a line of text, turning every failure into a RecordError.
#pragma once

#include "record.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <variant>

namespace duet::records {

/// The object in `text`, or an error for `origin` naming what is wrong: invalid UTF-8 (with the
/// byte), truncated or invalid JSON (with nlohmann's byte position), or a value that is not an object.
std::variant<nlohmann::json, RecordError> parse_json_object(std::string_view text, const Origin& origin);

/// "invalid UTF-8 at byte N (0xHH): …" when `text` is not valid UTF-8; "" otherwise. Bytes count from 1.
std::string describe_invalid_utf8(std::string_view text);

}  // namespace duet::records
