// Publication dates as found in metadata ("2025-09-01", "2025/7/28 0:00:00", "2025") in one spelling.
#include "date_text.h"

#include "text_util.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace duet::records {
namespace {

// Reads 1..max_digits digits at text[pos]; advances pos.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t max_digits) {
    int value = 0;
    const char* first = text.data() + pos;
    const std::size_t available = std::min(text.size() - pos, max_digits);
    const auto [end, error] = std::from_chars(first, first + available, value);
    if (error != std::errc{}) return std::nullopt;
    pos += static_cast<std::size_t>(end - first);
    return value;
}

bool is_separator(char c) { return c == '-' || c == '/' || c == '.'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string normalize_date(std::string_view raw) {
    const std::string_view text = trim(raw);
    std::size_t pos = 0;
    const auto year = read_number(text, pos, 4);
    if (!year || pos != 4 || *year < 1000 || (pos < text.size() && is_digit(text[pos]))) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d", *year);
    std::string date = buffer;
    if (pos + 1 >= text.size() || !is_separator(text[pos]) || !is_digit(text[pos + 1])) return date;
    ++pos;
    const auto month = read_number(text, pos, 2);
    if (!month || *month < 1 || *month > 12) return date;
    std::snprintf(buffer, sizeof buffer, "-%02d", *month);
    date += buffer;
    if (pos + 1 >= text.size() || !is_separator(text[pos]) || !is_digit(text[pos + 1])) return date;
    ++pos;
    const auto day = read_number(text, pos, 2);
    if (!day || *day < 1 || *day > 31) return date;
    std::snprintf(buffer, sizeof buffer, "-%02d", *day);
    return date + buffer;
}

std::optional<int> year_of(std::string_view date) {
    std::size_t pos = 0;
    if (date.size() < 4) return std::nullopt;
    const auto year = read_number(date, pos, 4);
    return pos == 4 ? year : std::nullopt;
}

}  // namespace duet::records
