// Turns the HTML found in metadata fields (<p><p>…</p>, <i>, &amp;) into plain UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace duet::records {

/// Strips tags, decodes character references and collapses whitespace; block tags (<p>, <br>, <li>…)
/// become one '\n' between paragraphs. Text without any tag keeps its own line breaks as paragraphs.
/// A '<' that does not open a known tag ("p < 0.05", "<5%") is kept as text.
std::string html_to_text(std::string_view html);

/// Like html_to_text, but on one line: for titles, names and keywords.
std::string html_to_line(std::string_view html);

}  // namespace duet::records
