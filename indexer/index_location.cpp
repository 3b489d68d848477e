#include "index_location.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace duet {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStubKeyword = "auto ";

unsigned generation_number(const fs::path& dir) {
    const std::string name = dir.filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos || name.size() > 9) return 0;
    return static_cast<unsigned>(std::stoul(name));
}

std::string generation_name(unsigned n) {
    std::string s = std::to_string(n);
    return std::string(6 - std::min<std::size_t>(6, s.size()), '0') + s;
}

void write_durably(const fs::path& file, const std::string& content) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
    const bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

IndexLocation::Layout IndexLocation::layout() const {
    std::error_code ec;
    const fs::file_status s = fs::status(db_, ec);
    if (ec || !fs::exists(s)) return Layout::Missing;
    return fs::is_directory(s) ? Layout::Plain : Layout::Stub;
}

fs::path IndexLocation::generations() const { return fs::path(db_.string() + ".gens"); }

std::vector<fs::path> IndexLocation::live_shards() const {
    std::vector<fs::path> shards;
    if (layout() != Layout::Stub) return shards;
    std::ifstream in(db_);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(kStubKeyword, 0) == 0) {
            const fs::path target = line.substr(std::strlen(kStubKeyword));
            shards.push_back(target.is_absolute() ? target : db_.parent_path() / target);
        }
    }
    return shards;
}

fs::path IndexLocation::live_generation() const {
    const std::vector<fs::path> shards = live_shards();
    if (shards.empty()) return {};
    const fs::path& first = shards.front();
    return first.filename().string().rfind("shard-", 0) == 0 ? first.parent_path() : first;
}

std::vector<fs::path> IndexLocation::shard_paths(const fs::path& generation, std::size_t shards) {
    if (shards <= 1) return {generation};
    std::vector<fs::path> paths;
    for (std::size_t i = 0; i < shards; ++i) paths.push_back(generation / ("shard-" + std::to_string(i)));
    return paths;
}

fs::path IndexLocation::next_generation() const {
    unsigned highest = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(generations(), ec)) highest = std::max(highest, generation_number(e.path()));
    fs::create_directories(generations());
    return generations() / generation_name(highest + 1);
}

void IndexLocation::switch_to(const fs::path& generation, std::size_t shards) const {
    // Relative to the stub's directory, so the index can be moved as a whole.
    const fs::path base = db_.parent_path().empty() ? fs::path(".") : db_.parent_path();
    std::string stub;
    for (const fs::path& shard : shard_paths(generation, shards)) {
        stub += std::string(kStubKeyword) + shard.lexically_relative(base).generic_string() + "\n";
    }
    const fs::path temporary = db_.string() + ".switch";
    write_durably(temporary, stub);
    fs::rename(temporary, db_);
    // The rename itself becomes durable with the directory.
    const int dir = ::open((db_.parent_path().empty() ? fs::path(".") : db_.parent_path()).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void IndexLocation::remove_old_generations() const {
    const unsigned live = generation_number(live_generation());
    std::vector<unsigned> older;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(generations(), ec)) {
        const unsigned n = generation_number(e.path());
        if (n != 0 && n != live) older.push_back(n);
    }
    std::sort(older.begin(), older.end());
    // Keep the newest generation before the live one; anything newer than live is a crashed rebuild.
    unsigned keep = 0;
    for (const unsigned n : older) {
        if (n < live) keep = n;
    }
    for (const unsigned n : older) {
        if (n != keep) fs::remove_all(generations() / generation_name(n), ec);
    }
}

}  // namespace duet
