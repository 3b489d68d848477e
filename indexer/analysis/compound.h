// Finds the extent of an alphabetic/numeric word and its parts: IL-6, TNF-α, CD4+, 2.5, 10.1080/xyz.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace duet::analysis {

/// One part of a compound: a byte range of letters/digits (with inner apostrophes and marks).
struct Part {
    std::size_t begin;
    std::size_t end;
    bool greek;       ///< made of Greek letters (α -> alpha)
    bool keep_dot;    ///< joined to the previous part by a dot that the joined form keeps (2.5)
};

/// A run of parts joined by connectors. `end` is where scanning resumes.
struct Compound {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::vector<Part> parts;
    bool doi = false;  ///< the whole run is a DOI; its joined form is the DOI itself
};

/// Scans the compound that starts at `at`, which must be a word character (not Han).
Compound scan_compound(std::string_view text, std::size_t at);

}  // namespace duet::analysis
