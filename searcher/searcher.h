// Opens an index read-only, checks it speaks our analyzer's language, and answers queries with ranked hits.
#pragma once

#include "analyzer.h"
#include "query_builder.h"
#include "search_result.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace duet::search {

/// The database cannot be searched: missing, not a Duet index, or built by another analyzer.
class IndexUnusable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What to search for and which page to return.
struct SearchRequest {
    std::string query;
    std::size_t offset = 0;
    std::size_t limit = 10;
    bool snippets = true;
};

/// A ranked id, for evaluation runs.
struct RankedId {
    std::string id;
    double score;
};

/// Searches one database. Not thread-safe (Xapian handles and the analyzer keep state): one per thread.
class Searcher {
public:
    /// Opens `db`; throws IndexUnusable with what to do when it is missing or was built by another analyzer.
    Searcher(const std::filesystem::path& db, const analysis::Analyzer& analyzer, Ranking ranking = {});

    /// One page of hits with snippets.
    SearchResult search(const SearchRequest& request);

    /// The ids of the best `k` records for `query`, without snippets.
    std::vector<RankedId> rank(std::string_view query, std::size_t k);

private:
    Xapian::Enquire make_enquire(const Xapian::Query& query);
    Hit make_hit(const Xapian::MSetIterator& m, const BuiltQuery& built, bool snippets);

    Xapian::Database db_;
    analysis::Analyzer analyzer_;
    QueryBuilder builder_;
    Ranking ranking_;
};

/// Throws IndexUnusable unless `db` was written with this schema version and an analyzer of `fingerprint`.
void check_index(const Xapian::Database& db, const std::string& path, const std::string& fingerprint);

}  // namespace duet::search
