#include "index_run.h"

#include "document_builder.h"
#include "schema.h"
#include "source_files.h"

#include "analyzer_pool.h"
#include "index_location.h"
#include "sharded_writer.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <future>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

namespace duet {

namespace {

using records::RecordError;
using records::RecordResult;

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db, int flags) {
    const std::string path = db.string();
    // Xapian creates the database directory but not its parents; var/index should just work.
    std::error_code ignored;
    if (db.has_parent_path()) std::filesystem::create_directories(db.parent_path(), ignored);
    try {
        return Xapian::WritableDatabase(path, flags);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(IndexError::Kind::Locked,
                         "database " + path + " is locked: another duet-index is writing it; let it finish first");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError(IndexError::Kind::Unwritable, "cannot open database " + path + " for writing: " +
                                                           e.get_msg() + " (check the path and its permissions)");
    }
}

// "2026-11-21T18:40:00Z added=3 updated=0 …" for --stats.
std::string last_run_text(const IndexSummary& s) {
    const std::time_t now = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return std::string(when) + " added=" + std::to_string(s.added) + " updated=" + std::to_string(s.updated) +
           " deleted=" + std::to_string(s.deleted) + " unchanged=" + std::to_string(s.unchanged) +
           " failed=" + std::to_string(s.failed) + (s.interrupted ? " interrupted" : "");
}

// Why `db` cannot be updated by this analyzer, or "" when it can (a new, empty database is stamped here).
std::string incompatibility(Xapian::WritableDatabase& db, const std::string& fingerprint) {
    const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
    const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
    if (format.empty() && db.get_doccount() == 0) {
        db.set_metadata(std::string(schema::kMetaFormat), std::to_string(schema::kFormatVersion));
        db.set_metadata(std::string(schema::kMetaAnalyzer), fingerprint);
        return {};
    }
    if (format == std::to_string(schema::kFormatVersion) && analyzer == fingerprint) return {};
    return "it was built by another analyzer or format (format " + (format.empty() ? "none" : format) +
           ", analyzer " + (analyzer.empty() ? "none" : analyzer) + "; this duet-index writes format " +
           std::to_string(schema::kFormatVersion) + ", analyzer " + fingerprint + ")";
}

// One step of the stream the writer applies in order; documents are built on worker threads meanwhile.
struct Event {
    enum class Kind { FileBegin, Record, BadRecord, FileEnd };
    Kind kind = Kind::Record;
    const SourceFile* file = nullptr;
    records::Record record;  // Record
    std::string message;     // BadRecord
    FileStamp stamp;         // FileEnd
    BuiltDocument built;     // Record, filled by a worker
};
using Batch = std::vector<Event>;

Event make_event(Event::Kind kind, const SourceFile& file) {
    Event e;
    e.kind = kind;
    e.file = &file;
    return e;
}

// Records per batch handed to a worker: big enough to amortise the hand-over, small enough to keep
// memory flat and the writer busy.
constexpr std::size_t kBatchRecords = 64;

class Run {
public:
    // A fresh `db` has no stamps or old ids to look up (looking would make the reader wait for the writers).
    Run(const IndexOptions& options, const analysis::Analyzer& analyzer, IndexReporter& reporter,
        ShardedWriter& db)
        : options_(options),
          reporter_(reporter),
          db_(db),
          threads_(std::max<std::size_t>(1, options.threads)),
          analyzers_(analyzer, threads_) {}

    IndexSummary go() {
        const auto start = std::chrono::steady_clock::now();
        std::vector<Source> sources;
        for (const auto& root : options_.sources) {
            try {
                sources.push_back(scan_source(root));
            } catch (const std::runtime_error& e) {
                reporter_.problem(std::string(e.what()) + " (nothing under it was changed)");
                ++summary_.failed;
            }
        }
        for (const Source& s : sources) {
            progress_.files_total += s.files.size();
            for (const SourceFile& f : s.files) progress_.bytes_total += stat_file(f.path()).size;
        }
        for (const Source& s : sources) {
            for (const SourceFile& f : s.files) {
                if (stopping()) break;
                read_file(f);
            }
            drain();
            // Only a complete scan can say which files vanished.
            if (stopping()) break;
            delete_vanished(s);
        }
        summary_.interrupted = stopping();
        drain();
        const LaneCounts written = db_.counts();
        summary_.added = written.added;
        summary_.updated = written.updated;
        db_.set_metadata(std::string(schema::kMetaLastRun), last_run_text(summary_));
        commit();
        db_.wait();
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

private:
    bool stopping() const { return options_.stop != nullptr && options_.stop->load(); }

    void commit() {
        // Counted per commit rather than added per record: a word repeats across records, and each
        // add_spelling() is a B-tree update. Replaced and deleted records leave their words behind, so
        // suggestions only ever err towards words the index once held.
        db_.add_spellings(spellings_);
        spellings_.clear();
        db_.commit();
        pending_ = 0;
    }

    // Decides whether `file` needs reading and, if so, queues its records (reading happens here, analysis on
    // the workers, writing in apply()).
    void read_file(const SourceFile& file) {
        if (file.format == records::FileFormat::Unsupported) {
            reporter_.problem(file.relative() + ": unsupported file type (expected .txt, .jsonl or .json)");
            ++summary_.failed;
            return file_done();
        }
        const std::string stamp_key = schema::file_stamp_key(file.key);
        const std::optional<FileStamp> old =
            FileStamp::decode(db_.fresh() ? std::string() : db_.get_metadata(stamp_key));
        FileStamp now = stat_file(file.path());
        // Only a cut key needs its file key kept beside it (100k stamps would otherwise hold 8 MB of paths).
        if (schema::maybe_cut(stamp_key)) now.file_key = file.key;
        if (old && old->size == now.size && old->mtime_ns == now.mtime_ns) {
            summary_.unchanged += old->documents;
            return file_done(now.size);
        }
        try {
            now.content_hash = hash_file(file.path());
        } catch (const std::runtime_error& e) {
            reporter_.problem(file.relative() + ": " + e.what() + " (check its permissions)");
            ++summary_.failed;
            return file_done(now.size);
        }
        if (old && old->content_hash == now.content_hash) {
            // Touched but not changed: remember the new time so the next run skips it cheaply.
            now.documents = old->documents;
            db_.set_metadata(stamp_key, now.encode());
            summary_.unchanged += old->documents;
            return file_done(now.size);
        }
        queue(make_event(Event::Kind::FileBegin, file));
        records::read_records(file.path(), file.relative(), options_.limits, [&](RecordResult&& result) {
            if (auto* error = std::get_if<RecordError>(&result)) {
                Event e = make_event(Event::Kind::BadRecord, file);
                e.message = error->to_string();
                queue(std::move(e));
            } else {
                Event e = make_event(Event::Kind::Record, file);
                e.record = std::move(std::get<records::Record>(result));
                queue(std::move(e));
            }
        });
        Event end = make_event(Event::Kind::FileEnd, file);
        end.stamp = now;
        queue(std::move(end));
    }

    void file_done(std::uintmax_t bytes = 0) {
        progress_.bytes_done += bytes;
        ++progress_.files_done;
        reporter_.progress(progress_);
    }

    void queue(Event&& event) {
        const bool is_record = event.kind == Event::Kind::Record;
        batch_.push_back(std::move(event));
        if (is_record && ++batch_records_ >= kBatchRecords) submit();
    }

    // Sends the batch to a worker; keeps a bounded number in flight so memory stays flat.
    void submit() {
        if (batch_.empty()) return;
        inflight_.push_back(std::async(std::launch::async, [this, batch = std::move(batch_)]() mutable {
            auto analyzer = analyzers_.borrow();
            for (Event& e : batch) {
                if (e.kind == Event::Kind::Record) e.built = build_document(e.record, e.file->key, *analyzer);
            }
            return std::move(batch);
        }));
        batch_ = {};
        batch_records_ = 0;
        while (inflight_.size() > 2 * threads_) apply_next();
    }

    void drain() {
        submit();
        while (!inflight_.empty()) apply_next();
    }

    void apply_next() {
        Batch batch = inflight_.front().get();
        inflight_.pop_front();
        for (Event& e : batch) apply(e);
    }

    void apply(Event& e) {
        switch (e.kind) {
            case Event::Kind::FileBegin:
                old_ids_.clear();
                if (!db_.fresh()) old_ids_ = db_.id_terms_with(schema::source_term(e.file->key));
                new_ids_.clear();
                ++summary_.files_read;
                return;
            case Event::Kind::BadRecord:
                reporter_.problem(e.message);
                ++summary_.failed;
                return;
            case Event::Kind::Record: return apply_record(e);
            case Event::Kind::FileEnd: return finish_file(e);
        }
    }

    void apply_record(Event& e) {
        const records::Record& record = e.record;
        std::string id_term = schema::id_term(record.id);
        if (!new_ids_.insert(id_term).second) {
            reporter_.problem(record.origin.to_string() + ": duplicate id " + record.id +
                              " in the same file; the later record replaces the earlier one");
        }
        db_.replace(record.id, std::move(id_term), std::move(e.built.document));
        for (const std::string& word : e.built.spellings) ++spellings_[word];
        ++pending_;
        if (++progress_.records % 500 == 0) reporter_.progress(progress_);
    }

    void finish_file(Event& e) {
        for (const std::string& id_term : old_ids_) {
            if (new_ids_.count(id_term) == 0) {
                db_.delete_all(id_term);
                ++summary_.deleted;
            }
        }
        e.stamp.documents = new_ids_.size();
        db_.set_metadata(schema::file_stamp_key(e.file->key), e.stamp.encode());
        summary_.bytes_read += e.stamp.size;
        file_done(e.stamp.size);
        // Commits fall between files, where a file's documents and its stamp are complete together.
        if (pending_ >= options_.commit_every) commit();
    }

    // Files recorded under this source in earlier runs and not found now.
    void delete_vanished(const Source& source) {
        // A very long key is cut in its metadata key, so the scan may also list other sources' files that
        // share the cut part: the stamp's own copy of the key decides (stamps from before it had none).
        const std::string wanted = source.file_prefix();
        std::string prefix = std::string(schema::kMetaFilePrefix) + wanted;
        prefix.resize(std::min(prefix.size(), schema::kCutTermKeepsBytes));
        std::vector<std::pair<std::string, std::string>> gone;  // metadata key, file key
        for (const std::string& key : db_.metadata_keys(prefix)) {
            std::string file_key = key.substr(schema::kMetaFilePrefix.size());
            if (schema::maybe_cut(key)) {
                const std::optional<FileStamp> stamp = FileStamp::decode(db_.get_metadata(key));
                if (stamp && !stamp->file_key.empty()) file_key = stamp->file_key;
            }
            if (file_key.starts_with(wanted) && !source.holds(file_key)) gone.emplace_back(key, std::move(file_key));
        }
        for (const auto& [key, file_key] : gone) {
            const std::string source_term = schema::source_term(file_key);
            summary_.deleted += db_.termfreq(source_term);
            db_.delete_all(source_term);
            db_.set_metadata(key, "");
            ++pending_;
        }
    }

    const IndexOptions& options_;
    IndexReporter& reporter_;
    ShardedWriter& db_;
    std::size_t threads_;
    AnalyzerPool analyzers_;
    IndexSummary summary_;
    IndexProgress progress_;
    std::uint64_t pending_ = 0;
    Batch batch_;
    std::size_t batch_records_ = 0;
    std::deque<std::future<Batch>> inflight_;
    std::unordered_map<std::string, Xapian::termcount> spellings_;  // since the last commit
    std::unordered_set<std::string> old_ids_;  // of the file being written
    std::unordered_set<std::string> new_ids_;
};

// Opens the shard databases for writing, stamping new ones with this analyzer; "" or why they cannot be updated.
std::string open_shards(const std::vector<std::filesystem::path>& paths, int flags, const std::string& fingerprint,
                        std::vector<Xapian::WritableDatabase>& out) {
    std::string why;
    for (const auto& path : paths) {
        out.push_back(open_for_writing(path, flags));
        const std::string problem = incompatibility(out.back(), fingerprint);
        if (why.empty()) why = problem;
    }
    return why;
}

// The databases a fresh build writes: one part per shard, or, for a single database, one part per thread,
// since one writer thread cannot keep up with the analysers.
std::vector<std::filesystem::path> part_paths(const std::filesystem::path& generation, std::size_t shards,
                                              std::size_t threads) {
    const std::size_t count = shards > 1 ? shards : std::max<std::size_t>(1, threads);
    std::vector<std::filesystem::path> parts;
    for (std::size_t i = 0; i < count; ++i) parts.push_back(generation / "parts" / ("part-" + std::to_string(i)));
    return parts;
}

// Writes the generation's shards from the parts with Xapian's compactor: the parts were written without
// fsync (a crash discards the whole generation anyway), the compactor's output is durable and compact.
// For a single database the parts are merged, documents renumbered one part after another (ids were routed
// to parts by hash, so none repeats).
void compact_parts(const std::vector<std::filesystem::path>& parts, const std::filesystem::path& generation,
                   std::size_t shards) {
    const std::vector<std::filesystem::path> targets = IndexLocation::shard_paths(generation, shards);
    if (targets.size() == 1) {
        Xapian::Database all;
        for (const auto& part : parts) all.add_database(Xapian::Database(part.string()));
        all.compact(targets.front().string());
    } else {
        for (std::size_t i = 0; i < parts.size(); ++i) Xapian::Database(parts[i].string()).compact(targets[i].string());
    }
    std::filesystem::remove_all(generation / "parts");
}

// Builds a complete index into a fresh generation and switches the stub to it; readers never see it
// half-built, and the old generation stays until the next switch.
IndexSummary rebuild(const IndexOptions& options, const analysis::Analyzer& analyzer, IndexReporter& reporter,
                     const IndexLocation& location, std::size_t shards) {
    const std::filesystem::path generation = location.next_generation();
    const std::vector<std::filesystem::path> parts = part_paths(generation, shards, options.threads);
    IndexSummary summary;
    {
        // Nobody reads the parts while they are written, so they are updated in place and never synced.
        std::vector<Xapian::WritableDatabase> fresh;
        open_shards(parts, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS,
                    analyzer.fingerprint(), fresh);
        ShardedWriter writer(std::move(fresh), ShardedWriter::Target::Fresh);
        summary = Run(options, analyzer, reporter, writer).go();
        writer.close();
    }
    if (summary.interrupted) {
        // Never switch to a half-built index; the next run starts the rebuild again.
        std::error_code ignored;
        std::filesystem::remove_all(generation, ignored);
        return summary;
    }
    const auto start = std::chrono::steady_clock::now();
    compact_parts(parts, generation, shards);
    summary.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    location.switch_to(generation, shards);
    location.remove_old_generations();
    summary.generation = generation.string();
    return summary;
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, const analysis::Analyzer& analyzer, IndexReporter& reporter) {
    const IndexLocation location(options.db);
    switch (location.layout()) {
        case IndexLocation::Layout::Missing:
            return rebuild(options, analyzer, reporter, location, std::max<std::size_t>(1, options.shards));
        case IndexLocation::Layout::Stub: {
            // Holding the live shards' locks keeps a second indexer out while a rebuild runs beside them.
            const std::vector<std::filesystem::path> live_paths = location.live_shards();
            std::vector<Xapian::WritableDatabase> live;
            std::string why = open_shards(live_paths, Xapian::DB_OPEN, analyzer.fingerprint(), live);
            const std::size_t shards = options.shards == 0 ? live.size() : options.shards;
            if (why.empty() && shards != live.size()) {
                why = "--shards " + std::to_string(shards) + " asks for another layout than the live " +
                      std::to_string(live.size());
            }
            if (why.empty() && !options.rebuild) {
                ShardedWriter writer(std::move(live), ShardedWriter::Target::Live);
                return Run(options, analyzer, reporter, writer).go();
            }
            reporter.note("rebuilding " + options.db.string() + " in full beside the live index" +
                          (why.empty() ? std::string(" (--rebuild)") : ": " + why));
            IndexSummary summary = rebuild(options, analyzer, reporter, location, shards);
            summary.rebuilt = true;
            return summary;
        }
        case IndexLocation::Layout::Plain: {
            std::vector<Xapian::WritableDatabase> db;
            const std::string why =
                open_shards({options.db}, options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN,
                            analyzer.fingerprint(), db);
            if (!why.empty()) {
                throw IndexError(IndexError::Kind::Incompatible,
                                 "database " + options.db.string() + " cannot be updated: " + why +
                                     "; re-index it with --rebuild");
            }
            ShardedWriter writer(std::move(db), ShardedWriter::Target::Live);
            return Run(options, analyzer, reporter, writer).go();
        }
    }
    return {};
}

}  // namespace duet
