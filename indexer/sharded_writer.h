// Writes one logical index as N shard databases: each record goes to the shard its id hashes to, and each
// shard is written by its own thread.
#pragma once

#include "shard_lane.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace duet {

/// The shard (0..count-1) that owns a record id: a stable hash, so updates find the copy they replace.
std::size_t shard_of(const std::string& id, std::size_t count);

/// The writes an index run makes, spread over shards, each written on its own ShardLane thread. Metadata
/// (stamps, fingerprint, spelling data) lives in shard 0. Writes return at once; reads wait for the writes
/// queued before them.
class ShardedWriter {
public:
    /// What the shards are: a live index, or a fresh build that nobody reads until it is switched in.
    enum class Target { Live, Fresh };

    ShardedWriter(std::vector<Xapian::WritableDatabase> shards, Target target);

    std::size_t size() const { return lanes_.size(); }
    /// True for a fresh build: it holds nothing yet but what this run wrote.
    bool fresh() const { return target_ == Target::Fresh; }

    /// Replaces (or adds) the document of record `id` in the shard that owns it.
    void replace(const std::string& id, std::string id_term, Xapian::Document doc) {
        lanes_[shard_of(id, lanes_.size())]->replace(std::move(id_term), std::move(doc));
    }
    /// Deletes every document indexed by `term`, in every shard.
    void delete_all(const std::string& term) {
        for (auto& lane : lanes_) lane->delete_all(term);
    }
    /// Documents indexed by `term`, across shards.
    Xapian::doccount termfreq(const std::string& term);
    /// Id terms (schema::id_term) of the documents carrying `term` (the source file's term), across shards.
    std::unordered_set<std::string> id_terms_with(const std::string& term);

    std::string get_metadata(const std::string& key);
    void set_metadata(std::string key, std::string value) { lanes_.front()->set_metadata(std::move(key), std::move(value)); }
    /// Metadata keys starting with `prefix`.
    std::vector<std::string> metadata_keys(const std::string& prefix);
    /// Adds word counts to the spelling data (in shard 0, which the searcher's did-you-mean reads with the rest).
    void add_spellings(const std::unordered_map<std::string, Xapian::termcount>& words);

    /// Live: waits for every shard and commits shard 0 last, so its file stamps never claim documents another
    /// shard has not committed (a crash between commits is repaired by the next run). Fresh: queues a commit
    /// on every shard and goes on.
    void commit();
    /// Waits for every queued write; rethrows a shard's write error.
    void wait();
    /// Documents added and replaced so far, over all shards (waits first).
    LaneCounts counts();
    /// Waits, then closes every shard.
    void close();

private:
    std::vector<std::unique_ptr<ShardLane>> lanes_;
    Target target_;
};

}  // namespace duet
