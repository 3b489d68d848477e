// HTML escaping for highlighted fragments, and turning such fragments back into terminal text.
#pragma once

#include <string>
#include <string_view>

namespace duet::search {

/// Appends `text` to `out` with & < > " ' escaped; malformed UTF-8 becomes U+FFFD so `out` stays valid.
void append_escaped(std::string& out, std::string_view text);

/// `text` escaped for HTML element content or a quoted attribute.
std::string escape_html(std::string_view text);

/// Renders a fragment made by the snippet code for a terminal: <mark> becomes ANSI bold when `ansi`
/// (nothing otherwise), other tags are dropped, entities are decoded and control characters removed.
std::string html_to_terminal(std::string_view html, bool ansi);

/// Plain text made safe for a terminal: control characters (which could move the cursor or recolour
/// the screen) are removed, line breaks and tabs become spaces.
std::string terminal_safe(std::string_view text);

}  // namespace duet::search
