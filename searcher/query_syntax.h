// Reads what people type into a search box into clauses; never fails, whatever the input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duet::search {

/// One piece of a query: free text or a field filter, possibly quoted, required or excluded.
struct Clause {
    enum class Occur { Should, Must, MustNot };
    Occur occur = Occur::Should;
    std::string field;  ///< "" for free text, else a known field name (title, author, journal, doi, year, jcr, lang)
    std::string text;
    bool phrase = false;  ///< came in double quotes
    bool prefix = false;  ///< ended in * (mesench*): matches words starting with the text
    bool after_or = false;  ///< typed right after an explicit OR: not one name with the words before it
    std::vector<Clause> group;  ///< the clauses of a parenthesised group; `text` is then empty
};

/// Splits `query` into clauses. Understands "phrases", +must, -exclude, NOT x, x AND y (both required), OR
/// (the default between words), (groups), prefix* and field:value for known fields, in ASCII or full-width
/// forms; anything it cannot read becomes plain words.
std::vector<Clause> parse_query(std::string_view query);

}  // namespace duet::search
