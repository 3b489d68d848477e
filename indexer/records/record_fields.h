// Rules for filling a Record from several sources: titles routed by script, gaps filled in order.
#pragma once

#include "record.h"

#include <string_view>

namespace duet::records {

/// Puts `title` into title_zh when it holds Han characters, else into title; a slot already filled
/// keeps its value, so the first source to supply a title of each script wins. True if it was stored.
bool add_title(Record& record, std::string_view title);

/// True when `text` equals (ignoring whitespace) the record's title or title_zh.
bool is_known_title(const Record& record, std::string_view text);

/// Copies into `into` every field it lacks and `from` has (e.g. the English title from resultStr).
void fill_missing(Record& into, Record&& from);

/// Places plain text found beside the metadata: abstract if there is none, nothing if it repeats the
/// abstract, abstract_zh if it is the missing Chinese version, else appended to body.
void add_text(Record& record, std::string text);

}  // namespace duet::records
