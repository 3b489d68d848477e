// One shard database with a writer thread of its own, so that shards (or the parts of a fresh build) are
// written on every core at once: Xapian's write path is most of an index run's work and is single-threaded
// per database.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

namespace duet {

/// What a lane's replace() calls did: documents new to the database and documents they replaced.
struct LaneCounts {
    std::uint64_t added = 0;
    std::uint64_t updated = 0;
};

/// Owns one WritableDatabase and applies writes to it on its own thread, in the order they were queued.
/// Writes return at once (the queue is bounded, so memory stays flat); reads wait until the queue is empty
/// and then run on the caller's thread. A Xapian error on the lane's thread is rethrown by the next call.
class ShardLane {
public:
    explicit ShardLane(Xapian::WritableDatabase db);
    /// Applies what is still queued, then stops the thread; errors at this point are dropped (call wait()).
    ~ShardLane();
    ShardLane(const ShardLane&) = delete;
    ShardLane& operator=(const ShardLane&) = delete;

    /// Adds the document, or replaces the one indexed by `id_term`, counting which it was.
    void replace(std::string id_term, Xapian::Document doc);
    /// Deletes every document indexed by `term`.
    void delete_all(std::string term);
    /// Sets (or, with "", removes) a metadata entry.
    void set_metadata(std::string key, std::string value);
    /// Adds word frequencies to the spelling data.
    void add_spellings(std::vector<std::pair<std::string, Xapian::termcount>> words);
    /// Commits everything queued before it.
    void commit();

    /// Waits until every queued write is applied, then calls `read(database)` on this thread.
    template <class Read>
    auto read(Read&& read) {
        std::unique_lock lock(mutex_);
        wait_idle(lock);
        return read(db_);
    }

    /// Waits until every queued write is applied; rethrows the lane's error if it had one.
    void wait();
    /// The counts so far (waits first).
    LaneCounts counts();
    /// Waits, then closes the database (releasing its lock).
    void close();

private:
    using Write = std::function<void(Xapian::WritableDatabase&, LaneCounts&)>;
    void push(Write write);
    void wait_idle(std::unique_lock<std::mutex>& lock);
    void loop();

    Xapian::WritableDatabase db_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Write> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::exception_ptr error_;
    LaneCounts counts_;
    std::thread thread_;
};

}  // namespace duet
