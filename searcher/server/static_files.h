// Serves the page's files from one directory, and nothing outside it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace duet::server {

/// A file to send.
struct StaticFile {
    std::string body;
    std::string_view content_type;
};

/// The files under a web root. Immutable after construction: safe to share between threads.
class StaticFiles {
public:
    /// `root` is resolved once; a missing root serves nothing (every lookup is nullopt).
    explicit StaticFiles(const std::filesystem::path& root);

    /// The regular file that decoded URL path `url_path` names ("/" is index.html), or nullopt when there
    /// is none or the path tries to leave the root: "..", ".", hidden names, backslashes, NUL bytes, or a
    /// symlink whose target lies outside.
    std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

    /// resolve() and read; nullopt when it cannot be served.
    std::optional<StaticFile> get(std::string_view url_path) const;

    /// The resolved root ("" when it does not exist).
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

/// The Content-Type for a file name's extension; text types carry charset=utf-8.
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace duet::server
