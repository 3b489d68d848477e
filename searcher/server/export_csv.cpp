#include "export.h"

#include <array>

#include <fmt/format.h>

namespace duet::server {

namespace {

// Excel and LibreOffice run a cell starting with one of these as a formula (CSV injection).
bool formula_like(std::string_view text) {
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

void cell(std::string& out, std::string_view text) {
    std::string value;
    if (formula_like(text)) value += '\'';
    value.append(text);
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        out += value;
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

// The shortest text that reads back as the same number (7.1, not 7.100000).
std::string number(const std::optional<double>& value) { return value ? fmt::format("{}", *value) : std::string(); }

}  // namespace

std::string to_csv(const std::vector<records::Record>& records) {
    constexpr std::array<std::string_view, 16> kHeader = {"id", "title", "title_zh", "authors", "journal", "year",
                                                          "date", "volume", "issue", "pages", "doi", "url",
                                                          "citations", "impact_factor", "jcr", "abstract"};
    std::string out = "\xEF\xBB\xBF";
    const auto row = [&out](const auto& cells) {
        bool first = true;
        for (const auto& c : cells) {
            if (!first) out += ',';
            first = false;
            cell(out, c);
        }
        out += "\r\n";
    };
    row(kHeader);
    for (const auto& r : records) {
        // Split as RIS and BibTeX split it: the seeds write "16 1" for volume 16, issue 1.
        const VolumeIssue volume = split_volume(r.volume);
        const std::array<std::string, 16> cells = {
            r.id, r.title, r.title_zh, joined(r.authors), r.journal, r.year ? std::to_string(*r.year) : "",
            r.date, volume.volume, volume.issue, r.pages, r.doi, r.url,
            r.citations ? std::to_string(*r.citations) : "", number(r.impact_factor), r.jcr,
            r.abstract.empty() ? r.abstract_zh : r.abstract};
        row(cells);
    }
    return out;
}

}  // namespace duet::server
