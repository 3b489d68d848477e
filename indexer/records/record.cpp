// Text forms of record origins and errors, as shown in messages and used as fallback ids.
#include "record.h"

namespace duet::records {

std::string Origin::to_string() const {
    return line == 0 ? path : path + ":" + std::to_string(line);
}

std::string RecordError::to_string() const { return origin.to_string() + ": " + message; }

std::string_view display_title(const Record& record) {
    return record.title.empty() ? std::string_view(record.title_zh) : std::string_view(record.title);
}

}  // namespace duet::records
