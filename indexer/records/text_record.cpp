// parse_text_record: a .txt file is a JSON metadata line plus sections, or a whole plain-text article.
#include "html_text.h"
#include "json_object.h"
#include "json_record.h"
#include "plain_article.h"
#include "record_fields.h"
#include "record_finish.h"
#include "record_reader.h"
#include "text_sections.h"
#include "text_util.h"
#include "title_guess.h"

#include <algorithm>

namespace duet::records {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// An error on the line holding the first invalid byte, so the message points at it.
std::optional<RecordError> check_utf8(std::string_view content, const Origin& origin) {
    std::uint64_t line_number = 1;
    for (const std::string_view line : split_lines(content)) {
        if (std::string message = describe_invalid_utf8(line); !message.empty()) {
            return RecordError{Origin{origin.path, line_number}, std::move(message)};
        }
        ++line_number;
    }
    return std::nullopt;
}

// Below the JSON line: an optional English title line, the abstract again, the journal's blurb.
void add_sections(Record& record, const TextSections& sections) {
    if (!record.citations) record.citations = sections.citations;
    record.journal_info = sections.journal_info;
    std::size_t text_begin = 0;
    if (!sections.loose.empty()) {
        const std::string& first = sections.loose.front();
        const bool more_text = sections.loose.size() > 1 || !sections.abstract.empty();
        // A short first paragraph is only taken for a title when the record lacks one of its script.
        if (is_known_title(record, first) || (more_text && looks_like_title(first) && add_title(record, html_to_line(first)))) {
            text_begin = 1;
        }
    }
    add_text(record, sections.abstract);
    std::string loose_text;
    for (std::size_t i = text_begin; i < sections.loose.size(); ++i) {
        if (!loose_text.empty()) loose_text.push_back('\n');
        loose_text += sections.loose[i];
    }
    add_text(record, std::move(loose_text));
}

Record from_plain_article(const std::vector<std::string_view>& lines) {
    PlainArticle article = split_plain_article(lines);
    Record record;
    add_title(record, article.title);
    record.body = std::move(article.body);
    record.references = std::move(article.references);
    return record;
}

}  // namespace

RecordResult parse_text_record(std::string_view content, const Origin& origin) {
    if (content.starts_with(kBom)) content.remove_prefix(kBom.size());
    if (is_blank(content)) return RecordError{origin, "empty file (no text)"};
    if (auto error = check_utf8(content, origin)) return std::move(*error);

    const std::vector<std::string_view> lines = split_lines(content);
    const auto first = std::find_if(lines.begin(), lines.end(), [](std::string_view line) { return !is_blank(line); });
    if (!trim(*first).starts_with('{')) return finish_record(from_plain_article(lines), origin);

    const auto json_line = static_cast<std::uint64_t>(first - lines.begin()) + 1;
    auto parsed = parse_json_object(trim(*first), Origin{origin.path, json_line});
    if (auto* error = std::get_if<RecordError>(&parsed)) return std::move(*error);
    Record record = record_from_json(std::get<nlohmann::json>(parsed));
    add_sections(record, split_sections({first + 1, lines.end()}));
    return finish_record(std::move(record), origin);
}

}  // namespace duet::records
