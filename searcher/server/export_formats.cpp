#include "export.h"

#include <array>

namespace duet::server {

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
