#include "record_json.h"

namespace duet::server {

namespace {

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json record_json(const records::Record& r) {
    return {
        {"id", r.id},
        {"title", r.title},
        {"title_zh", r.title_zh},
        {"authors", r.authors},
        {"doi", r.doi},
        {"abstract", r.abstract},
        {"abstract_zh", r.abstract_zh},
        {"body", r.body},
        {"references", r.references},
        {"keywords", r.keywords},
        {"journal", r.journal},
        {"journal_info", r.journal_info},
        {"volume", r.volume},
        {"pages", r.pages},
        {"date", r.date},
        {"year", or_null(r.year)},
        {"citations", or_null(r.citations)},
        {"impact_factor", or_null(r.impact_factor)},
        {"jcr", r.jcr},
        {"jcr_category", r.jcr_category},
        {"category", r.category},
        {"publication_type", r.publication_type},
        {"url", r.url},
        {"pdf_url", r.pdf_url},
    };
}

}  // namespace duet::server
