// The form a record is stored in as document data: a JSON object the searcher reads back for display.
#pragma once

#include "record.h"

#include <string>
#include <string_view>

namespace duet {

/// Encodes the display fields of `record` (empty fields omitted).
std::string encode_stored_record(const records::Record& record);

/// Decodes document data written by encode_stored_record; unknown keys are ignored, missing ones left empty.
/// Throws std::runtime_error on data that is not a JSON object (a corrupt or foreign index).
records::Record decode_stored_record(std::string_view data);

}  // namespace duet
