// Small pure string helpers shared by the record parsers (trimming, splitting, comparing).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duet::records {

/// `text` without leading and trailing whitespace (ASCII, NBSP and the ideographic space U+3000).
std::string_view trim(std::string_view text);

/// True when `text` is empty or only whitespace.
bool is_blank(std::string_view text);

/// Whitespace runs (including NBSP and U+3000) replaced by one ASCII space, ends trimmed.
std::string collapse_spaces(std::string_view text);

/// Splits a list such as "A, B; C，D" on , ; ， ； and drops empty items after trimming.
std::vector<std::string> split_list(std::string_view text);

/// Splits a list of person names: on semicolons when there are any ("Smith, J; Doe, A" keeps the
/// comma inside each name), else on , ， and 、 ("张三、李四").
std::vector<std::string> split_names(std::string_view text);

/// True when `a` and `b` differ only in whitespace (e.g. the same abstract with other line breaks).
bool same_text_ignoring_space(std::string_view a, std::string_view b);

/// Splits on '\n', dropping a trailing '\r' and trailing whitespace from each line.
std::vector<std::string_view> split_lines(std::string_view text);

/// ASCII-only lower casing, enough for DOIs, tags and file extensions.
std::string ascii_lower(std::string_view text);

/// True when `text` begins with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

}  // namespace duet::records
