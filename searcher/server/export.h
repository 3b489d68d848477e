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
