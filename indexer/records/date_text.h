// Publication dates as found in metadata ("2025-09-01", "2025/7/28 0:00:00", "2025") in one spelling.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duet::records {

/// "YYYY-MM-DD", "YYYY-MM" or "YYYY" from a date with '-', '/' or '.' separators and an optional
/// time after it; "" when `raw` does not start with a plausible date.
std::string normalize_date(std::string_view raw);

/// The year of a date produced by normalize_date, if any.
std::optional<int> year_of(std::string_view date);

}  // namespace duet::records
