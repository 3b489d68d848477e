#include "static_files.h"

#include <array>
#include <fstream>
#include <iterator>
#include <utility>

namespace duet::server {

namespace fs = std::filesystem;

namespace {

// The page is a handful of small files; anything bigger was not put there for us.
constexpr std::uintmax_t kMaxFileBytes = 8u << 20;

bool within(const fs::path& path, const fs::path& root) {
    const auto& p = path.native();
    const auto& r = root.native();
    return p.size() > r.size() && p.compare(0, r.size(), r) == 0 &&
           (r.back() == '/' || p[r.size()] == '/');
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
    if (ec || !fs::is_directory(root_, ec)) root_.clear();
}

std::optional<fs::path> StaticFiles::resolve(std::string_view url_path) const {
    if (root_.empty() || url_path.empty() || url_path.front() != '/') return std::nullopt;
    if (url_path.find('\0') != std::string_view::npos || url_path.find('\\') != std::string_view::npos) {
        return std::nullopt;
    }
    fs::path relative;
    for (std::size_t at = 1; at <= url_path.size();) {
        const std::size_t slash = std::min(url_path.find('/', at), url_path.size());
        const std::string_view segment = url_path.substr(at, slash - at);
        at = slash + 1;
        if (segment.empty()) continue;
        // "." and ".." walk the tree; hidden names (.git, .env) are never part of the page.
        if (segment.front() == '.') return std::nullopt;
        relative /= fs::path(std::string(segment));
    }
    if (relative.empty()) relative = "index.html";
    std::error_code ec;
    // Canonicalising follows symlinks, so a link pointing outside is caught by the prefix check.
    const fs::path file = fs::canonical(root_ / relative, ec);
    if (ec || !within(file, root_) || !fs::is_regular_file(file, ec)) return std::nullopt;
    return file;
}

std::optional<StaticFile> StaticFiles::get(std::string_view url_path) const {
    const auto file = resolve(url_path);
    if (!file) return std::nullopt;
    std::error_code ec;
    const auto size = fs::file_size(*file, ec);
    if (ec || size > kMaxFileBytes) return std::nullopt;
    std::ifstream in(*file, std::ios::binary);
    if (!in) return std::nullopt;
    StaticFile out{std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
                   content_type_for(*file)};
    if (in.bad()) return std::nullopt;
    return out;
}

std::string_view content_type_for(const fs::path& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypes = {{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".webmanifest", "application/manifest+json"},
        {".woff2", "font/woff2"},
    }};
    const std::string ext = file.extension().string();
    for (const auto& [e, type] : kTypes) {
        if (ext == e) return type;
    }
    return "application/octet-stream";
}

}  // namespace duet::server
