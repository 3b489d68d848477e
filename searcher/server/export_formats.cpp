#include "export.h"

#include "text_util.h"

#include <algorithm>
#include <array>

namespace duet::server {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

VolumeIssue split_volume(std::string_view volume) {
    const std::string_view v = records::trim(volume);
    const std::size_t space = v.find(' ');
    if (space == std::string_view::npos) return {std::string(v), {}};
    const std::string_view issue = records::trim(v.substr(space));
    if (all_digits(v.substr(0, space)) && all_digits(issue)) {
        return {std::string(v.substr(0, space)), std::string(issue)};
    }
    return {std::string(v), {}};
}

PageRange split_pages(std::string_view pages) {
    const std::string_view p = records::trim(pages);
    for (const std::string_view dash : {std::string_view("-"), std::string_view("\xE2\x80\x93")}) {  // - and –
        const std::size_t at = p.find(dash);
        if (at == std::string_view::npos || at == 0) continue;
        const std::string_view first = records::trim(p.substr(0, at));
        const std::string_view last = records::trim(p.substr(at + dash.size()));
        if (!first.empty() && !last.empty() && last.find(dash) == std::string_view::npos) {
            return {std::string(first), std::string(last)};
        }
    }
    return {std::string(p), {}};
}

std::optional<ExportFormat> find_export_format(std::string_view name) {
    static constexpr std::array<ExportFormat, 3> kFormats = {{
        {"ris", "application/x-research-info-systems; charset=utf-8", "ris", &to_ris},
        {"bibtex", "application/x-bibtex; charset=utf-8", "bib", &to_bibtex},
        {"csv", "text/csv; charset=utf-8", "csv", &to_csv},
    }};
    for (const auto& f : kFormats) {
        if (f.name == name) return f;
    }
    return std::nullopt;
}

}  // namespace duet::server
