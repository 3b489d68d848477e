// Parses one JSON object from a line of text, turning every failure into a RecordError.
#include "json_object.h"

#include "utf8_check.h"

#include <fmt/format.h>

namespace duet::records {
namespace {

using nlohmann::json;

std::string_view type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::null: return "null";
        default: return "a number";
    }
}

// nlohmann's what() starts with "[json.exception.parse_error.101] parse error at line 1, column 7: ";
// the byte position is reported separately, so keep only the explanation after it.
std::string_view parse_detail(std::string_view what) {
    const std::size_t column = what.find("column ");
    const std::size_t colon = column == std::string_view::npos ? std::string_view::npos : what.find(": ", column);
    return colon == std::string_view::npos ? what : what.substr(colon + 2);
}

RecordError parse_failure(const json::parse_error& error, std::string_view text, const Origin& origin) {
    const std::string_view detail = parse_detail(error.what());
    if (error.byte > text.size() || detail.find("unexpected end of input") != std::string_view::npos) {
        return {origin, fmt::format("truncated JSON: the text ends after {} bytes before the record is complete ({}); "
                                    "the record was probably cut off, re-export it",
                                    text.size(), detail)};
    }
    return {origin, fmt::format("invalid JSON at byte {}: {}", error.byte, detail)};
}

}  // namespace

std::string describe_invalid_utf8(std::string_view text) {
    const auto bad = first_invalid_utf8(text);
    if (!bad) return {};
    return fmt::format("invalid UTF-8 at byte {} (0x{:02X}); convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)",
                       *bad + 1, static_cast<unsigned char>(text[*bad]));
}

std::variant<json, RecordError> parse_json_object(std::string_view text, const Origin& origin) {
    if (std::string message = describe_invalid_utf8(text); !message.empty()) return RecordError{origin, std::move(message)};
    json value;
    try {
        value = json::parse(text);
    } catch (const json::parse_error& error) {
        return parse_failure(error, text, origin);
    }
    if (!value.is_object()) {
        return RecordError{origin, fmt::format("expected a JSON object holding one record, got {}{}", type_name(value),
                                               value.is_array() ? " (for an array of records use one object per line: "
                                                                  "jq -c '.[]' in.json > out.jsonl)"
                                                                : "")};
    }
    return value;
}

}  // namespace duet::records
