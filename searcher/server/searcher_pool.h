// Hands each worker thread a Searcher of its own (Xapian handles are not thread-safe), moved to the
// latest committed revision before every use.
#pragma once

#include "analyzer.h"
#include "cross_language.h"
#include "searcher.h"

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace duet::server {

/// One worker's tools: a searcher and an analyzer copy of its own (for suggestions).
struct SearchSlot {
    SearchSlot(const std::filesystem::path& db, const analysis::Analyzer& prototype, const search::CrossLanguage* cross)
        : analyzer(prototype), searcher(db, prototype, search::Ranking{}, cross) {}
    analysis::Analyzer analyzer;
    search::Searcher searcher;
};

class SearcherPool;

/// Exclusive use of one slot until destroyed; the slot goes back to the pool unless discard()ed.
class Lease {
public:
    Lease(SearcherPool& pool, std::unique_ptr<SearchSlot> slot) : pool_(&pool), slot_(std::move(slot)) {}
    Lease(Lease&& other) noexcept : pool_(std::exchange(other.pool_, nullptr)), slot_(std::move(other.slot_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    search::Searcher& searcher() { return slot_->searcher; }
    analysis::Analyzer& analyzer() { return slot_->analyzer; }

    /// Drops the slot instead of returning it (after a database error; the next lease opens afresh).
    void discard() { slot_.reset(); }

private:
    SearcherPool* pool_;
    std::unique_ptr<SearchSlot> slot_;
};

/// At most `capacity` slots, opened on demand. Not copyable; share it by reference.
class SearcherPool {
public:
    /// Opens one slot at once so a missing or incompatible index is reported at start-up (IndexUnusable).
    /// `cross` (may be null; immutable, so shared by all slots) must outlive the pool.
    SearcherPool(std::filesystem::path db, const analysis::Analyzer& prototype, std::size_t capacity,
                 const search::CrossLanguage* cross = nullptr);
    SearcherPool(const SearcherPool&) = delete;
    SearcherPool& operator=(const SearcherPool&) = delete;

    /// A slot at the latest revision, waiting while all are busy. Throws IndexUnusable when the index
    /// cannot be opened or was rebuilt by another analyzer, and Xapian::Error when reopening fails.
    Lease acquire();

private:
    friend class Lease;
    void give_back(std::unique_ptr<SearchSlot> slot);
    void forget();  // a leased slot was discarded: room for a new one
    std::unique_ptr<SearchSlot> take();

    const std::filesystem::path db_;
    const analysis::Analyzer prototype_;
    const std::size_t capacity_;
    const search::CrossLanguage* cross_;
    std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<SearchSlot>> idle_;
    std::size_t open_ = 0;  // slots in existence, idle or leased
};

}  // namespace duet::server
