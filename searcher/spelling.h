// "Did you mean": corrects English words the index has never seen, from the index's own vocabulary.
#pragma once

#include "analyzer.h"

#include <string>
#include <string_view>

#include <xapian.h>

namespace duet::search {

/// The query with each unknown English word replaced by the closest word the index holds (edit distance
/// up to 2), or "" when no word needed or found a correction. Chinese is never corrected.
std::string did_you_mean(const Xapian::Database& db, analysis::Analyzer& analyzer, std::string_view query);

}  // namespace duet::search
