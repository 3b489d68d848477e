// An incremental index run: adds new files, replaces changed ones, deletes records of vanished files.
#pragma once

#include "analyzer.h"
#include "record_reader.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace duet {

/// What to index where.
struct IndexOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> sources;
    records::ReaderLimits limits;
    std::uint64_t commit_every = 2000;  ///< documents per commit (commits happen between files); smaller
                                        ///< batches measured faster than 5,000 (Xapian's buffers stay in cache)
    bool rebuild = false;               ///< start from an empty database
    std::size_t shards = 0;             ///< shard databases; 0 keeps the live layout (1 for a new index)
    std::size_t threads = 2;            ///< threads analysing records; a fresh build also writes with this many
    const std::atomic<bool>* stop = nullptr;  ///< when set, the run stops after the current file and commits
};

/// Counts of one run; `failed` counts bad records, unreadable files and missing sources.
struct IndexSummary {
    std::uint64_t added = 0;
    std::uint64_t updated = 0;
    std::uint64_t deleted = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t failed = 0;
    std::uint64_t files_read = 0;
    std::uint64_t bytes_read = 0;
    double seconds = 0;
    bool interrupted = false;   ///< stopped early by `stop`; the next run finishes the job
    bool rebuilt = false;       ///< an incompatible (or --rebuild) index was rebuilt beside the live one
    std::string generation;     ///< the database directory written, when a new generation was made
    /// Records read and indexed per second of the run.
    double docs_per_second() const { return seconds > 0 ? static_cast<double>(added + updated) / seconds : 0; }
};

/// Where a run is, for progress displays.
struct IndexProgress {
    std::uint64_t files_done = 0;
    std::uint64_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    std::uint64_t records = 0;
};

/// Receives a run's messages; the run itself never prints.
class IndexReporter {
public:
    virtual ~IndexReporter() = default;
    /// A record, file or source that was skipped, as "where: what".
    virtual void problem(const std::string& message) = 0;
    /// Called after each file and every few hundred records.
    virtual void progress(const IndexProgress& progress) = 0;
    /// Something worth knowing that is not a problem (a rebuild starting).
    virtual void note(const std::string& message) { (void)message; }
};

/// A database that cannot be written: the run stops before changing anything.
class IndexError : public std::runtime_error {
public:
    enum class Kind { Locked, Unwritable, Incompatible };
    IndexError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

/// Runs one incremental pass over `options.sources` into `options.db`: records are read here, analysed on
/// `options.threads` workers (each with its own copy of `analyzer`) and written in read order by this thread.
/// A new index, or one built by another analyzer, is built in full into a fresh generation and switched in
/// atomically (see IndexLocation); an old-style plain directory built by another analyzer is refused instead.
/// Throws IndexError for a locked, unwritable or incompatible database; bad input is reported, not thrown.
IndexSummary run_index(const IndexOptions& options, const analysis::Analyzer& analyzer, IndexReporter& reporter);

}  // namespace duet
