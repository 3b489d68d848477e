// A stored record as the document the record endpoint returns.
#pragma once

#include "record.h"

#include <nlohmann/json.hpp>

namespace duet::server {

/// Every display field of `record`, every key always present (absent numbers null, absent strings ""),
/// as plain text: the client escapes it. The source file path is left out (it is the server's business).
nlohmann::json record_json(const records::Record& record);

}  // namespace duet::server
