#include "index_compact.h"

#include "index_location.h"
#include "index_run.h"

#include <vector>

#include <xapian.h>

namespace duet {

std::filesystem::path compact_index(const std::filesystem::path& db) {
    const IndexLocation location(db);
    if (location.layout() != IndexLocation::Layout::Stub) {
        throw IndexError(IndexError::Kind::Unwritable,
                         db.string() + " is not a stub-managed index (run xapian-compact on it directly)");
    }
    // The write locks keep indexers out, so nothing committed during compaction can be left behind.
    std::vector<Xapian::WritableDatabase> locks;
    try {
        for (const auto& shard : location.live_shards()) locks.emplace_back(shard.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(IndexError::Kind::Locked, "database " + db.string() + " is locked: an indexer is writing it");
    }
    const std::vector<std::filesystem::path> live = location.live_shards();
    const std::filesystem::path generation = location.next_generation();
    const auto targets = IndexLocation::shard_paths(generation, live.size());
    std::filesystem::create_directories(generation);
    for (std::size_t i = 0; i < live.size(); ++i) Xapian::Database(live[i].string()).compact(targets[i].string());
    location.switch_to(generation, live.size());
    location.remove_old_generations();
    return generation;
}

}  // namespace duet
