#include "stored_record.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace duet {

namespace {

using nlohmann::json;

void put(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

void put(json& j, const char* key, const std::vector<std::string>& value) {
    if (!value.empty()) j[key] = value;
}

template <typename T>
void put(json& j, const char* key, const std::optional<T>& value) {
    if (value) j[key] = *value;
}

void get(const json& j, const char* key, std::string& out) {
    if (const auto it = j.find(key); it != j.end() && it->is_string()) out = it->get<std::string>();
}

void get(const json& j, const char* key, std::vector<std::string>& out) {
    if (const auto it = j.find(key); it != j.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string()) out.push_back(v.get<std::string>());
        }
    }
}

template <typename T>
void get(const json& j, const char* key, std::optional<T>& out) {
    if (const auto it = j.find(key); it != j.end() && it->is_number()) out = it->get<T>();
}

}  // namespace

std::string encode_stored_record(const records::Record& r) {
    json j = json::object();
    put(j, "id", r.id);
    put(j, "source", r.origin.to_string());
    put(j, "title", r.title);
    put(j, "title_zh", r.title_zh);
    put(j, "authors", r.authors);
    put(j, "doi", r.doi);
    put(j, "abstract", r.abstract);
    put(j, "abstract_zh", r.abstract_zh);
    put(j, "body", r.body);
    put(j, "references", r.references);
    put(j, "keywords", r.keywords);
    put(j, "journal", r.journal);
    put(j, "journal_info", r.journal_info);
    put(j, "volume", r.volume);
    put(j, "pages", r.pages);
    put(j, "date", r.date);
    put(j, "year", r.year);
    put(j, "citations", r.citations);
    put(j, "impact_factor", r.impact_factor);
    put(j, "jcr", r.jcr);
    put(j, "jcr_category", r.jcr_category);
    put(j, "category", r.category);
    put(j, "publication_type", r.publication_type);
    put(j, "url", r.url);
    put(j, "pdf_url", r.pdf_url);
    // Records are validated UTF-8, but a lone bad byte must not make the whole document unstorable.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

records::Record decode_stored_record(std::string_view data) {
    const json j = json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw std::runtime_error("document data is not a Duet record; was this index built by duet-index?");
    }
    records::Record r;
    get(j, "id", r.id);
    get(j, "source", r.origin.path);
    get(j, "title", r.title);
    get(j, "title_zh", r.title_zh);
    get(j, "authors", r.authors);
    get(j, "doi", r.doi);
    get(j, "abstract", r.abstract);
    get(j, "abstract_zh", r.abstract_zh);
    get(j, "body", r.body);
    get(j, "references", r.references);
    get(j, "keywords", r.keywords);
    get(j, "journal", r.journal);
    get(j, "journal_info", r.journal_info);
    get(j, "volume", r.volume);
    get(j, "pages", r.pages);
    get(j, "date", r.date);
    get(j, "year", r.year);
    get(j, "citations", r.citations);
    get(j, "impact_factor", r.impact_factor);
    get(j, "jcr", r.jcr);
    get(j, "jcr_category", r.jcr_category);
    get(j, "category", r.category);
    get(j, "publication_type", r.publication_type);
    get(j, "url", r.url);
    get(j, "pdf_url", r.pdf_url);
    return r;
}

}  // namespace duet
