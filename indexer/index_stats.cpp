#include "index_stats.h"

#include "index_location.h"
#include "schema.h"
#include "source_files.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <xapian.h>

namespace duet {

namespace fs = std::filesystem;

namespace {

std::uint64_t disk_usage(const fs::path& dir) {
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    }
    return bytes;
}

}  // namespace

IndexStats read_index_stats(const fs::path& path) {
    const IndexLocation location(path);
    if (location.layout() == IndexLocation::Layout::Missing) {
        throw std::runtime_error("no index at " + path.string() + ": build one with `duet-index --db " +
                                 path.string() + " SOURCE...`");
    }
    const Xapian::Database db(path.string());
    IndexStats s;
    s.path = path.string();
    s.live = location.layout() == IndexLocation::Layout::Stub ? location.live_generation().string() : path.string();
    s.shards = std::max<std::size_t>(1, location.live_shards().size());
    s.documents = db.get_doccount();
    // Xapian keeps a revision per shard; the first shard's stands for the index.
    s.revision = Xapian::Database(location.layout() == IndexLocation::Layout::Stub ? location.live_shards().front().string()
                                                                                   : path.string())
                     .get_revision();
    s.average_length = db.get_avlength();
    s.bytes = disk_usage(s.live);
    s.format = db.get_metadata(std::string(schema::kMetaFormat));
    s.analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
    s.last_run = db.get_metadata(std::string(schema::kMetaLastRun));
    std::map<std::string, SourceCount> by_directory;
    const std::string prefix(schema::kMetaFilePrefix);
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
        const auto stamp = FileStamp::decode(db.get_metadata(*k));
        if (!stamp) continue;
        const std::string file_key = stamp->file_key.empty() ? (*k).substr(prefix.size()) : stamp->file_key;
        const std::string directory = fs::path(file_key).parent_path().string();
        SourceCount& count = by_directory[directory];
        count.directory = directory;
        ++count.files;
        count.documents += stamp->documents;
    }
    for (auto& [directory, count] : by_directory) s.sources.push_back(count);
    return s;
}

std::string index_stats_text(const IndexStats& s) {
    std::string out = fmt::format(
        "index      {}\nlive       {} ({} shard{})\ndocuments  {}\nrevision   {}\navg length {:.1f} terms\non disk    {:.1f} MB\n"
        "format     {}\nanalyzer   {}\nlast run   {}\n",
        s.path, s.live, s.shards, s.shards == 1 ? "" : "s", s.documents, s.revision, s.average_length, static_cast<double>(s.bytes) / 1e6, s.format,
        s.analyzer, s.last_run.empty() ? "(none recorded)" : s.last_run);
    for (const SourceCount& c : s.sources) {
        out += fmt::format("source     {}: {} files, {} documents\n", c.directory, c.files, c.documents);
    }
    return out;
}

}  // namespace duet
