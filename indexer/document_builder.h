// Maps a record and its tokens to a Xapian::Document; never opens a database.
#pragma once

#include "analyzer.h"
#include "record.h"

#include <string>

#include <xapian.h>

namespace duet {

/// A document ready to add, and the English words it contributes to the spelling dictionary.
struct BuiltDocument {
    Xapian::Document document;
    std::vector<std::string> spellings;  ///< distinct folded words (alphabetic, 4+ letters, not stopwords)
};

/// Builds the document for `record`. `source_key` names the file it came from (for incremental runs).
/// The analyzer is the only thing that turns the record's text into terms.
BuiltDocument build_document(const records::Record& record, const std::string& source_key,
                             analysis::Analyzer& analyzer);

/// The languages a record is written in ("en", "zh"): its title, abstract and body each count for the script most
/// of their letters are in; a Chinese title or abstract field counts for zh.
std::vector<std::string> record_languages(const records::Record& record);

}  // namespace duet
