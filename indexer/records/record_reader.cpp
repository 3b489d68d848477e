// Reads one source file into records: opens it, enforces limits, rejects binaries, streams JSON Lines.
#include "record_reader.h"

#include "line_reader.h"
#include "text_util.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace duet::records {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBinaryProbeBytes = 8192;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Context shared by the steps of reading one file.
struct FileReader {
    const std::string& relative;
    const ReaderLimits& limits;
    const std::function<void(RecordResult&&)>& emit;

    void error(std::uint64_t line, std::string message) const {
        emit(RecordError{Origin{relative, line}, std::move(message)});
    }

    // A bug in a field getter must cost one record, not the run.
    void emit_guarded(const std::function<RecordResult()>& parse, std::uint64_t line) const {
        try {
            emit(parse());
        } catch (const nlohmann::json::exception& exception) {
            error(line, fmt::format("internal error while reading this record ({}); please report it", exception.what()));
        }
    }

    // The first NUL byte of the file, if any, looking only at its start as grep and git do.
    std::optional<std::size_t> probe_binary(std::istream& in) const {
        std::string head(kBinaryProbeBytes, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        in.clear();
        in.seekg(0);
        const std::size_t nul = head.find('\0');
        return nul == std::string::npos ? std::nullopt : std::optional<std::size_t>(nul);
    }

    void read_text(std::istream& in, std::uintmax_t size) const {
        if (size > limits.max_record_bytes) {
            error(0, fmt::format("file is {} bytes, larger than the limit of {} bytes (max_record_bytes); skipped — "
                                 "split it or raise the limit",
                                 size, limits.max_record_bytes));
            return;
        }
        std::string content(static_cast<std::size_t>(size), '\0');
        in.read(content.data(), static_cast<std::streamsize>(content.size()));
        if (in.bad()) {
            error(0, "read error; the file could not be read to its end");
            return;
        }
        content.resize(static_cast<std::size_t>(in.gcount()));
        emit_guarded([&] { return parse_text_record(content, Origin{relative, 0}); }, 0);
    }

    // A pretty-printed document would otherwise give one confusing error per line.
    static bool starts_multiline_document(std::string_view line) {
        return line == "{" || line == "[" || (line.starts_with('[') && !line.ends_with(']'));
    }

    void read_json_lines(std::istream& in) const {
        LineReader reader(in, limits.max_record_bytes);
        Line line;
        bool seen_record = false;
        while (reader.next(line)) {
            if (line.too_long) {
                error(line.number, fmt::format("line is {} bytes, larger than the limit of {} bytes (max_record_bytes); "
                                               "skipped — split the record or raise the limit",
                                               line.bytes, limits.max_record_bytes));
                seen_record = true;
                continue;
            }
            std::string_view text = line.text;
            if (line.number == 1 && text.starts_with(kBom)) text.remove_prefix(kBom.size());
            text = trim(text);
            if (text.empty()) continue;
            if (!seen_record && starts_multiline_document(text)) {
                error(line.number, "this looks like one pretty-printed JSON document; records must be one JSON object "
                                   "per line (convert with: jq -c '.[]' in.json > out.jsonl)");
                return;
            }
            seen_record = true;
            emit_guarded([&] { return parse_json_record(text, Origin{relative, line.number}); }, line.number);
        }
        if (reader.read_error()) {
            error(line.number, "read error; the rest of the file was not read");
        } else if (!seen_record) {
            error(0, "empty file (only blank lines)");
        }
    }
};

}  // namespace

FileFormat format_of(const fs::path& path) {
    const std::string extension = ascii_lower(path.extension().string());
    if (extension == ".txt") return FileFormat::Text;
    if (extension == ".jsonl" || extension == ".json" || extension == ".ndjson") return FileFormat::JsonLines;
    return FileFormat::Unsupported;
}

void read_records(const fs::path& file, const std::string& relative, const ReaderLimits& limits,
                  const std::function<void(RecordResult&&)>& emit) {
    const FileReader reader{relative, limits, emit};
    const FileFormat format = format_of(file);
    if (format == FileFormat::Unsupported) {
        reader.error(0, fmt::format("unsupported file type '{}'; Duet reads .txt, .jsonl and .json files",
                                    file.extension().string()));
        return;
    }
    std::error_code code;
    const std::uintmax_t size = fs::file_size(file, code);
    if (code) {
        reader.error(0, "cannot read file: " + code.message());
        return;
    }
    if (size == 0) {
        reader.error(0, "empty file");
        return;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reader.error(0, std::string("cannot open file: ") + std::strerror(errno));
        return;
    }
    if (const auto nul = reader.probe_binary(in)) {
        reader.error(0, fmt::format("binary file (NUL byte at byte {}); Duet reads UTF-8 text only — if this is "
                                    "UTF-16 text, convert it with iconv -f UTF-16 -t UTF-8",
                                    *nul + 1));
        return;
    }
    if (format == FileFormat::Text) {
        reader.read_text(in, size);
    } else {
        reader.read_json_lines(in);
    }
}

}  // namespace duet::records
