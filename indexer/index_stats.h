// What an index holds, for `duet-index --stats`: documents, size, last run, records per source directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace duet {

/// Records and files indexed from one directory.
struct SourceCount {
    std::string directory;
    std::uint64_t files = 0;
    std::uint64_t documents = 0;
};

/// A summary of an index, read without writing.
struct IndexStats {
    std::string path;
    std::string live;            ///< the generation the stub names (or the path itself)
    std::size_t shards = 1;
    std::uint64_t documents = 0;
    std::uint64_t revision = 0;
    double average_length = 0;   ///< terms per document
    std::uint64_t bytes = 0;     ///< size on disk of the live database
    std::string format;
    std::string analyzer;
    std::string last_run;
    std::vector<SourceCount> sources;
};

/// Reads the statistics of the index at `db`; throws std::runtime_error saying what to do when there is none.
IndexStats read_index_stats(const std::filesystem::path& db);

/// Human-readable lines.
std::string index_stats_text(const IndexStats& stats);

}  // namespace duet
