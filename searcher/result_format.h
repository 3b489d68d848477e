// Renders a SearchResult as the API's JSON document or as terminal text; one formatter for the CLI and HTTP.
#pragma once

#include "search_result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace duet::search {

/// The API document. Every hit has every key: absent numbers are null, absent strings "", so clients
/// see one stable shape. Scores are rounded to 4 decimals, took_ms to 0.01.
nlohmann::json result_json(const SearchResult& result);

/// Human-readable results: a header with the total and the time, then each hit with its titles,
/// authors, journal, score and snippets. Highlights are bold when `ansi`, otherwise unmarked.
std::string result_text(const SearchResult& result, bool ansi);

/// A fragment made by the snippet code, for a terminal: <mark> becomes ANSI bold when `ansi` (nothing
/// otherwise), other tags are dropped, entities decoded, and control characters removed so a record
/// cannot send escape sequences.
std::string html_to_terminal(std::string_view html, bool ansi);

}  // namespace duet::search
