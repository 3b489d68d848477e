// Decodes HTML character references (&amp; &#39; &#x3b1; …) into UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace duet::records {

/// Decodes the character reference starting at text[0] == '&' and appends it to `out`.
/// Returns the number of bytes consumed, or 0 when `text` does not start with a known reference
/// (the caller then keeps the '&' literally, as browsers do for "R&D").
std::size_t decode_entity(std::string_view text, std::string& out);

/// `text` with every known character reference decoded; unknown ones are kept as they are.
std::string decode_entities(std::string_view text);

}  // namespace duet::records
