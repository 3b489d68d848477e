// Cuts highlighted fragments from the original text by token offsets.
#pragma once

#include "analyzer.h"
#include "match_terms.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace duet::search {

/// How many fragments to cut and how wide; width is in display columns (Han and full-width count 2).
struct SnippetOptions {
    std::size_t max_fragments = 2;
    std::size_t fragment_width = 160;
};

/// The whole of `text`, HTML-escaped, with every run of matched tokens wrapped in one <mark>…</mark>.
std::string highlight_html(std::string_view text, const MatchTerms& terms, analysis::Analyzer& analyzer);

/// Up to `max_fragments` non-overlapping windows of `text` holding the most distinct matched terms
/// (then the most matches; earlier wins ties), in text order, escaped, with <mark> and "…" where cut.
/// Empty when nothing matches: the caller then shows lead_fragment().
std::vector<std::string> snippet_fragments(std::string_view text, const MatchTerms& terms,
                                           analysis::Analyzer& analyzer, const SnippetOptions& options);

/// Appends `text` to `out` with & < > " ' escaped; malformed UTF-8 becomes U+FFFD so `out` stays valid.
void append_escaped(std::string& out, std::string_view text);

/// `text` escaped for HTML element content or a quoted attribute.
std::string escape_html(std::string_view text);

/// The start of `text` cut to `fragment_width` at a word boundary, escaped, ending in "…" when cut.
std::string lead_fragment(std::string_view text, const SnippetOptions& options);

/// Display columns of `text`: 2 for Han and other wide or full-width characters, 0 for combining marks,
/// 1 for everything else.
std::size_t display_width(std::string_view text);

}  // namespace duet::search
