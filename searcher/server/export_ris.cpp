#include "export.h"

namespace duet::server {

namespace {

// RIS is line based: a value must stay on its tag's line.
std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (c == '\r' || c == '\n' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void tag(std::string& out, std::string_view name, std::string_view value) {
    if (value.empty()) return;
    out.append(name).append("  - ").append(one_line(value)).append("\r\n");
}

}  // namespace

std::string to_ris(const std::vector<records::Record>& records) {
    std::string out;
    for (const auto& r : records) {
        tag(out, "TY", "JOUR");
        tag(out, "TI", records::display_title(r));
        if (!r.title.empty()) tag(out, "TT", r.title_zh);  // RIS's translated title
        for (const auto& a : r.authors) tag(out, "AU", a);
        tag(out, "T2", r.journal);
        if (r.year) tag(out, "PY", std::to_string(*r.year));
        tag(out, "DA", r.date);
        const VolumeIssue volume = split_volume(r.volume);
        tag(out, "VL", volume.volume);
        tag(out, "IS", volume.issue);
        const PageRange pages = split_pages(r.pages);
        tag(out, "SP", pages.first);
        tag(out, "EP", pages.last);
        tag(out, "DO", r.doi);
        tag(out, "UR", r.url);
        tag(out, "AB", r.abstract);
        if (r.abstract_zh != r.abstract) tag(out, "AB", r.abstract_zh);
        for (const auto& k : r.keywords) tag(out, "KW", k);
        out += "ER  - \r\n\r\n";
    }
    return out;
}

}  // namespace duet::server
