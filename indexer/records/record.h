// A scholarly record as read from a source file: display fields, before any analysis.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace duet::records {

/// Where a record came from: path relative to its source root, 1-based line (0 for whole-file records).
struct Origin {
    std::string path;
    std::uint64_t line = 0;
    std::string to_string() const;  ///< "dir/file.jsonl:12" or "dir/file.txt"
};

/// One paper. Text fields are plain UTF-8 (HTML stripped, entities decoded); empty means absent.
struct Record {
    std::string id;            ///< explicit id, else normalised DOI, else Origin::to_string()
    Origin origin;
    std::string title;         ///< English (Latin-script) title; empty when the record only has a Chinese one
    std::string title_zh;      ///< Chinese title (any title holding Han characters), when the record has one
    std::vector<std::string> authors;
    std::string doi;           ///< lower case, without https://doi.org/
    std::string abstract;      ///< abstract in its original language
    std::string abstract_zh;   ///< Chinese abstract (AbstractTextCN), when present
    std::string body;          ///< full text of a plain-text article, without its reference list
    std::string references;    ///< the reference list of a plain-text article (stored, not ranked)
    std::vector<std::string> keywords;
    std::string journal;
    std::string journal_info;  ///< the journal's blurb (期刊介绍), identical for every paper of a journal
    std::string volume;
    std::string pages;
    std::string date;          ///< publication date as YYYY-MM-DD, YYYY-MM or YYYY
    std::optional<int> year;
    std::optional<std::int64_t> citations;
    std::optional<double> impact_factor;
    std::string jcr;           ///< JCR quartile "Q1".."Q4"
    std::string jcr_category;  ///< JCRName
    std::string category;      ///< RegionCategory, e.g. 医学
    std::string publication_type;
    std::string url;           ///< landing page (ListUrlMain, url, or https://doi.org/<doi>)
    std::string pdf_url;       ///< openAccessPdf
};

/// The title to show: `title`, else `title_zh` (records from Chinese sources may have only that).
std::string_view display_title(const Record& record);

/// An expected failure: a record that cannot be read. Never thrown; the run goes on.
struct RecordError {
    Origin origin;
    std::string message;       ///< what is wrong and, where useful, what to do
    std::string to_string() const;  ///< "file:line: message"
};

/// What reading one record yields.
using RecordResult = std::variant<Record, RecordError>;

}  // namespace duet::records
