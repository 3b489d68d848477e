#include "sharded_writer.h"

#include "fingerprint.h"

namespace duet {

std::size_t shard_of(const std::string& id, std::size_t count) {
    if (count <= 1) return 0;
    analysis::Fingerprint digest;
    digest.add(id);
    return static_cast<std::size_t>(digest.value() % count);
}

std::unordered_set<std::string> ShardedWriter::ids_with(const std::string& term, const std::string& id_prefix) {
    std::unordered_set<std::string> ids;
    for (auto& db : shards_) {
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            auto t = db.termlist_begin(*p);
            t.skip_to(id_prefix);
            if (t != db.termlist_end(*p) && (*t).compare(0, id_prefix.size(), id_prefix) == 0) {
                ids.insert((*t).substr(id_prefix.size()));
            }
        }
    }
    return ids;
}

}  // namespace duet
