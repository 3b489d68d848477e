// Titles for text that has none: is a line a heading, and a short title from the first sentence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace duet::records {

/// Bytes up to and including the end of the first sentence of `text` (". " before a capital,
/// "。", "?"…; not after "et al." or an initial), or text.size() when it is one sentence.
std::size_t first_sentence_length(std::string_view text);

/// True when `line` reads like a title: at most 300 characters and a single sentence.
bool looks_like_title(std::string_view line);

/// The first sentence of `text`; when longer than `max_chars` characters it is cut at a word
/// boundary and ends with "…" (the result, ellipsis included, has at most `max_chars` characters).
std::string title_from_text(std::string_view text, std::size_t max_chars = 150);

}  // namespace duet::records
