// The last step for every parsed record: id and url fallbacks, and rejecting records with no text.
#pragma once

#include "record.h"

namespace duet::records {

/// `record` placed at `origin` with its id chosen (explicit id, else normalised DOI, else
/// origin.to_string()), url defaulted to https://doi.org/<doi> and year taken from the date;
/// an error when it has neither a title nor any text.
RecordResult finish_record(Record record, const Origin& origin);

}  // namespace duet::records
