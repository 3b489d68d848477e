// Tolerant getters for metadata JSON: numbers stored as strings, null / "" / " " meaning absent.
#include "json_fields.h"

#include "text_util.h"

#include <charconv>
#include <cmath>

namespace duet::records {
namespace {

using nlohmann::json;

const json* find(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string scalar_text(const json& value) {
    if (value.is_string()) return std::string(trim(value.get_ref<const std::string&>()));
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    if (value.is_number_float()) return value.dump();
    // Crossref stores titles as one-element arrays.
    if (value.is_array()) {
        for (const json& item : value) {
            if (!item.is_array()) {
                if (std::string text = scalar_text(item); !text.empty()) return text;
            }
        }
    }
    return {};
}

std::optional<double> parse_double(std::string_view text) {
    text = trim(text);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::string text_field(const json& object, std::string_view key) {
    const json* value = find(object, key);
    return value ? scalar_text(*value) : std::string();
}

std::string first_text_field(const json& object, std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys) {
        if (std::string text = text_field(object, key); !text.empty()) return text;
    }
    return {};
}

std::optional<double> number_field(const json& object, std::string_view key) {
    const json* value = find(object, key);
    if (!value) return std::nullopt;
    if (value->is_number()) return value->get<double>();
    if (value->is_string()) return parse_double(value->get_ref<const std::string&>());
    return std::nullopt;
}

std::optional<std::int64_t> count_field(const json& object, std::string_view key) {
    const auto number = number_field(object, key);
    // Counts beyond 2^53 do not occur; the bound keeps the cast defined.
    if (!number || *number < 0 || *number > 9.0e15 || std::floor(*number) != *number) return std::nullopt;
    return static_cast<std::int64_t>(*number);
}

std::vector<std::string> list_field(const json& object, std::string_view key, ListSplitter split) {
    const json* value = find(object, key);
    if (!value) return {};
    if (value->is_string()) return split(value->get_ref<const std::string&>());
    std::vector<std::string> items;
    if (!value->is_array()) return items;
    for (const json& item : *value) {
        std::string text = item.is_object() ? text_field(item, "name") : scalar_text(item);
        if (!text.empty()) items.push_back(std::move(text));
    }
    return items;
}

}  // namespace duet::records
