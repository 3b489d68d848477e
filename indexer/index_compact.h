// Compacts the live index into a fresh generation and switches to it, holding the write lock throughout.
#pragma once

#include <filesystem>

namespace duet {

/// Runs Xapian's compaction (as xapian-compact does) on the index at `db`, which must be a stub layout;
/// returns the new generation. Throws IndexError when the index is locked or not a stub.
std::filesystem::path compact_index(const std::filesystem::path& db);

}  // namespace duet
