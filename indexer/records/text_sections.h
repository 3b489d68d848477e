// Splits the lines after a .txt record's JSON line into the sections the crawler writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duet::records {

/// The sections of a .txt record below its JSON line.
struct TextSections {
    std::optional<std::int64_t> citations;  ///< from "引用次数: N"
    std::string abstract;                   ///< lines after an "Abstract" / "摘要" heading
    std::string journal_info;               ///< lines after "期刊介绍:" — the journal's blurb, not paper text
    std::vector<std::string> loose;         ///< non-blank lines under no heading (e.g. an English title)
};

/// Sorts `lines` into sections; a heading's section runs until the next heading.
TextSections split_sections(const std::vector<std::string_view>& lines);

}  // namespace duet::records
