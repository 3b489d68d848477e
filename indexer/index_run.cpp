#include "index_run.h"

#include "document_builder.h"
#include "schema.h"
#include "source_files.h"

#include <chrono>
#include <set>
#include <unordered_set>

#include <xapian.h>

namespace duet {

namespace {

using records::RecordError;
using records::RecordResult;

Xapian::WritableDatabase open_for_writing(const IndexOptions& options) {
    const std::string path = options.db.string();
    // Xapian creates the database directory but not its parents; var/index should just work.
    std::error_code ignored;
    if (options.db.has_parent_path()) std::filesystem::create_directories(options.db.parent_path(), ignored);
    try {
        return Xapian::WritableDatabase(path, options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE
                                                              : Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(IndexError::Kind::Locked,
                         "database " + path + " is locked: another duet-index is writing it; let it finish first");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexError(IndexError::Kind::Unwritable, "cannot open database " + path + " for writing: " +
                                                           e.get_msg() + " (check the path and its permissions)");
    }
}

void check_compatible(Xapian::WritableDatabase& db, const IndexOptions& options, const std::string& fingerprint) {
    const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
    const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
    if (format.empty() && db.get_doccount() == 0) {
        db.set_metadata(std::string(schema::kMetaFormat), std::to_string(schema::kFormatVersion));
        db.set_metadata(std::string(schema::kMetaAnalyzer), fingerprint);
        return;
    }
    if (format != std::to_string(schema::kFormatVersion) || analyzer != fingerprint) {
        throw IndexError(IndexError::Kind::Incompatible,
                         "database " + options.db.string() + " was built by another analyzer or format (format " +
                             (format.empty() ? "none" : format) + ", analyzer " + (analyzer.empty() ? "none" : analyzer) +
                             "; this duet-index writes format " + std::to_string(schema::kFormatVersion) +
                             ", analyzer " + fingerprint + "): re-index it with --rebuild");
    }
}

// Ids of the documents indexed from one file.
std::unordered_set<std::string> ids_from(Xapian::Database& db, const std::string& source_term) {
    std::unordered_set<std::string> ids;
    const std::string prefix(schema::kIdPrefix);
    for (auto p = db.postlist_begin(source_term); p != db.postlist_end(source_term); ++p) {
        auto t = db.termlist_begin(*p);
        t.skip_to(prefix);
        if (t != db.termlist_end(*p) && (*t).compare(0, prefix.size(), prefix) == 0) ids.insert((*t).substr(prefix.size()));
    }
    return ids;
}

class Run {
public:
    Run(const IndexOptions& options, analysis::Analyzer& analyzer, IndexReporter& reporter)
        : options_(options), analyzer_(analyzer), reporter_(reporter), db_(open_for_writing(options)) {
        check_compatible(db_, options, analyzer.fingerprint());
    }

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
            for (const SourceFile& f : s.files) progress_.bytes_total += stat_file(f.path).size;
        }
        for (const Source& s : sources) {
            std::set<std::string> seen;
            for (const SourceFile& f : s.files) {
                seen.insert(f.key);
                index_file(f);
                ++progress_.files_done;
                reporter_.progress(progress_);
                if (pending_ >= options_.commit_every) commit();
            }
            delete_vanished(s, seen);
        }
        commit();
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

private:
    static std::string stamp_key(const std::string& file_key) { return std::string(schema::kMetaFilePrefix) + file_key; }

    void commit() {
        db_.commit();
        pending_ = 0;
    }

    void index_file(const SourceFile& file) {
        if (file.format == records::FileFormat::Unsupported) {
            reporter_.problem(file.relative + ": unsupported file type (expected .txt, .jsonl or .json)");
            ++summary_.failed;
            return;
        }
        const std::optional<FileStamp> old = FileStamp::decode(db_.get_metadata(stamp_key(file.key)));
        FileStamp now = stat_file(file.path);
        progress_.bytes_done += now.size;
        if (old && old->size == now.size && old->mtime_ns == now.mtime_ns) {
            summary_.unchanged += old->documents;
            return;
        }
        try {
            now.content_hash = hash_file(file.path);
        } catch (const std::runtime_error& e) {
            reporter_.problem(file.relative + ": " + e.what() + " (check its permissions)");
            ++summary_.failed;
            return;
        }
        if (old && old->content_hash == now.content_hash) {
            // Touched but not changed: remember the new time so the next run skips it cheaply.
            now.documents = old->documents;
            db_.set_metadata(stamp_key(file.key), now.encode());
            summary_.unchanged += old->documents;
            return;
        }
        const std::string source_term = std::string(schema::kSourcePrefix) + file.key;
        const std::unordered_set<std::string> old_ids = ids_from(db_, source_term);
        std::unordered_set<std::string> new_ids;
        ++summary_.files_read;
        summary_.bytes_read += now.size;
        records::read_records(file.path, file.relative, options_.limits, [&](RecordResult&& result) {
            if (auto* error = std::get_if<RecordError>(&result)) {
                reporter_.problem(error->to_string());
                ++summary_.failed;
                return;
            }
            auto& record = std::get<records::Record>(result);
            const std::string id_term = std::string(schema::kIdPrefix) + record.id;
            if (!new_ids.insert(record.id).second) {
                reporter_.problem(record.origin.to_string() + ": duplicate id " + record.id +
                                  " in the same file; the later record replaces the earlier one");
            }
            const bool existed = old_ids.count(record.id) != 0 || db_.term_exists(id_term);
            BuiltDocument built = build_document(record, file.key, analyzer_);
            db_.replace_document(id_term, built.document);
            // Replaced and deleted records leave their words behind: suggestions only ever err towards
            // words the index once held.
            for (const std::string& word : built.spellings) db_.add_spelling(word);
            ++(existed ? summary_.updated : summary_.added);
            ++pending_;
            if (++progress_.records % 500 == 0) reporter_.progress(progress_);
        });
        for (const std::string& id : old_ids) {
            if (new_ids.count(id) == 0) {
                db_.delete_document(std::string(schema::kIdPrefix) + id);
                ++summary_.deleted;
            }
        }
        now.documents = new_ids.size();
        db_.set_metadata(stamp_key(file.key), now.encode());
    }

    // Files recorded under this source in earlier runs and not found now.
    void delete_vanished(const Source& source, const std::set<std::string>& seen) {
        const std::string prefix = stamp_key(source.is_directory ? source.key + "/" : source.key);
        std::vector<std::string> gone;
        for (auto k = db_.metadata_keys_begin(prefix); k != db_.metadata_keys_end(prefix); ++k) {
            const std::string file_key = (*k).substr(schema::kMetaFilePrefix.size());
            if (seen.count(file_key) == 0) gone.push_back(file_key);
        }
        for (const std::string& file_key : gone) {
            const std::string source_term = std::string(schema::kSourcePrefix) + file_key;
            summary_.deleted += db_.get_termfreq(source_term);
            db_.delete_document(source_term);
            db_.set_metadata(stamp_key(file_key), "");
            ++pending_;
        }
    }

    const IndexOptions& options_;
    analysis::Analyzer& analyzer_;
    IndexReporter& reporter_;
    Xapian::WritableDatabase db_;
    IndexSummary summary_;
    IndexProgress progress_;
    std::uint64_t pending_ = 0;
};

}  // namespace

IndexSummary run_index(const IndexOptions& options, analysis::Analyzer& analyzer, IndexReporter& reporter) {
    return Run(options, analyzer, reporter).go();
}

}  // namespace duet
