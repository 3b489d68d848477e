// Splits the lines after a .txt record's JSON line into the sections the crawler writes.
#include "text_sections.h"

#include "text_util.h"

#include <charconv>

namespace duet::records {
namespace {

enum class Section { None, Abstract, JournalInfo };

constexpr std::string_view kCitationLabel = "引用次数";
constexpr std::string_view kJournalLabel = "期刊介绍";
constexpr std::string_view kColons[] = {":", "："};

// The text after `label` and a colon, if `line` starts with them.
std::optional<std::string_view> after_label(std::string_view line, std::string_view label) {
    if (!line.starts_with(label)) return std::nullopt;
    const std::string_view rest = trim(line.substr(label.size()));
    for (const std::string_view colon : kColons) {
        if (rest.starts_with(colon)) return trim(rest.substr(colon.size()));
    }
    return std::nullopt;
}

bool is_abstract_heading(std::string_view line) {
    for (const std::string_view heading : {"Abstract", "ABSTRACT", "摘要"}) {
        if (line == heading) return true;
        if (const auto rest = after_label(line, heading); rest && rest->empty()) return true;
    }
    return false;
}

std::optional<std::int64_t> parse_count(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

void append_line(std::string& text, std::string_view line) {
    if (!text.empty()) text.push_back('\n');
    text += line;
}

}  // namespace

TextSections split_sections(const std::vector<std::string_view>& lines) {
    TextSections sections;
    Section current = Section::None;
    for (const std::string_view raw : lines) {
        const std::string_view line = trim(raw);
        if (line.empty()) continue;
        if (const auto count = after_label(line, kCitationLabel)) {
            if (!sections.citations) sections.citations = parse_count(*count);
            continue;
        }
        if (is_abstract_heading(line)) {
            current = Section::Abstract;
            continue;
        }
        if (const auto blurb = after_label(line, kJournalLabel)) {
            current = Section::JournalInfo;
            if (!blurb->empty()) append_line(sections.journal_info, *blurb);
            continue;
        }
        switch (current) {
            case Section::Abstract: append_line(sections.abstract, line); break;
            case Section::JournalInfo: append_line(sections.journal_info, line); break;
            case Section::None: sections.loose.emplace_back(line); break;
        }
    }
    return sections;
}

}  // namespace duet::records
