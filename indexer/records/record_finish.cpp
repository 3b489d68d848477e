// The last step for every parsed record: id and url fallbacks, and rejecting records with no text.
#include "record_finish.h"

#include "date_text.h"
#include "text_util.h"

namespace duet::records {

RecordResult finish_record(Record record, const Origin& origin) {
    record.origin = origin;
    if (record.title.empty() && record.title_zh.empty() && record.abstract.empty() && record.abstract_zh.empty() &&
        record.body.empty()) {
        return RecordError{origin, "record has no title and no text (title, abstract and body are all empty); nothing to index"};
    }
    record.id = std::string(trim(record.id));
    if (record.id.empty()) record.id = record.doi;
    if (record.id.empty()) record.id = origin.to_string();
    if (record.url.empty() && !record.doi.empty()) record.url = "https://doi.org/" + record.doi;
    if (!record.year) record.year = year_of(record.date);
    return record;
}

}  // namespace duet::records
