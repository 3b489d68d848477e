#include "source_files.h"

#include "fingerprint.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace duet {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

std::string canonical_key(const fs::path& p) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(p), ec);
    return (ec ? fs::absolute(p) : canonical).lexically_normal().string();
}

}  // namespace

Source scan_source(const fs::path& root) {
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) throw std::runtime_error("source " + root.string() + " does not exist");
    Source source;
    source.key = canonical_key(root);
    if (!fs::is_directory(status)) {
        const std::size_t slash = source.key.rfind('/');
        source.files.push_back({source.key, slash == std::string::npos ? 0 : slash + 1, records::format_of(root)});
        return source;
    }
    source.is_directory = true;
    const std::string prefix = source.file_prefix();
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw std::runtime_error("cannot read source directory " + root.string() + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) throw std::runtime_error("cannot read source directory " + root.string() + ": " + ec.message());
        const fs::path& p = it->path();
        if (hidden(p)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const records::FileFormat format = records::format_of(p);
        if (format == records::FileFormat::Unsupported) continue;
        // The root is canonical and the walk follows no directory symlinks, so root + relative is the file's
        // canonical path without a realpath() per file.
        source.files.push_back({prefix + p.lexically_relative(root).generic_string(), prefix.size(), format});
    }
    std::sort(source.files.begin(), source.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.key < b.key; });
    return source;
}

std::string Source::file_prefix() const {
    if (!is_directory || key.ends_with('/')) return key;
    return key + '/';
}

bool Source::holds(const std::string& file_key) const {
    const auto it = std::lower_bound(files.begin(), files.end(), file_key,
                                     [](const SourceFile& f, const std::string& wanted) { return f.key < wanted; });
    return it != files.end() && it->key == file_key;
}

std::string FileStamp::encode() const {
    std::ostringstream out;
    out << size << ' ' << mtime_ns << ' ' << content_hash << ' ' << documents;
    if (!file_key.empty()) out << ' ' << file_key;
    return out.str();
}

std::optional<FileStamp> FileStamp::decode(const std::string& text) {
    std::istringstream in(text);
    FileStamp s;
    if (!(in >> s.size >> s.mtime_ns >> s.content_hash >> s.documents)) return std::nullopt;
    // The key is the rest after one space: it may hold spaces of its own.
    if (in.get() == ' ') std::getline(in, s.file_key, '\0');
    return s;
}

FileStamp stat_file(const fs::path& file) {
    FileStamp s;
    std::error_code ec;
    s.size = fs::file_size(file, ec);
    if (ec) s.size = 0;
    const auto mtime = fs::last_write_time(file, ec);
    if (!ec) s.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    return s;
}

std::uint64_t hash_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    analysis::Fingerprint digest;
    std::string buffer(1 << 16, '\0');
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        digest.add(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
    return digest.value();
}

}  // namespace duet
