#include "searcher.h"

#include "ineb2_term.h"
#include "schema.h"
#include "snippets.h"
#include "spaced_words.h"
#include "spelling.h"
#include "stored_record.h"
#include "weighted_sum.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <optional>

namespace duet::search {

namespace {

Xapian::Database open_database(const std::filesystem::path& path) {
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw IndexUnusable("no index at " + path.string() + ": build one with `duet-index --db " + path.string() +
                            " SOURCE...`");
    } catch (const Xapian::DatabaseError& e) {
        throw IndexUnusable("cannot open index " + path.string() + ": " + e.get_msg());
    } catch (const Xapian::NetworkError& e) {
        throw IndexUnusable("cannot reach a remote shard of " + path.string() + ": " + e.get_msg() + " " +
                            e.get_context() + " (is its xapian-tcpsrv running?)");
    }
}

// The content of a stub file (a few bytes), or "" when `path` is a database directory.
std::string read_stub(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return {};
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The lines of a stub that name a database: the non-empty, non-comment ones.
std::vector<std::string_view> database_lines(std::string_view stub) {
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < stub.size()) {
        const std::size_t eol = std::min(stub.find('\n', at), stub.size());
        if (eol > at && stub[at] != '#') out.push_back(stub.substr(at, eol - at));
        at = eol + 1;
    }
    return out;
}

// Shard databases a stub names: one per line that names a database.
std::size_t count_shards(const std::string& stub) { return std::max<std::size_t>(1, database_lines(stub).size()); }

// Whether a stub names a database served by xapian-tcpsrv, which runs Xapian's own weights only.
bool names_remote(const std::string& stub) {
    const auto lines = database_lines(stub);
    return std::any_of(lines.begin(), lines.end(), [](std::string_view line) {
        return line.starts_with("remote ") || line.starts_with("remote\t");
    });
}

// The id as given (its term may be cut, schema::bounded_term); the docid for a document without one.
std::string id_of(const Xapian::Document& doc) {
    std::string id = doc.get_value(schema::slot(schema::Slot::Id));
    return id.empty() ? std::to_string(doc.get_docid()) : id;
}

// Opens of a generation before giving up on a stub that keeps changing: rebuilds are minutes apart, and a
// stale stub only means the next reopen() catches up.
constexpr int kOpenTries = 3;

// Terms of a record that make up a "more like this" query.
constexpr Xapian::termcount kLikeTerms = 30;

// Facet counts are exact up to this many matches and scaled up from a sample beyond.
constexpr Xapian::doccount kFacetSample = 1000;

Xapian::Query filter_query(const Filters& f) {
    std::vector<Xapian::Query> parts;
    if (f.year_from || f.year_to) {
        const auto slot = schema::slot(schema::Slot::Year);
        const std::string lo = Xapian::sortable_serialise(f.year_from.value_or(0));
        const std::string hi = Xapian::sortable_serialise(f.year_to.value_or(9999));
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
    }
    if (!f.journal.empty()) parts.emplace_back(schema::filter_term(schema::kJournalPrefix, f.journal));
    if (!f.jcr.empty()) parts.emplace_back(schema::filter_term(schema::kJcrPrefix, f.jcr));
    if (!f.lang.empty()) parts.emplace_back(schema::filter_term(schema::kLangPrefix, f.lang));
    if (!f.category.empty()) parts.emplace_back(schema::filter_term(schema::kCategoryPrefix, f.category));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

void apply_sort(Xapian::Enquire& enquire, SortBy sort) {
    // Ties (and records without the value) fall back to relevance.
    switch (sort) {
        case SortBy::Relevance:
            // Equal scores are ordered by id, not by docid, so a sharded index ranks exactly as a single one.
            enquire.set_sort_by_relevance_then_value(schema::slot(schema::Slot::Id), false);
            return;
        case SortBy::Date: enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true); return;
        case SortBy::Citations:
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Citations), true);
            return;
        case SortBy::ImpactFactor:
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::ImpactFactor), true);
            return;
    }
}

// Counts the facets a result page shows with one of Xapian's own ValueCountMatchSpy (which remote shards,
// xapian-tcpsrv, know how to run) on the value that holds all of a record's facets: one value read per match.
// It lives as long as the Enquire that runs it.
class FacetSpy {
public:
    explicit FacetSpy(Xapian::Enquire& enquire) { enquire.add_matchspy(&counter_); }

    /// The counts; when the spy saw a sample of the `matches`, each count is scaled up to an estimate.
    std::vector<Facet> collect(Xapian::doccount matches, bool matches_exact) const {
        const Xapian::doccount seen = counter_.get_total();
        const bool exact = matches_exact && seen >= matches;
        const double scale = exact || seen == 0 ? 1.0 : static_cast<double>(matches) / seen;
        const auto scaled = [&](Xapian::doccount n) { return static_cast<std::uint64_t>(std::lround(n * scale)); };
        std::array<std::map<std::string, Xapian::doccount>, kFacets.size()> tallies;
        for (auto v = counter_.values_begin(); v != counter_.values_end(); ++v) {
            const std::optional<schema::FacetFields> fields = schema::parse_facet_value(*v);
            if (!fields) continue;
            const Xapian::doccount n = v.get_termfreq();
            for (std::size_t i = 0; i < kFacets.size(); ++i) {
                const std::string& value = (*fields).*(kFacets[i].field);
                if (kFacets[i].kind == Kind::Words) {
                    // "en zh" counts for each language: a record in both is found by either filter.
                    for (const std::string_view word : spaced_words(value)) tallies[i][std::string(word)] += n;
                } else if (!value.empty()) {
                    tallies[i][value] += n;
                }
            }
        }
        std::vector<Facet> out;
        for (std::size_t i = 0; i < kFacets.size(); ++i) {
            Facet facet{kFacets[i].name, {}, exact};
            for (const auto& [value, count] : tallies[i]) facet.values.push_back({value, scaled(count)});
            // The most frequent first, ties by value: the order of Xapian's top_values_begin().
            std::stable_sort(facet.values.begin(), facet.values.end(),
                             [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
            if (kFacets[i].kind != Kind::Words && facet.values.size() > kFacetValues) {
                facet.values.resize(kFacetValues);
            }
            if (kFacets[i].kind == Kind::Numeric) {
                std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
                    return std::pair(a.value.size(), a.value) > std::pair(b.value.size(), b.value);
                });
            }
            out.push_back(std::move(facet));
        }
        return out;
    }

private:
    static constexpr std::size_t kFacetValues = 20;
    enum class Kind { Text, Numeric, Words };
    struct Spec {
        const char* name;
        Kind kind;
        std::string schema::FacetFields::*field;
    };
    static constexpr std::array<Spec, 5> kFacets{{{"year", Kind::Numeric, &schema::FacetFields::year},
                                                  {"journal", Kind::Text, &schema::FacetFields::journal},
                                                  {"jcr", Kind::Text, &schema::FacetFields::jcr},
                                                  {"category", Kind::Text, &schema::FacetFields::category},
                                                  {"lang", Kind::Words, &schema::FacetFields::languages}}};
    Xapian::ValueCountMatchSpy counter_{schema::slot(schema::Slot::Facets)};
};

/// Facets of all matches, and how many there are, counted on at least kFacetSample of them.
struct Counted {
    std::vector<Facet> facets;
    Xapian::doccount total = 0;
    bool exact = true;
};

// A pass of its own, unranked, that may stop after kFacetSample matches. Spies on the ranked pass would make it
// score every one of its first matches before skipping any (at 1M records that tripled short queries), and
// they see every candidate after that too.
Counted count_matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetSpy spy(enquire);
    const Xapian::MSet counted = enquire.get_mset(0, 0, kFacetSample);
    Counted out;
    out.total = counted.get_matches_estimated();
    out.exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    out.facets = spy.collect(out.total, out.exact);
    return out;
}

}  // namespace

void check_index(const Xapian::Database& db, const std::string& path, const std::string& fingerprint) {
    const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
    const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
    if (format.empty() && db.get_doccount() == 0) return;  // created but never written: nothing to disagree about
    if (format != std::to_string(schema::kFormatVersion)) {
        throw IndexUnusable("index " + path + " has format " + (format.empty() ? "none" : format) + ", expected " +
                            std::to_string(schema::kFormatVersion) + ": re-index with `duet-index --rebuild --db " +
                            path + " SOURCE...`");
    }
    if (analyzer != fingerprint) {
        throw IndexUnusable("index " + path + " was built by another analyzer (" + analyzer + ", this one is " +
                            fingerprint + "): re-index with `duet-index --rebuild --db " + path + " SOURCE...`");
    }
}

Searcher::Searcher(const std::filesystem::path& db, const analysis::Analyzer& analyzer, Ranking ranking,
                   const CrossLanguage* cross, Lengths lengths)
    : Searcher(db, open_generation(db), analyzer, ranking, cross, lengths) {}

Searcher::Searcher(const std::filesystem::path& db, Generation opened, const analysis::Analyzer& analyzer,
                   Ranking ranking, const CrossLanguage* cross, Lengths lengths)
    : path_(db),
      stub_(std::move(opened.stub)),
      shards_(count_shards(stub_)),
      db_(std::move(opened.ranked)),
      count_db_(std::move(opened.counting)),
      analyzer_(analyzer),
      builder_(analyzer_, ranking, cross, &db_),
      ranking_(ranking),
      lengths_mode_(lengths) {
    check_index(db_, db.string(), analyzer_.fingerprint());
    align_revisions();
    read_lengths();
}

// Revisions cannot tell two generations apart, so the stub is read before and after the two opens: if a
// rebuild was switched in between, the counts would describe another index than the hits.
Searcher::Generation Searcher::open_generation(const std::filesystem::path& db) {
    for (int attempt = 1;; ++attempt) {
        std::string stub = read_stub(db);
        Generation opened{stub, open_database(db), open_database(db)};
        if (read_stub(db) == stub || attempt == kOpenTries) return opened;
    }
}

Xapian::Enquire Searcher::make_enquire(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    if (ranking_.weighting == Weighting::bm25) {
        enquire.set_weighting_scheme(Xapian::BM25Weight(ranking_.bm25_k1, 0, 1, ranking_.bm25_b, 0.5));
    } else {
        enquire.set_weighting_scheme(Xapian::IneB2Weight(ranking_.ineb2_c));
    }
    enquire.set_query(query);
    return enquire;
}

// Two passes when there is something to rerank: a position check on every match of two common words cost short
// English queries three times their time at 1M records, and only the best records' order needs it. The first
// pass ranks by the query alone; the second scores `rerank` alone on its best records, picked by their id terms
// (which remote shards know too), and each adds that to its first score. A pair's weight depends only on its
// terms and the record, so the sum is what one pass of both would give. Records past the depth keep their order.
Searcher::Page Searcher::ranked_page(const Xapian::Query& query, const Xapian::Query& rerank, std::size_t rerank_depth,
                                     SortBy sort, Xapian::doccount offset, Xapian::doccount count) {
    Page page;
    Xapian::Enquire enquire = make_enquire(query);
    apply_sort(enquire, sort);
    const auto depth = static_cast<Xapian::doccount>(rerank_depth);
    if (rerank.empty() || sort != SortBy::Relevance || depth == 0) {
        page.first = enquire.get_mset(offset, count, offset + count + 1);
        for (auto m = page.first.begin(); m != page.first.end(); ++m) page.hits.emplace_back(m, m.get_weight());
        return page;
    }
    page.first = enquire.get_mset(0, std::max(depth, offset + count), offset + count + 1);
    std::vector<Xapian::Query> best;
    for (auto m = page.first.begin(); m != page.first.end() && m.get_rank() < depth; ++m) {
        // The sort key is the Id slot (apply_sort breaks ties by id), so no document is read for it.
        if (const std::string id = m.get_sort_key(); !id.empty()) best.emplace_back(schema::id_term(id));
    }
    const Xapian::Query best_only(Xapian::Query::OP_OR, best.begin(), best.end());
    const Xapian::MSet bonus =
        make_enquire(Xapian::Query(Xapian::Query::OP_FILTER, rerank, best_only)).get_mset(0, depth);
    std::map<Xapian::docid, double> added;
    for (auto m = bonus.begin(); m != bonus.end(); ++m) added[*m] = m.get_weight();
    std::vector<std::pair<Xapian::MSetIterator, double>> order;
    for (auto m = page.first.begin(); m != page.first.end(); ++m) {
        const auto found = added.find(*m);
        order.emplace_back(m, m.get_weight() + (found == added.end() ? 0.0 : found->second));
    }
    // Equal scores keep the first pass's order, which broke its ties by id as apply_sort asks.
    std::stable_sort(order.begin(), order.begin() + std::min<std::size_t>(depth, order.size()),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = offset; i < order.size() && i < std::size_t{offset} + count; ++i) {
        page.hits.push_back(order[i]);
    }
    return page;
}

Hit Searcher::make_hit(const Xapian::MSetIterator& m, std::size_t rank, double score, const BuiltQuery& built,
                       bool snippets) {
    Hit hit;
    hit.rank = rank;
    hit.shard = (*m - 1) % shards_;  // Xapian interleaves the docids of shards
    hit.score = score;
    hit.record = decode_stored_record(m.get_document().get_data());
    if (!snippets) return hit;
    const records::Record& r = hit.record;
    hit.title_html = highlight_html(r.title, built.highlight, analyzer_);
    if (!r.title_zh.empty()) hit.title_zh_html = highlight_html(r.title_zh, built.highlight, analyzer_);
    const SnippetOptions options;
    for (const std::string* text : {&r.abstract, &r.abstract_zh, &r.body}) {
        if (hit.snippets.size() >= options.max_fragments || text->empty()) continue;
        SnippetOptions rest = options;
        rest.max_fragments = options.max_fragments - hit.snippets.size();
        for (auto& f : snippet_fragments(*text, built.highlight, analyzer_, rest)) hit.snippets.push_back(std::move(f));
    }
    if (hit.snippets.empty()) {
        for (const std::string* text : {&r.abstract, &r.abstract_zh, &r.body}) {
            if (!text->empty()) {
                hit.snippets.push_back(lead_fragment(*text, options));
                break;
            }
        }
    }
    return hit;
}

SearchResult Searcher::search(const SearchRequest& request) {
    try {
        return read_current([&](const Xapian::Database&) { return search_once(request); });
    } catch (const Xapian::NetworkError& e) {
        throw IndexUnusable("a remote shard of " + path_.string() + " did not answer: " + e.get_msg() + " " +
                            e.get_context() + " (is its xapian-tcpsrv running?)");
    }
}

SearchResult Searcher::search_once(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    result.query = request.query;
    result.offset = request.offset;
    result.limit = request.limit;
    const BuiltQuery built = builder_.build(request.query);
    result.expansions = built.expansions;
    result.suggestion = did_you_mean(db_, analyzer_, request.query);
    Xapian::Query query = built.query;
    Xapian::Query ranked = built.ranked;
    const Xapian::Query filter = filter_query(request.filters);
    if (!filter.empty()) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query.empty() ? Xapian::Query::MatchAll : query, filter);
        ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked.empty() ? Xapian::Query::MatchAll : ranked, filter);
    }
    if (!query.empty()) {
        // Facets are counted on another core while the ranked pass runs, through a handle of its own (Xapian
        // handles are not thread-safe) and a copy of the query (a Query's reference counts are not atomic).
        std::future<Counted> counting;
        if (request.facets) {
            counting = std::async(std::launch::async, [this, copy = Xapian::Query::unserialise(query.serialise())] {
                return count_matches(count_db_, copy);
            });
        }
        const Page page = ranked_page(ranked, built.rerank, built.rerank_depth, request.sort,
                                      static_cast<Xapian::doccount>(request.offset),
                                      static_cast<Xapian::doccount>(request.limit));
        result.total = page.first.get_matches_estimated();
        result.total_exact = page.first.get_matches_lower_bound() == page.first.get_matches_upper_bound();
        if (counting.valid()) {
            // Its count saw more matches than the ranked pass, so its total is the better estimate.
            Counted counted = counting.get();
            result.facets = std::move(counted.facets);
            result.total = counted.total;
            result.total_exact = counted.exact;
        }
        for (const auto& [m, score] : page.hits) {
            result.hits.push_back(make_hit(m, request.offset + result.hits.size() + 1, score, built, request.snippets));
        }
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::optional<Xapian::docid> Searcher::docid_of(const std::string& id) {
    const std::string term = schema::id_term(id);
    const auto p = db_.postlist_begin(term);
    if (p == db_.postlist_end(term)) return std::nullopt;
    return *p;
}

std::optional<records::Record> Searcher::find(const std::string& id) {
    return read_current([&](const Xapian::Database&) -> std::optional<records::Record> {
        const auto did = docid_of(id);
        if (!did) return std::nullopt;
        return decode_stored_record(db_.get_document(*did).get_data());
    });
}

std::optional<SearchResult> Searcher::like(const std::string& id, std::size_t limit, std::size_t offset) {
    return read_current([&](const Xapian::Database&) { return like_once(id, limit, offset); });
}

std::optional<SearchResult> Searcher::like_once(const std::string& id, std::size_t limit, std::size_t offset) {
    const auto start = std::chrono::steady_clock::now();
    const auto did = docid_of(id);
    if (!did) return std::nullopt;
    // Words and Chinese words only: field copies, bigrams and filter terms would say the same thing again.
    // A word no other record holds is the most telling of all by its weight, and finds nothing.
    class SharedWords : public Xapian::ExpandDecider {
    public:
        explicit SharedWords(const Xapian::Database& db) : db_(db) {}
        bool operator()(const std::string& term) const override {
            const unsigned char c = static_cast<unsigned char>(term[0]);
            return !(c >= 'A' && c <= 'Z') && term.size() > 2 && db_.get_termfreq(term) > 1;
        }

    private:
        const Xapian::Database& db_;
    };
    Xapian::RSet rset;
    rset.add_document(*did);
    Xapian::Enquire enquire = make_enquire(Xapian::Query::MatchNothing);
    const SharedWords shared_words(db_);
    const Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &shared_words);
    BuiltQuery built;
    WeightedSum terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) {
        terms.add(Xapian::Query(*t));
        built.highlight.words.insert(*t);
    }
    // The titles' and keywords' translations reach records in the other language, which share none of
    // these words; the term list weighs them as it does a query's.
    const records::Record record = decode_stored_record(db_.get_document(*did).get_data());
    std::string telling = record.title + "\n" + record.title_zh;
    for (const std::string& keyword : record.keywords) telling += "\n" + keyword;
    terms.add(builder_.translations(telling, built));
    built.query = Xapian::Query(Xapian::Query::OP_AND_NOT, terms.query(), Xapian::Query(schema::id_term(id)));
    SearchResult result;
    result.query = "like:" + id;
    result.expansions = built.expansions;
    result.offset = offset;
    result.limit = limit;
    enquire.set_query(built.query);
    const Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit));
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        result.hits.push_back(make_hit(m, m.get_rank() + 1, m.get_weight(), built, true));
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

namespace {

// A local single database's revision; none for shards or a remote database (xapian-tcpsrv does not say).
std::optional<std::uint64_t> revision_of(const Xapian::Database& db, std::size_t shards) {
    if (shards != 1) return std::nullopt;
    try {
        return db.get_revision();
    } catch (const Xapian::UnimplementedError&) {
        return std::nullopt;
    }
}

}  // namespace

std::uint64_t Searcher::revision() const { return revision_of(db_, shards_).value_or(0); }

bool Searcher::reopen() {
    if (read_stub(path_) != stub_) {
        Generation next = open_generation(path_);
        check_index(next.ranked, path_.string(), analyzer_.fingerprint());
        db_ = std::move(next.ranked);
        count_db_ = std::move(next.counting);
        stub_ = std::move(next.stub);
        shards_ = count_shards(stub_);
        align_revisions();
        read_lengths();
        return true;
    }
    return catch_up();
}

bool Searcher::catch_up() {
    const bool moved = db_.reopen();
    count_db_.reopen();
    if (align_revisions() || moved) read_lengths();
    return moved;
}

// A commit between the two handles' opens leaves the counting one a revision ahead; counts and hits should
// describe one revision. Sharded and remote databases have no revision to compare, so they are left as opened.
bool Searcher::align_revisions() {
    bool moved = false;
    for (int attempt = 0; attempt < kModifiedRetries; ++attempt) {
        const auto ranked = revision_of(db_, shards_);
        if (!ranked || ranked == revision_of(count_db_, shards_)) return moved;
        moved = db_.reopen() || moved;
        count_db_.reopen();
    }
    return moved;
}

// Ranked passes score their plain terms from a table of record lengths read now, for the revision db_ is at.
// Without one (remote shards, BM25, or a commit overtook the read) they score through Xapian's own weights: the
// same scores, read from the index. A commit that overtook the read moved the index on, so the next reopen()
// tries again.
void Searcher::read_lengths() {
    builder_.set_term_leaf(nullptr);
    if (lengths_mode_ == Lengths::FromIndex || ranking_.weighting != Weighting::ineb2 || names_remote(stub_)) return;
    std::shared_ptr<const DocumentLengths> lengths;
    try {
        lengths = DocumentLengths::read(db_);
    } catch (const Xapian::DatabaseModifiedError&) {
        return;
    }
    // The builder's leaves hold the table; queries built before the next read keep theirs alive.
    if (lengths) builder_.set_term_leaf(IneB2Terms(db_, ranking_.ineb2_c, std::move(lengths)));
}

std::vector<RankedId> Searcher::rank(std::string_view query, std::size_t k) {
    // Batch runs may go on while duet-index commits, like the server's searches.
    return read_current([&](const Xapian::Database&) {
        std::vector<RankedId> out;
        const BuiltQuery built = builder_.build(query);
        if (built.query.empty()) return out;
        const Page page = ranked_page(built.ranked, built.rerank, built.rerank_depth, SortBy::Relevance, 0,
                                      static_cast<Xapian::doccount>(k));
        for (const auto& [m, score] : page.hits) out.push_back({id_of(m.get_document()), score});
        return out;
    });
}

}  // namespace duet::search
