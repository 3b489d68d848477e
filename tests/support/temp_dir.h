// Test support: a unique temporary directory, removed with everything in it when the guard goes.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <unistd.h>
#include <string>

namespace duet::testing {

/// Each test builds its own world here; nothing is shared between tests or runs.
class TempDir {
public:
    TempDir() {
        // The process id and a counter keep names unique without clock-seeded randomness.
        static int counter = 0;
        const auto base = std::filesystem::temp_directory_path();
        for (int attempt = 0;; ++attempt) {
            path_ = base / ("duet-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
            std::error_code ec;
            if (std::filesystem::create_directory(path_, ec)) break;
            if (attempt > 1000) throw std::runtime_error("cannot create a temporary directory under " + base.string());
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace duet::testing
