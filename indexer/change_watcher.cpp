#include "change_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace duet {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE;

}  // namespace

ChangeWatcher::ChangeWatcher(const std::vector<fs::path>& roots) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return;
    for (const auto& root : roots) {
        std::error_code ec;
        watch_tree(fs::is_directory(root, ec) ? root : root.parent_path());
    }
}

ChangeWatcher::~ChangeWatcher() {
    if (fd_ >= 0) ::close(fd_);
}

void ChangeWatcher::watch_tree(const fs::path& dir) {
    if (inotify_add_watch(fd_, dir.empty() ? "." : dir.c_str(), kEvents) < 0) return;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec)) inotify_add_watch(fd_, it->path().c_str(), kEvents);
    }
}

bool ChangeWatcher::wait(std::chrono::milliseconds timeout, int wake_fd) {
    pollfd fds[2] = {{wake_fd, POLLIN, 0}, {fd_, POLLIN, 0}};
    if (::poll(fds, 2, static_cast<int>(timeout.count())) <= 0) return false;
    if (!(fds[1].revents & POLLIN)) return false;
    // Writers save files in bursts; let the burst finish, then drain every event at once.
    ::poll(nullptr, 0, 1000);
    char buffer[16384];
    while (::read(fd_, buffer, sizeof buffer) > 0) {
    }
    return true;
}

}  // namespace duet
