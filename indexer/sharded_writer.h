// Writes one logical index as N shard databases: each record goes to the shard its id hashes to.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace duet {

/// The shard (0..count-1) that owns a record id: a stable hash, so updates find the copy they replace.
std::size_t shard_of(const std::string& id, std::size_t count);

/// The writes an index run makes, spread over shards. Metadata (stamps, fingerprint) lives in shard 0;
/// commits go to every shard in turn, so a crash between them can leave shards at different revisions
/// (there are no cross-shard transactions) — the next run repairs that, since file stamps commit last.
class ShardedWriter {
public:
    explicit ShardedWriter(std::vector<Xapian::WritableDatabase> shards) : shards_(std::move(shards)) {}

    std::size_t size() const { return shards_.size(); }
    Xapian::WritableDatabase& metadata() { return shards_.front(); }

    /// Replaces (or adds) the document of record `id`.
    void replace(const std::string& id, const std::string& id_term, const Xapian::Document& doc) {
        shards_[shard_of(id, shards_.size())].replace_document(id_term, doc);
    }
    /// Deletes every document indexed by `term`, in every shard.
    void delete_all(const std::string& term) {
        for (auto& s : shards_) s.delete_document(term);
    }
    bool term_exists(const std::string& term) {
        for (auto& s : shards_) {
            if (s.term_exists(term)) return true;
        }
        return false;
    }
    Xapian::doccount termfreq(const std::string& term) {
        Xapian::doccount n = 0;
        for (auto& s : shards_) n += s.get_termfreq(term);
        return n;
    }
    /// Ids of the documents carrying `term` (the source file's term), across shards.
    std::unordered_set<std::string> ids_with(const std::string& term, const std::string& id_prefix);

    /// Commits shard 0 last: its file stamps then never claim documents another shard has not committed.
    void commit() {
        for (std::size_t i = shards_.size(); i-- > 0;) shards_[i].commit();
    }

    void close() {
        for (auto& s : shards_) s.close();
    }

private:
    std::vector<Xapian::WritableDatabase> shards_;
};

}  // namespace duet
