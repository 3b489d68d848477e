// Maps a metadata JSON object (seed line, BEIR {_id,title,text}, CSL {id,title,abstract,keywords}) to a Record.
#include "json_record.h"

#include "date_text.h"
#include "doi.h"
#include "html_text.h"
#include "json_fields.h"
#include "json_object.h"
#include "record_fields.h"
#include "record_finish.h"
#include "record_reader.h"
#include "text_util.h"

namespace duet::records {
namespace {

using nlohmann::json;

std::vector<std::string> clean_list(std::vector<std::string> items) {
    std::vector<std::string> out;
    for (const std::string& item : items) {
        if (std::string text = html_to_line(item); !text.empty()) out.push_back(std::move(text));
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

void read_journal(const json& object, Record& record) {
    if (const auto it = object.find("journal"); it != object.end() && it->is_object()) {
        record.journal = html_to_line(text_field(*it, "name"));
        record.volume = text_field(*it, "volume");
        record.pages = text_field(*it, "pages");
    } else {
        record.journal = html_to_line(text_field(object, "journal"));
    }
    if (record.journal.empty()) record.journal = html_to_line(first_text_field(object, {"PeriodicalName", "venue"}));
}

std::string read_date(const json& object) {
    for (const std::string_view key : {"publicationDate", "EPubDate", "date", "year"}) {
        if (std::string date = normalize_date(text_field(object, key)); !date.empty()) return date;
    }
    return {};
}

std::string read_pdf_url(const json& object) {
    const auto it = object.find("openAccessPdf");
    if (it == object.end()) return {};
    // Semantic Scholar's API returns {"url": …, "status": …}; the seeds store the URL itself.
    return it->is_object() ? text_field(*it, "url") : text_field(object, "openAccessPdf");
}

// resultStr holds a second copy of the record as a JSON string (sometimes as an object).
std::optional<json> embedded_document(const json& object) {
    const auto it = object.find("resultStr");
    if (it == object.end()) return std::nullopt;
    if (it->is_object()) return *it;
    if (!it->is_string()) return std::nullopt;
    json inner = json::parse(it->get_ref<const std::string&>(), nullptr, /*allow_exceptions=*/false);
    if (inner.is_discarded() || !inner.is_object()) return std::nullopt;
    return inner;
}

Record map_fields(const json& object) {
    Record record;
    record.id = first_text_field(object, {"id", "_id", "pmid"});
    add_title(record, html_to_line(text_field(object, "title")));
    add_title(record, html_to_line(text_field(object, "TitleCN")));
    record.authors = clean_list(list_field(object, "authors", split_names));
    record.doi = normalize_doi(text_field(object, "doi"));
    if (record.doi.empty()) record.doi = normalize_doi(text_field(object, "DOIUrl"));
    record.abstract = html_to_text(first_text_field(object, {"abstract", "text"}));
    record.abstract_zh = html_to_text(text_field(object, "AbstractTextCN"));
    record.keywords = clean_list(list_field(object, "keywords", split_list));
    read_journal(object, record);
    record.date = read_date(object);
    record.year = year_of(record.date);
    record.citations = count_field(object, "citationCount");
    if (const auto impact = number_field(object, "PeriodicalIF"); impact && *impact >= 0) record.impact_factor = impact;
    record.jcr = text_field(object, "JCR");
    record.jcr_category = html_to_line(text_field(object, "JCRName"));
    record.category = text_field(object, "RegionCategory");
    record.publication_type = join(clean_list(list_field(object, "publicationTypes", split_list)), ", ");
    record.url = first_text_field(object, {"ListUrlMain", "url", "DOIUrl"});
    record.pdf_url = read_pdf_url(object);
    return record;
}

}  // namespace

Record record_from_json(const json& object) {
    Record record = map_fields(object);
    // Only one level: a resultStr inside resultStr would be a crawler bug, not more data.
    if (const auto inner = embedded_document(object)) fill_missing(record, map_fields(*inner));
    return record;
}

RecordResult parse_json_record(std::string_view line, const Origin& origin) {
    auto parsed = parse_json_object(trim(line), origin);
    if (auto* error = std::get_if<RecordError>(&parsed)) return std::move(*error);
    return finish_record(record_from_json(std::get<json>(parsed)), origin);
}

}  // namespace duet::records
