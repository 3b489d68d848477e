#include "searcher_pool.h"

#include <utility>

namespace duet::server {

Lease::~Lease() {
    if (slot_) {
        pool_->give_back(std::move(slot_));
    } else if (pool_) {
        pool_->forget();
    }
}

SearcherPool::SearcherPool(std::filesystem::path db, const analysis::Analyzer& prototype, std::size_t capacity,
                           const search::CrossLanguage* cross)
    : db_(std::move(db)), prototype_(prototype), capacity_(capacity == 0 ? 1 : capacity), cross_(cross) {
    idle_.push_back(std::make_unique<SearchSlot>(db_, prototype_, cross_));
    open_ = 1;
}

std::unique_ptr<SearchSlot> SearcherPool::take() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [this] { return !idle_.empty() || open_ < capacity_; });
    if (!idle_.empty()) {
        auto slot = std::move(idle_.back());
        idle_.pop_back();
        return slot;
    }
    ++open_;
    lock.unlock();
    // Opening reads the database and copies the analyzer: done outside the lock.
    try {
        return std::make_unique<SearchSlot>(db_, prototype_, cross_);
    } catch (...) {
        forget();
        throw;
    }
}

Lease SearcherPool::acquire() {
    Lease lease(*this, take());
    try {
        // reopen() checks a new generation, but not a database rewritten in place by another analyzer:
        // check again whenever the revision moves (two metadata reads).
        if (lease.searcher().reopen()) {
            search::check_index(lease.searcher().database(), db_.string(), prototype_.fingerprint());
        }
    } catch (...) {
        lease.discard();
        throw;
    }
    return lease;
}

void SearcherPool::give_back(std::unique_ptr<SearchSlot> slot) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(slot));
    }
    freed_.notify_one();
}

void SearcherPool::forget() {
    {
        std::lock_guard lock(mutex_);
        --open_;
    }
    freed_.notify_one();
}

}  // namespace duet::server
