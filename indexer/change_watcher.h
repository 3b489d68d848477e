// Wakes a watching indexer early when files under its sources change (Linux inotify), or at its interval.
#pragma once

#include <chrono>
#include <filesystem>
#include <vector>

namespace duet {

/// Watches directories for writes, moves and deletions. Without inotify (or on error) it only waits.
class ChangeWatcher {
public:
    /// Watches `roots` (directories recursively; a file root through its directory).
    explicit ChangeWatcher(const std::vector<std::filesystem::path>& roots);
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;
    ~ChangeWatcher();

    /// Waits until something changed, `timeout` passed or `wake_fd` (if >= 0) became readable;
    /// true when files changed.
    bool wait(std::chrono::milliseconds timeout, int wake_fd);

private:
    void watch_tree(const std::filesystem::path& dir);
    int fd_ = -1;
};

}  // namespace duet
