// Tolerant getters for metadata JSON: numbers stored as strings, null / "" / " " meaning absent.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duet::records {

/// The value of `key` as text: strings trimmed, numbers formatted, an array's first non-empty item,
/// "" for anything else (null, objects).
std::string text_field(const nlohmann::json& object, std::string_view key);

/// The first of `keys` whose text_field is not empty.
std::string first_text_field(const nlohmann::json& object, std::initializer_list<std::string_view> keys);

/// A number stored as a JSON number or as a string ("2.1000", " 7 "); nullopt when absent or not numeric.
std::optional<double> number_field(const nlohmann::json& object, std::string_view key);

/// A non-negative integer stored as a number or a string ("0", "12", "12.0").
std::optional<std::int64_t> count_field(const nlohmann::json& object, std::string_view key);

/// How a list stored as one string is split into items.
using ListSplitter = std::vector<std::string> (*)(std::string_view);

/// A list stored as an array of strings (or of {"name": …} objects) or as one string cut by `split`.
std::vector<std::string> list_field(const nlohmann::json& object, std::string_view key, ListSplitter split);

}  // namespace duet::records
