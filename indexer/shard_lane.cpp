#include "shard_lane.h"

namespace duet {

namespace {

// Writes waiting per lane: enough to ride out a commit on another lane, few enough that queued documents
// stay a small part of memory.
constexpr std::size_t kMaxQueued = 256;

}  // namespace

ShardLane::ShardLane(Xapian::WritableDatabase db) : db_(std::move(db)), thread_([this] { loop(); }) {}

ShardLane::~ShardLane() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void ShardLane::replace(std::string id_term, Xapian::Document doc) {
    push([id_term = std::move(id_term), doc = std::move(doc)](Xapian::WritableDatabase& db, LaneCounts& counts) {
        ++(db.term_exists(id_term) ? counts.updated : counts.added);
        db.replace_document(id_term, doc);
    });
}

void ShardLane::delete_all(std::string term) {
    push([term = std::move(term)](Xapian::WritableDatabase& db, LaneCounts&) { db.delete_document(term); });
}

void ShardLane::set_metadata(std::string key, std::string value) {
    push([key = std::move(key), value = std::move(value)](Xapian::WritableDatabase& db, LaneCounts&) {
        db.set_metadata(key, value);
    });
}

void ShardLane::add_spellings(std::vector<std::pair<std::string, Xapian::termcount>> words) {
    if (words.empty()) return;
    push([words = std::move(words)](Xapian::WritableDatabase& db, LaneCounts&) {
        for (const auto& [word, count] : words) db.add_spelling(word, count);
    });
}

void ShardLane::commit() {
    push([](Xapian::WritableDatabase& db, LaneCounts&) { db.commit(); });
}

void ShardLane::wait() {
    read([](Xapian::WritableDatabase&) {});
}

LaneCounts ShardLane::counts() {
    return read([this](Xapian::WritableDatabase&) { return counts_; });
}

void ShardLane::close() {
    read([](Xapian::WritableDatabase& db) { db.close(); });
}

void ShardLane::push(Write write) {
    std::unique_lock lock(mutex_);
    if (error_) std::rethrow_exception(error_);
    changed_.wait(lock, [&] { return queue_.size() < kMaxQueued || error_; });
    if (error_) std::rethrow_exception(error_);
    queue_.push_back(std::move(write));
    changed_.notify_all();
}

void ShardLane::wait_idle(std::unique_lock<std::mutex>& lock) {
    changed_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
    if (error_) std::rethrow_exception(error_);
}

void ShardLane::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
        if (queue_.empty()) return;
        Write write = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        changed_.notify_all();
        lock.unlock();
        std::exception_ptr error;
        try {
            write(db_, counts_);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        busy_ = false;
        if (error) {
            // Later writes would build on a write that did not happen, so they are dropped.
            error_ = error;
            queue_.clear();
        }
        changed_.notify_all();
    }
}

}  // namespace duet
