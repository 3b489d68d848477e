// Every record's length held in memory, so that scoring a term's record costs no read of the index.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace duet::search {

/// The lengths of one database's records, per shard, as of the revision they were read at.
///
/// Why: at 1M records Xapian 1.4 reads a record's length from a chunked list in the index, one B-tree look-up and
/// a scan of up to a chunk for every record a term's score is computed on; that was 2 µs a record, and 95% of a
/// rare word's search time. Read once in index order, 1M lengths take 50 ms and 4 MB.
class DocumentLengths {
public:
    /// Reads the lengths of every record of `db` (a database, or a stub of local shards). Returns null when they
    /// cannot be told apart by shard (a database without UUIDs); a writer's commit during the read throws
    /// Xapian::DatabaseModifiedError, as any read does.
    static std::shared_ptr<const DocumentLengths> read(const Xapian::Database& db);

    /// The lengths of the shard `sub` by its docids (0: no record then, or an empty one), or null if `sub` is not
    /// one of them.
    const std::vector<Xapian::termcount>* of(const Xapian::Database& sub) const;

private:
    std::vector<std::string> uuids_;  // of the shards, in the order Xapian interleaves their docids
    std::vector<std::vector<Xapian::termcount>> lengths_;  // per shard
};

}  // namespace duet::search
