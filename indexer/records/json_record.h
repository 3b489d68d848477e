// Maps a metadata JSON object (seed line, BEIR {_id,title,text}, CSL {id,title,abstract,keywords}) to a Record.
#pragma once

#include "record.h"

#include <nlohmann/json.hpp>

namespace duet::records {

/// The Record described by `object`; `id` holds only an explicit id ("id", "_id", "pmid"), the
/// caller derives the fallback. Fields missing here are filled from the resultStr document, whose
/// title is the English one when `title` is Chinese.
Record record_from_json(const nlohmann::json& object);

}  // namespace duet::records
