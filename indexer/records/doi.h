// DOI normalisation: the one spelling used for ids, deduplication and https://doi.org/ links.
#pragma once

#include <string>
#include <string_view>

namespace duet::records {

/// Lower case, trimmed, without "https://doi.org/", "http://dx.doi.org/" or "doi:" prefixes.
/// Returns "" when the result does not look like a DOI ("10.<registrant>/<suffix>"), so that
/// placeholders such as "N/A" never become ids shared by many records.
std::string normalize_doi(std::string_view raw);

}  // namespace duet::records
