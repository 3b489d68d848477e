#include "index_compact.h"

#include "index_location.h"
#include "index_run.h"

#include <optional>

#include <xapian.h>

namespace duet {

std::filesystem::path compact_index(const std::filesystem::path& db) {
    const IndexLocation location(db);
    if (location.layout() != IndexLocation::Layout::Stub) {
        throw IndexError(IndexError::Kind::Unwritable,
                         db.string() + " is not a stub-managed index (run xapian-compact on it directly)");
    }
    // The write lock keeps indexers out, so nothing committed during compaction can be left behind.
    std::optional<Xapian::WritableDatabase> lock;
    try {
        lock.emplace(db.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError(IndexError::Kind::Locked, "database " + db.string() + " is locked: an indexer is writing it");
    }
    const std::filesystem::path generation = location.next_generation();
    Xapian::Database(location.live_generation().string()).compact(generation.string());
    location.switch_to(generation);
    location.remove_old_generations();
    return generation;
}

}  // namespace duet
