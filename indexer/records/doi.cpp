// DOI normalisation: the one spelling used for ids, deduplication and https://doi.org/ links.
#include "doi.h"

#include "text_util.h"

namespace duet::records {

std::string normalize_doi(std::string_view raw) {
    static constexpr std::string_view kPrefixes[] = {
        "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
        "doi.org/", "dx.doi.org/", "doi:",
    };
    std::string doi = ascii_lower(trim(raw));
    for (const std::string_view prefix : kPrefixes) {
        if (doi.starts_with(prefix)) {
            doi = std::string(trim(std::string_view(doi).substr(prefix.size())));
            break;
        }
    }
    const std::size_t slash = doi.find('/');
    const bool looks_valid = doi.starts_with("10.") && slash != std::string::npos && slash > 3 && slash + 1 < doi.size() &&
                             doi.find_first_of(" \t\n") == std::string::npos;
    return looks_valid ? doi : std::string();
}

}  // namespace duet::records
