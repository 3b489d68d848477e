// Reads records from .txt (JSON line + sections, or a plain article) and .jsonl files; never analyzes.
#pragma once

#include "record.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace duet::records {

/// Limits that make hostile input an error instead of a memory problem.
struct ReaderLimits {
    std::size_t max_record_bytes = 16u << 20;  ///< longer lines / files are skipped as bad records
};

/// The file formats a source file can hold.
enum class FileFormat { Text, JsonLines, Unsupported };

/// Picks the format from the file name (.txt, .jsonl, .json); anything else is Unsupported.
FileFormat format_of(const std::filesystem::path& path);

/// Calls `emit` once per record (or per bad record) in `file`, in file order.
/// `relative` is the path shown in messages and used for ids of records without id or DOI.
/// I/O errors on the file itself are reported as one RecordError, never thrown.
void read_records(const std::filesystem::path& file, const std::string& relative,
                  const ReaderLimits& limits, const std::function<void(RecordResult&&)>& emit);

/// Parses one record from the text of a .txt file (exposed for tests).
RecordResult parse_text_record(std::string_view content, const Origin& origin);

/// Parses one JSONL line (exposed for tests).
RecordResult parse_json_record(std::string_view line, const Origin& origin);

}  // namespace duet::records
