// "Did you mean": corrects English words the index has never seen, from the index's own vocabulary.
#pragma once

#include "analyzer.h"

#include <string>
#include <string_view>

#include <xapian.h>

namespace duet::search {

/// The query with each unknown English word replaced by the closest word the index holds (edit distance
/// up to 2, an initial capital kept), or "" when no word needed or found a correction. Chinese, words of four
/// letters or fewer, codes with digits, acronyms and names (capitalised after the query's first word) are never
/// corrected, and a word is never "corrected" to itself less a prefix or suffix (unassociated is not a typo of
/// associated).
std::string did_you_mean(const Xapian::Database& db, analysis::Analyzer& analyzer, std::string_view query);

}  // namespace duet::search
