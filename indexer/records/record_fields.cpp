// Rules for filling a Record from several sources: titles routed by script, gaps filled in order.
#include "record_fields.h"

#include "text_util.h"
#include "utf8_check.h"

namespace duet::records {
namespace {

template <typename T>
void take_if_empty(T& into, T&& from) {
    if (into.empty()) into = std::move(from);
}

template <typename T>
void take_if_empty(std::optional<T>& into, std::optional<T>&& from) {
    if (!into) into = from;
}

}  // namespace

bool add_title(Record& record, std::string_view title) {
    title = trim(title);
    if (title.empty()) return false;
    std::string& slot = contains_han(title) ? record.title_zh : record.title;
    if (!slot.empty()) return false;
    slot = std::string(title);
    return true;
}

bool is_known_title(const Record& record, std::string_view text) {
    return (!record.title.empty() && same_text_ignoring_space(record.title, text)) ||
           (!record.title_zh.empty() && same_text_ignoring_space(record.title_zh, text));
}

void fill_missing(Record& into, Record&& from) {
    take_if_empty(into.id, std::move(from.id));
    take_if_empty(into.title, std::move(from.title));
    take_if_empty(into.title_zh, std::move(from.title_zh));
    take_if_empty(into.authors, std::move(from.authors));
    take_if_empty(into.doi, std::move(from.doi));
    take_if_empty(into.abstract, std::move(from.abstract));
    take_if_empty(into.abstract_zh, std::move(from.abstract_zh));
    take_if_empty(into.body, std::move(from.body));
    take_if_empty(into.references, std::move(from.references));
    take_if_empty(into.keywords, std::move(from.keywords));
    take_if_empty(into.journal, std::move(from.journal));
    take_if_empty(into.journal_info, std::move(from.journal_info));
    take_if_empty(into.volume, std::move(from.volume));
    take_if_empty(into.pages, std::move(from.pages));
    take_if_empty(into.date, std::move(from.date));
    take_if_empty(into.year, std::move(from.year));
    take_if_empty(into.citations, std::move(from.citations));
    take_if_empty(into.impact_factor, std::move(from.impact_factor));
    take_if_empty(into.jcr, std::move(from.jcr));
    take_if_empty(into.jcr_category, std::move(from.jcr_category));
    take_if_empty(into.category, std::move(from.category));
    take_if_empty(into.publication_type, std::move(from.publication_type));
    take_if_empty(into.url, std::move(from.url));
    take_if_empty(into.pdf_url, std::move(from.pdf_url));
}

void add_text(Record& record, std::string text) {
    if (is_blank(text)) return;
    if (record.abstract.empty()) {
        record.abstract = std::move(text);
    } else if (same_text_ignoring_space(record.abstract, text) ||
               (!record.abstract_zh.empty() && same_text_ignoring_space(record.abstract_zh, text))) {
        return;
    } else if (record.abstract_zh.empty() && contains_han(text) && !contains_han(record.abstract)) {
        record.abstract_zh = std::move(text);
    } else {
        if (!record.body.empty()) record.body.push_back('\n');
        record.body += text;
    }
}

}  // namespace duet::records
