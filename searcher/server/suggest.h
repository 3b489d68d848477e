// Completions for what is being typed, from the index's own terms: title words, text terms and journals.
#pragma once

#include "analyzer.h"
#include "folding.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace duet::server {

/// One completion: the text to offer and where it came from.
struct Suggestion {
    std::string text;
    std::string kind;          ///< "title" (a title word), "journal" (a journal name) or "term" (a text word)
    std::uint64_t weight = 0;  ///< documents holding it: the ranking key
};

/// Up to `limit` completions of the last word of `typed` (and journal names starting with all of it),
/// most frequent first. Words are shown as written in a record (osteoarthritis, not its stem osteoarthr),
/// found by running `analyzer` over that record's title, keywords and abstract. Throws Xapian errors
/// (DatabaseModifiedError when a commit overtakes it: reopen and call again).
std::vector<Suggestion> suggest(const Xapian::Database& db, analysis::Analyzer& analyzer,
                                const analysis::Folding& folding, std::string_view typed, std::size_t limit);

}  // namespace duet::server
