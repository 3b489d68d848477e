// Finds the record files under the sources given on the command line, and fingerprints their contents.
#pragma once

#include "record_reader.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace duet {

/// A record file found under a source. One string per file, since a source may hold millions of files.
struct SourceFile {
    std::string key;              ///< absolute path (its source's canonical root + relative): identifies the
                                  ///< file across runs, and is the path it is opened by
    std::size_t relative_at = 0;  ///< where the path relative to the source root starts in `key`
    records::FileFormat format = records::FileFormat::Unsupported;

    const std::string& path() const { return key; }
    /// The path relative to its source root: shown in messages, used in fallback ids.
    std::string relative() const { return key.substr(relative_at); }
};

/// A source root and the record files under it (sorted by key, so runs are deterministic).
struct Source {
    std::string key;  ///< canonical absolute path of the root: files recorded under it and now gone are deleted
    bool is_directory = false;
    std::vector<SourceFile> files;

    /// True when `file_key` is one of `files` (a binary search).
    bool holds(const std::string& file_key) const;
    /// What the keys of files under this root start with: the key, and for a directory one '/' after it
    /// (a root of "/" gives "/", not "//").
    std::string file_prefix() const;
};

/// Lists record files (.txt, .jsonl, .json) under `root`, recursively; hidden entries are skipped.
/// A root that is a file is listed even with another extension (it then fails as unsupported).
/// Throws std::runtime_error naming the root when it does not exist or cannot be read.
Source scan_source(const std::filesystem::path& root);

/// What a run remembers about a file to tell whether it changed.
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t content_hash = 0;
    std::uint64_t documents = 0;  ///< records indexed from it
    std::string file_key;         ///< the file's key in full (its metadata key is cut when very long); may be ""

    /// "size mtime hash documents key", stored as database metadata (stamps before the key have four fields).
    std::string encode() const;
    /// Parses encode()'s output; nullopt for anything else.
    static std::optional<FileStamp> decode(const std::string& text);
};

/// Size and modification time of `file` (content_hash and documents left 0).
FileStamp stat_file(const std::filesystem::path& file);

/// A 64-bit digest of the file's bytes; throws std::runtime_error when it cannot be read.
std::uint64_t hash_file(const std::filesystem::path& file);

}  // namespace duet
