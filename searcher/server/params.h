// Reads and validates the query-string parameters of the search API into a SearchRequest; no HTTP here.
#pragma once

#include "searcher.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace duet::server {

/// Query-string parameters as decoded by the HTTP layer (a name may repeat).
using Params = std::multimap<std::string, std::string>;

/// A parameter that cannot be used: which one, and a message naming it and the values it accepts.
struct ParamError {
    std::string parameter;
    std::string message;
};

/// Limits on what a client may ask for.
inline constexpr std::size_t kMaxQueryBytes = 2000;
inline constexpr std::size_t kMaxPageSize = 50;
inline constexpr std::size_t kMaxDepth = 1000;  ///< page * size: deeper pages cost more and help nobody
inline constexpr std::size_t kMaxExport = 200;

/// Which page of results, and how many per page.
struct Paging {
    std::size_t page = 1;
    std::size_t size = 10;
    std::size_t offset() const { return (page - 1) * size; }
};

/// A validated search: the request for the Searcher, with the page it came from.
struct SearchParams {
    search::SearchRequest request;
    std::size_t page = 1;
    std::size_t size = 10;
};

/// q, page, size, sort, year, journal, jcr, lang, category -> a request with facets on; unknown names are
/// ignored (cache-busters), a repeated known name is an error.
std::variant<SearchParams, ParamError> parse_search_params(const Params& params);

/// page and size alone (for lists that take no query, such as similar records); other names are ignored.
std::variant<Paging, ParamError> parse_paging(const Params& params);

/// The same parameters for an export: page and size are checked but the request covers the first
/// kMaxExport records, without snippets or facets.
std::variant<SearchParams, ParamError> parse_export_params(const Params& params);

/// The single value of `name`: nullopt when absent, a ParamError when repeated or not valid UTF-8.
std::variant<std::optional<std::string>, ParamError> single_param(const Params& params, const std::string& name);

/// The single value of a free-text parameter, trimmed; "" when absent. A ParamError when repeated, not valid
/// UTF-8 or longer than `max_bytes`.
std::variant<std::string, ParamError> text_param(const Params& params, const std::string& name, std::size_t max_bytes);

/// Inclusive year bounds; an open end is nullopt.
struct YearRange {
    std::optional<int> from;
    std::optional<int> to;
};

/// "2020", "2019..2024", ">=2020", "<=2020" (years 1000..2999); nullopt for anything else.
std::optional<YearRange> parse_year_range(std::string_view text);

/// A decimal integer without sign, spaces or excess length; nullopt otherwise.
std::optional<std::size_t> parse_count(std::string_view text);

}  // namespace duet::server
