// Citation exports of records: RIS, BibTeX and CSV, for reference managers and spreadsheets.
#pragma once

#include "record.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duet::server {

/// A file format the export endpoint writes.
struct ExportFormat {
    std::string_view name;          ///< ris, bibtex or csv (the `format` parameter)
    std::string_view content_type;
    std::string_view extension;     ///< of the suggested file name, without the dot
    std::string (*write)(const std::vector<records::Record>&);
};

/// A record's volume field read for citations: Semantic Scholar writes volume and issue as "16 1".
struct VolumeIssue {
    std::string volume;
    std::string issue;  ///< "" unless the field was two numbers
};

/// "16 1" → 16 and 1; any other text is the volume alone (trimmed, so " " is nothing).
VolumeIssue split_volume(std::string_view volume);

/// A record's pages field read for citations.
struct PageRange {
    std::string first;
    std::string last;  ///< "" unless the field was a range
};

/// "466-472" (or with an en dash) → 466 and 472; any other text is the first page alone (trimmed).
PageRange split_pages(std::string_view pages);

/// The format called `name` (ris, bibtex, csv), if any.
std::optional<ExportFormat> find_export_format(std::string_view name);

/// RIS: one TY JOUR … ER block per record, CRLF line ends, an AU line per author.
std::string to_ris(const std::vector<records::Record>& records);

/// BibTeX: one @article per record with a unique ASCII key; LaTeX specials escaped so braces balance.
std::string to_bibtex(const std::vector<records::Record>& records);

/// CSV (RFC 4180: CRLF, quoted when needed) starting with a UTF-8 byte order mark so Excel reads Chinese;
/// cells that a spreadsheet would run as a formula get a leading apostrophe.
std::string to_csv(const std::vector<records::Record>& records);

}  // namespace duet::server
