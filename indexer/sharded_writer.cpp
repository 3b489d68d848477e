#include "sharded_writer.h"

#include "fingerprint.h"
#include "schema.h"

namespace duet {

std::size_t shard_of(const std::string& id, std::size_t count) {
    if (count <= 1) return 0;
    analysis::Fingerprint digest;
    digest.add(id);
    return static_cast<std::size_t>(digest.value() % count);
}

ShardedWriter::ShardedWriter(std::vector<Xapian::WritableDatabase> shards, Target target) : target_(target) {
    for (auto& db : shards) lanes_.push_back(std::make_unique<ShardLane>(std::move(db)));
}

Xapian::doccount ShardedWriter::termfreq(const std::string& term) {
    Xapian::doccount n = 0;
    for (auto& lane : lanes_) n += lane->read([&](Xapian::WritableDatabase& db) { return db.get_termfreq(term); });
    return n;
}

std::unordered_set<std::string> ShardedWriter::id_terms_with(const std::string& term) {
    const std::string id_prefix(schema::kIdPrefix);
    std::unordered_set<std::string> ids;
    for (auto& lane : lanes_) {
        lane->read([&](Xapian::WritableDatabase& db) {
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
                auto t = db.termlist_begin(*p);
                t.skip_to(id_prefix);
                if (t != db.termlist_end(*p) && (*t).compare(0, id_prefix.size(), id_prefix) == 0) {
                    ids.insert(*t);
                }
            }
        });
    }
    return ids;
}

std::string ShardedWriter::get_metadata(const std::string& key) {
    return lanes_.front()->read([&](Xapian::WritableDatabase& db) { return db.get_metadata(key); });
}

std::vector<std::string> ShardedWriter::metadata_keys(const std::string& prefix) {
    return lanes_.front()->read([&](Xapian::WritableDatabase& db) {
        std::vector<std::string> keys;
        for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) keys.push_back(*k);
        return keys;
    });
}

void ShardedWriter::add_spellings(const std::unordered_map<std::string, Xapian::termcount>& words) {
    lanes_.front()->add_spellings({words.begin(), words.end()});
}

void ShardedWriter::commit() {
    if (fresh()) {
        for (auto& lane : lanes_) lane->commit();
        return;
    }
    for (std::size_t i = lanes_.size(); i-- > 1;) lanes_[i]->commit();
    for (std::size_t i = lanes_.size(); i-- > 1;) lanes_[i]->wait();
    lanes_.front()->commit();
    lanes_.front()->wait();
}

void ShardedWriter::wait() {
    for (auto& lane : lanes_) lane->wait();
}

LaneCounts ShardedWriter::counts() {
    LaneCounts total;
    for (auto& lane : lanes_) {
        const LaneCounts c = lane->counts();
        total.added += c.added;
        total.updated += c.updated;
    }
    return total;
}

void ShardedWriter::close() {
    for (auto& lane : lanes_) lane->close();
}

}  // namespace duet
