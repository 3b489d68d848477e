// Opens an index read-only, checks it speaks our analyzer's language, and answers queries with ranked hits.
#pragma once

#include "analyzer.h"
#include "query_builder.h"
#include "search_result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
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

/// Where a ranked pass reads the lengths of the records it scores.
enum class Lengths {
    InMemory,   ///< a table read once per revision (DocumentLengths): for a server or a batch of queries
    FromIndex,  ///< Xapian reads each from the index: for one query, which would not earn the table back
};

/// Orders of the result list.
enum class SortBy { Relevance, Date, Citations, ImpactFactor };

/// Structured filters (from facet clicks and API parameters); empty members do not filter.
struct Filters {
    std::optional<int> year_from;
    std::optional<int> year_to;
    std::string journal;   ///< exact journal name, any case
    std::string jcr;       ///< Q1..Q4
    std::string lang;      ///< zh or en
    std::string category;  ///< RegionCategory, exact
};

/// What to search for and which page to return.
struct SearchRequest {
    std::string query;
    std::size_t offset = 0;
    std::size_t limit = 10;
    bool snippets = true;
    bool facets = false;
    SortBy sort = SortBy::Relevance;
    Filters filters;
};

/// A ranked id, for evaluation runs.
struct RankedId {
    std::string id;
    double score;
};

/// Searches one database. Not thread-safe (Xapian handles and the analyzer keep state): one per thread.
/// A search that counts facets runs the count on a short-lived second thread of its own.
class Searcher {
public:
    /// Opens `db`; throws IndexUnusable with what to do when it is missing or was built by another analyzer.
    /// `cross` (may be null, must outlive the searcher) adds cross-language terms to free-text queries.
    Searcher(const std::filesystem::path& db, const analysis::Analyzer& analyzer, Ranking ranking = {},
             const CrossLanguage* cross = nullptr, Lengths lengths = Lengths::InMemory);

    // The query builder holds a pointer to db_, so a copied or moved searcher would search its source's handle.
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// One page of hits with snippets.
    SearchResult search(const SearchRequest& request);

    /// The ids of the best `k` records for `query`, without snippets.
    std::vector<RankedId> rank(std::string_view query, std::size_t k);

    /// The Xapian query `query` becomes, as text (for --explain and tests), and what the best records also score.
    std::string explain(std::string_view query) {
        const BuiltQuery built = builder_.build(query);
        const std::string rerank = built.rerank.empty() ? "" : "; best records also: " + built.rerank.get_description();
        return built.query.get_description() + rerank;
    }

    /// Records like the one with this id (its most telling words, searched together, and with a term list
    /// the translations of its title and keywords), itself excluded: `limit` of them from `offset`, with
    /// snippets. Returns nullopt when there is no such record.
    std::optional<SearchResult> like(const std::string& id, std::size_t limit, std::size_t offset = 0);

    /// The stored record with this id, if any.
    std::optional<records::Record> find(const std::string& id);

    /// Moves to the latest committed revision, or to a new generation when a rebuild was switched in;
    /// cheap when nothing changed. Returns true if it moved. Throws IndexUnusable if the new one is unusable.
    bool reopen();

    /// Number of documents being searched.
    std::uint64_t document_count() const { return db_.get_doccount(); }
    /// The revision being searched (0 when sharded: Xapian has no revision for a set of shards).
    std::uint64_t revision() const;
    /// The number of shard databases searched together (1 unless the index is sharded).
    std::size_t shard_count() const { return shards_; }

    /// The open database (for suggestions and statistics; do not keep references across reopen()).
    const Xapian::Database& database() const { return db_; }

    /// How many times a read starts over when writers' commits overtake it, before its error escapes.
    static constexpr int kModifiedRetries = 3;

    /// Returns `read(database())`. A writer's commit can overtake a long read: the read then starts over
    /// on the newest revision, up to kModifiedRetries times in all (commits come in bursts during an index
    /// run). search(), rank(), like() and find() read this way already; other readers of database() should too.
    template <typename Read>
    auto read_current(const Read& read) {
        for (int attempt = 1;; ++attempt) {
            try {
                return read(std::as_const(db_));
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kModifiedRetries) throw;
                catch_up();
            }
        }
    }

private:
    /// The stub's content and both handles, opened from one generation.
    struct Generation {
        std::string stub;
        Xapian::Database ranked;
        Xapian::Database counting;
    };
    /// Opens both handles of `db`, again if a rebuild switched generations in between.
    static Generation open_generation(const std::filesystem::path& db);
    /// Takes over an opened generation (the public constructor opens it first).
    Searcher(const std::filesystem::path& db, Generation opened, const analysis::Analyzer& analyzer, Ranking ranking,
             const CrossLanguage* cross, Lengths lengths);
    /// Moves both handles to the newest revision; returns true if the ranked one moved.
    bool catch_up();
    /// Brings the two handles to the same revision when a commit came between their opens; true if one moved.
    bool align_revisions();
    /// Reads the record lengths of db_'s revision for the ranked pass (see DocumentLengths).
    void read_lengths();
    Xapian::Enquire make_enquire(const Xapian::Query& query);
    /// A ranked page: the first pass's result set (which its iterators point into), then the page in order,
    /// each hit with its score.
    struct Page {
        Xapian::MSet first;
        std::vector<std::pair<Xapian::MSetIterator, double>> hits;
    };
    /// The records at [offset, offset + count) of `query` by `sort`; `rerank` scores only the best
    /// `rerank_depth` records.
    Page ranked_page(const Xapian::Query& query, const Xapian::Query& rerank, std::size_t rerank_depth, SortBy sort,
                     Xapian::doccount offset, Xapian::doccount count);
    SearchResult search_once(const SearchRequest& request);
    std::optional<SearchResult> like_once(const std::string& id, std::size_t limit, std::size_t offset);
    std::optional<Xapian::docid> docid_of(const std::string& id);
    Hit make_hit(const Xapian::MSetIterator& m, std::size_t rank, double score, const BuiltQuery& built, bool snippets);

    std::filesystem::path path_;
    std::string stub_;  // the stub file's content when `path_` is one: a change means a new generation
    std::size_t shards_ = 1;
    Xapian::Database db_;
    Xapian::Database count_db_;  // the same index, for the facet count that runs beside the ranked pass
    analysis::Analyzer analyzer_;
    QueryBuilder builder_;
    Ranking ranking_;
    Lengths lengths_mode_;
};

/// Throws IndexUnusable unless `db` was written with this schema version and an analyzer of `fingerprint`.
void check_index(const Xapian::Database& db, const std::string& path, const std::string& fingerprint);

}  // namespace duet::search
