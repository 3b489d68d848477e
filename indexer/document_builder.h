// Maps a record and its tokens to a Xapian::Document; never opens a database.
#pragma once

#include "analyzer.h"
#include "record.h"

#include <string>

#include <xapian.h>

namespace duet {

/// Builds the document for `record`. `source_key` names the file it came from (for incremental runs).
/// The analyzer is the only thing that turns the record's text into terms.
Xapian::Document build_document(const records::Record& record, const std::string& source_key,
                                analysis::Analyzer& analyzer);

/// The languages a record has text in ("en", "zh"), judged by script, not by field name.
std::vector<std::string> record_languages(const records::Record& record);

}  // namespace duet
