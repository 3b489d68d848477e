#include "searcher.h"

#include "schema.h"
#include "snippets.h"
#include "stored_record.h"

#include <chrono>

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
    }
}

std::string id_of(Xapian::Database& db, Xapian::docid did) {
    const std::string prefix(schema::kIdPrefix);
    auto t = db.termlist_begin(did);
    t.skip_to(prefix);
    if (t != db.termlist_end(did) && (*t).compare(0, prefix.size(), prefix) == 0) return (*t).substr(prefix.size());
    return std::to_string(did);
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

Searcher::Searcher(const std::filesystem::path& db, const analysis::Analyzer& analyzer, Ranking ranking)
    : db_(open_database(db)), analyzer_(analyzer), builder_(analyzer_, ranking), ranking_(ranking) {
    check_index(db_, db.string(), analyzer_.fingerprint());
}

Xapian::Enquire Searcher::make_enquire(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking_.bm25_k1, 0, 1, ranking_.bm25_b, 0.5));
    enquire.set_query(query);
    return enquire;
}

Hit Searcher::make_hit(const Xapian::MSetIterator& m, const BuiltQuery& built, bool snippets) {
    Hit hit;
    hit.rank = m.get_rank() + 1;
    hit.score = m.get_weight();
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
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    result.query = request.query;
    result.offset = request.offset;
    result.limit = request.limit;
    const BuiltQuery built = builder_.build(request.query);
    if (!built.query.empty()) {
        Xapian::Enquire enquire = make_enquire(built.query);
        const auto page = static_cast<Xapian::doccount>(request.limit);
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset), page,
                                                   static_cast<Xapian::doccount>(request.offset + page + 1));
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        for (auto m = mset.begin(); m != mset.end(); ++m) result.hits.push_back(make_hit(m, built, request.snippets));
    }
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

std::vector<RankedId> Searcher::rank(std::string_view query, std::size_t k) {
    std::vector<RankedId> out;
    const BuiltQuery built = builder_.build(query);
    if (built.query.empty()) return out;
    Xapian::Enquire enquire = make_enquire(built.query);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
    for (auto m = mset.begin(); m != mset.end(); ++m) out.push_back({id_of(db_, *m), m.get_weight()});
    return out;
}

}  // namespace duet::search
