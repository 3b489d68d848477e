// Where an index lives: a stub file naming the live generation, so a rebuild is made beside it and
// switched in with one atomic rename.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

namespace duet {

/// The layout of `--db PATH`. New indexes are stubs: PATH is a Xapian stub file ("auto PATH.gens/N") that
/// Xapian follows for reading and writing; a plain glass directory (older layout) is still used as it is.
class IndexLocation {
public:
    enum class Layout { Missing, Stub, Plain };

    explicit IndexLocation(std::filesystem::path db) : db_(std::move(db)) {}

    /// What is at the path now.
    Layout layout() const;

    /// The directory new generations go in: PATH.gens beside the stub.
    std::filesystem::path generations() const;

    /// A fresh, empty directory name for the next generation (one past the highest present).
    std::filesystem::path next_generation() const;

    /// The database directories of a generation with `shards` shards (the generation itself when 1).
    static std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& generation, std::size_t shards);

    /// Points the stub at `generation`'s shards atomically (write, fsync, rename); readers opening PATH
    /// afterwards see the new database, readers already open keep the old one.
    void switch_to(const std::filesystem::path& generation, std::size_t shards) const;

    /// The local shard databases the stub names, in order.
    std::vector<std::filesystem::path> live_shards() const;

    /// Deletes generations other than the live one and the one before it (kept for readers still using it).
    void remove_old_generations() const;

    /// The generation the stub names (empty for other layouts).
    std::filesystem::path live_generation() const;

private:
    std::filesystem::path db_;
};

}  // namespace duet
