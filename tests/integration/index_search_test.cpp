// Indexes the seed fixtures with duet-index's run and checks what ranks first, in both languages,
// and what incremental runs change.
#include "analysis_fixture.h"
#include "cross_language.h"
#include "index_run.h"
#include "schema.h"
#include "searcher.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <tuple>

namespace fs = std::filesystem;
using duet::testing::TempDir;

namespace {

const std::string kOaReview = "10.1080/03008207.2025.2536148";
const std::string kRaReview = "10.1186/s13287-025-04495-z";
const std::string kFullText = "003_418c28d5ef0388ce.txt";

class Collect : public duet::IndexReporter {
public:
    void problem(const std::string& message) override { problems.push_back(message); }
    void progress(const duet::IndexProgress&) override {}
    std::vector<std::string> problems;
};

duet::IndexSummary index(const fs::path& db, const fs::path& source, Collect& reporter, bool rebuild = false) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::IndexOptions options;
    options.db = db;
    options.sources = {source};
    options.rebuild = rebuild;
    return duet::run_index(options, analyzer, reporter);
}

fs::path copy_seeds(const TempDir& dir) {
    const fs::path seeds = dir / "seeds";
    fs::create_directories(seeds);
    for (const auto& e : fs::directory_iterator(fs::path(DUET_TEST_DATA) / "seeds")) {
        fs::copy_file(e.path(), seeds / e.path().filename());
    }
    return seeds;
}

// The tuned ranking with BM25 in place of IneB2 (`duet-search --weighting bm25`).
duet::search::Ranking bm25_ranking() {
    duet::search::Ranking ranking;
    ranking.weighting = duet::search::Weighting::bm25;
    return ranking;
}

std::string top(duet::search::Searcher& searcher, const std::string& query) {
    const auto ranked = searcher.rank(query, 3);
    return ranked.empty() ? "(none)" : ranked.front().id;
}

// The first page of a search for `query`, with facets.
duet::search::SearchResult search_with_facets(duet::search::Searcher& searcher, const std::string& query) {
    duet::search::SearchRequest request;
    request.query = query;
    request.facets = true;
    return searcher.search(request);
}

}  // namespace

TEST_CASE("Each seed ranks first for its own subject, in either language") {
    TempDir dir;
    Collect reporter;
    const auto summary = index(dir / "db", copy_seeds(dir), reporter);
    CHECK(summary.added == 3);
    CHECK(summary.failed == 0);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());

    CHECK(top(searcher, "intraarticular injection osteoarthritis") == kOaReview);
    CHECK(top(searcher, "间充质干细胞 类风湿关节炎") == kRaReview);
    CHECK(top(searcher, "PD-L1 exosomes psoriasis") == kFullText);
    CHECK(top(searcher, "rheumatoid arthritis") == kRaReview);
    CHECK(top(searcher, "類風濕性關節炎") == kRaReview);                  // Traditional
    CHECK(top(searcher, "ＯＳＴＥＯＡＲＴＨＲＩＴＩＳ knee") == kOaReview);  // full-width
    CHECK(top(searcher, "MSC 间充质干细胞 therapy rheumatoid") == kRaReview);  // mixed
    CHECK(top(searcher, "NCT01941394") == kFullText);
    CHECK(top(searcher, "doi:10.1080/03008207.2025.2536148") == kOaReview);
}

TEST_CASE("A phrase steps over stopwords, which the index keeps without positions") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    CHECK(top(searcher, "\"pathobiology of the entire\"") == kOaReview);
    CHECK(top(searcher, "\"entire of the pathobiology\"") == "(none)");
    // Stopwords are still indexed, so a query of nothing else finds them.
    CHECK(top(searcher, "\"of the\"") != "(none)");
}

TEST_CASE("A Chinese query finds English-only records through the bilingual term list, and back") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::analysis::Analyzer list_analyzer(duet::testing::standard_analyzer());
    const auto cross = duet::search::CrossLanguage::load(
        duet::search::CrossLanguage::standard_list(duet::analysis::default_data_dir()), list_analyzer);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer(), {}, &cross);
    CHECK(top(searcher, "银屑病 外泌体") == kFullText);
    // The English-only osteoarthritis review ranks first, with the translated word highlighted, above the
    // rheumatoid arthritis review, whose Chinese title shares only the characters 关节炎 with the query.
    duet::search::SearchRequest request;
    request.query = "骨关节炎";
    const auto result = searcher.search(request);
    CHECK(result.expansions == std::vector<std::string>{"osteoarthritis"});
    REQUIRE(!result.hits.empty());
    CHECK(result.hits.front().record.id == kOaReview);
    CHECK(result.hits.front().title_html.find("<mark>osteoarthritis</mark>") != std::string::npos);
    // Weighed by the English records alone, the translation lost to those shared characters.
    duet::search::Ranking uncalibrated;
    uncalibrated.calibrate_expansions = false;
    duet::search::Searcher plain(dir / "db", duet::testing::standard_analyzer(), uncalibrated, &cross);
    CHECK(top(plain, "骨关节炎") == kRaReview);
    // And back: an English query finds the record whose title is Chinese through its Chinese words too.
    request.query = "rheumatoid arthritis";
    CHECK(searcher.search(request).expansions ==
          std::vector<std::string>{"类风湿关节炎", "类风湿性关节炎", "风湿关节炎", "风湿性关节炎"});
}

TEST_CASE("The demo's sample records index without a failure and answer in both languages") {
    TempDir dir;
    Collect reporter;
    const auto summary = index(dir / "db", fs::path(DUET_SAMPLES), reporter);
    CHECK(summary.added == 953);
    CHECK(summary.failed == 0);
    CHECK(reporter.problems.empty());
    duet::analysis::Analyzer list_analyzer(duet::testing::standard_analyzer());
    const auto cross = duet::search::CrossLanguage::load(
        duet::search::CrossLanguage::standard_list(duet::analysis::default_data_dir()), list_analyzer);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer(), {}, &cross);
    // Breast cancer and tamoxifen: an English abstract on tamoxifen and a Chinese paper on breast cancer cells.
    const auto ranked = searcher.rank("乳腺癌 他莫昔芬", 3);
    const auto from = [&](const std::string& prefix) {
        return std::count_if(ranked.begin(), ranked.end(), [&](const auto& h) { return h.id.rfind(prefix, 0) == 0; });
    };
    CHECK(from("scifact-") >= 1);
    CHECK(from("csl-") >= 1);
    // The language filter finds the 500 English abstracts and the 453 Chinese papers, though most of the papers
    // name a unit, a method or a gene in Latin letters (before format 5, lang:en found 803 records).
    CHECK(searcher.rank("lang:en", 2000).size() == 500);
    CHECK(searcher.rank("lang:zh", 2000).size() == 453);
    // Each language's own records on heart failure come first, the other language's through the translation
    // after them: Chinese papers say 心力衰竭 again and again, and weighed by its rarity alone the translation made
    // six of them outrank the English abstract titled with heart failure.
    CHECK(top(searcher, "heart failure").rfind("scifact-", 0) == 0);
    CHECK(top(searcher, "心力衰竭").rfind("csl-", 0) == 0);
    const auto english = searcher.rank("heart failure", 10);
    CHECK(std::any_of(english.begin(), english.end(), [](const auto& h) { return h.id.rfind("csl-", 0) == 0; }));
}

TEST_CASE("A word in the title outweighs the same word in the abstract, in either language") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    // The same words in each pair, moved between title and text; ids put the abstract record first on a tie.
    std::ofstream(src / "t.jsonl") << R"({"_id":"z-title","title":"fibroblast migration","text":"wound healing assay"})" << "\n"
                                   << R"({"_id":"a-text","title":"wound healing assay","text":"fibroblast migration"})" << "\n"
                                   << R"({"_id":"z-title-zh","title":"糖尿病","text":"饮食调查"})" << "\n"
                                   << R"({"_id":"a-text-zh","title":"饮食调查","text":"糖尿病"})" << "\n";
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 4);
    // Both weighting schemes must honour it: IneB2 ranks by default, BM25 stays selectable.
    duet::search::Searcher ineb2_searcher(dir / "db", duet::testing::standard_analyzer());
    duet::search::Searcher bm25_searcher(dir / "db", duet::testing::standard_analyzer(), bm25_ranking());
    for (const auto& [query, first, second] : {std::tuple{"fibroblast", "z-title", "a-text"},
                                               std::tuple{"糖尿病", "z-title-zh", "a-text-zh"}}) {
        INFO(query);
        const auto by_ineb2 = ineb2_searcher.rank(query, 10);
        const auto by_bm25 = bm25_searcher.rank(query, 10);
        for (const auto* ranked : {&by_ineb2, &by_bm25}) {
            REQUIRE(ranked->size() == 2);
            CHECK((*ranked)[0].id == first);
            CHECK((*ranked)[1].id == second);
            CHECK((*ranked)[0].score > (*ranked)[1].score);
        }
        CHECK(by_ineb2[0].score != Approx(by_bm25[0].score));  // the scheme was applied, not ignored
    }
}

TEST_CASE("Typed words rank the record that has them side by side first, a longer text's by less") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    // The same words, as often and as long; only whether heart and failure stand together differs. The ids put the
    // record with them apart first on a tie.
    std::ofstream(src / "t.jsonl")
        << R"({"_id":"z-together","title":"outcomes","text":"heart failure after valve surgery in older adults"})" << "\n"
        << R"({"_id":"a-apart","title":"outcomes","text":"heart valve surgery in older adults failure after"})" << "\n";
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 2);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    for (const char* query : {"heart failure", "failure heart", "heart of failure"}) {
        INFO(query);
        const auto ranked = searcher.rank(query, 10);
        REQUIRE(ranked.size() == 2);
        CHECK(ranked[0].id == "z-together");
        CHECK(ranked[0].score > ranked[1].score);
    }
    // A longer text pairs its neighbours too (failure and surgery stand within reach in both records), at a lower
    // weight: the record with more of them side by side leads by less.
    const auto two = searcher.rank("heart failure", 10);
    const auto claim = searcher.rank("heart failure after surgery", 10);
    REQUIRE(claim.size() == 2);
    CHECK(claim[0].id == "z-together");
    CHECK(claim[0].score > claim[1].score);
    CHECK(claim[0].score - claim[1].score < two[0].score - two[1].score);
    // With the pairs turned off the records tie.
    duet::search::Ranking no_pairs;
    no_pairs.proximity = 0;
    no_pairs.long_proximity = 0;
    duet::search::Searcher plain(dir / "db", duet::testing::standard_analyzer(), no_pairs);
    const auto tied = plain.rank("heart failure", 10);
    REQUIRE(tied.size() == 2);
    CHECK(tied[0].score == Approx(tied[1].score));
    const auto tied_claim = plain.rank("heart failure after surgery", 10);
    REQUIRE(tied_claim.size() == 2);
    CHECK(tied_claim[0].score == Approx(tied_claim[1].score));
    // Pairs are scored on the best records of a first pass only; pages past them keep that pass's order.
    duet::search::Ranking shallow;
    shallow.rerank_depth = 1;
    duet::search::Searcher first_only(dir / "db", duet::testing::standard_analyzer(), shallow);
    const auto by_id = first_only.rank("heart failure", 10);
    REQUIRE(by_id.size() == 2);
    CHECK(by_id[0].id == "a-apart");
    duet::search::SearchRequest second;
    second.query = "heart failure";
    second.offset = 1;
    second.limit = 1;
    const auto page = searcher.search(second);
    REQUIRE(page.hits.size() == 1);
    CHECK(page.hits[0].record.id == "a-apart");
    CHECK(page.hits[0].rank == 2);
}

TEST_CASE("A singular finds records that hold only the irregular plural or a British spelling, and marks it") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    std::ofstream(src / "t.jsonl") << R"({"_id":"mice","title":"Knockout mice","text":"Nuclei were stained."})" << "\n"
                                   << R"({"_id":"rats","title":"Knockout rats","text":"Cells were stained."})" << "\n"
                                   << R"({"_id":"gb","title":"Tumour growth","text":"Tumours were counted."})" << "\n"
                                   << R"({"_id":"haem","title":"Haemorrhage after surgery","text":"x"})" << "\n"
                                   << R"({"_id":"hem","title":"Hemorrhagic stroke","text":"y"})" << "\n";
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 5);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    duet::search::SearchRequest request;
    request.query = "mouse nucleus";
    const auto result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].record.id == "mice");
    CHECK(result.hits[0].title_html.find("<mark>mice</mark>") != std::string::npos);
    REQUIRE(!result.hits[0].snippets.empty());
    CHECK(result.hits[0].snippets.front().find("<mark>Nuclei</mark>") != std::string::npos);
    // British spellings the same way: tumor finds and marks Tumour.
    request.query = "tumor";
    const auto british = searcher.search(request);
    REQUIRE(british.hits.size() == 1);
    CHECK(british.hits[0].record.id == "gb");
    CHECK(british.hits[0].title_html == "<mark>Tumour</mark> growth");
    // A prefix in either spelling reaches both: haemorrhage is indexed under hemorrhag.
    for (const std::string query : {"haemorrh*", "hemorrh*", "Haemorrhag*"}) {
        INFO(query);
        request.query = query;
        std::vector<std::string> ids;
        std::vector<std::string> titles;
        for (const auto& hit : searcher.search(request).hits) {
            ids.push_back(hit.record.id);
            titles.push_back(hit.title_html);
        }
        std::sort(ids.begin(), ids.end());
        std::sort(titles.begin(), titles.end());
        CHECK(ids == std::vector<std::string>{"haem", "hem"});
        CHECK(titles == std::vector<std::string>{"<mark>Haemorrhage</mark> after surgery",
                                                 "<mark>Hemorrhagic</mark> stroke"});
    }
}

TEST_CASE("A compound found only as separate words scores like any match, not infinity") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    // Rare parts in a larger collection: Xapian estimates the phrase's frequency at 0 records, and with the
    // joined term (phagosomelysosome) absent, IneB2 divided by that estimate.
    std::ofstream out(src / "t.jsonl");
    out << R"({"_id":"both","title":"phagosome/lysosome fusion","text":"maturation"})" << "\n"
        << R"({"_id":"phagosome","title":"the phagosome","text":"maturation"})" << "\n"
        << R"({"_id":"lysosome","title":"the lysosome","text":"storage"})" << "\n";
    for (int i = 0; i < 40; ++i) out << R"({"_id":"other)" << i << R"(","title":"cell biology","text":"membrane"})" << "\n";
    out.close();
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 43);
    duet::search::Searcher ineb2_searcher(dir / "db", duet::testing::standard_analyzer());
    duet::search::Searcher bm25_searcher(dir / "db", duet::testing::standard_analyzer(), bm25_ranking());
    for (auto* searcher : {&ineb2_searcher, &bm25_searcher}) {
        const auto ranked = searcher->rank("phagosome-lysosome fusion", 10);
        REQUIRE(ranked.size() == 1);
        CHECK(ranked[0].id == "both");
        CHECK(std::isfinite(ranked[0].score));
        CHECK(ranked[0].score > 0);
    }
}

TEST_CASE("Single Han characters of a longer query word raise scores but do not make a record match") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    std::ofstream(src / "zh.jsonl") << R"({"_id":"word","title":"干细胞","text":"研究方法调查"})" << "\n"
                                    << R"({"_id":"word-and-chars","title":"干细胞","text":"研究细胞干预"})" << "\n"
                                    << R"({"_id":"chars-only","title":"细节","text":"干预"})" << "\n";
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 3);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    std::vector<std::string> ids;
    for (const auto& r : searcher.rank("干细胞", 10)) ids.push_back(r.id);
    CHECK(ids == std::vector<std::string>{"word-and-chars", "word"});
    // A one-character query is all characters, so it matches whatever holds it.
    ids.clear();
    for (const auto& r : searcher.rank("细", 10)) ids.push_back(r.id);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"chars-only", "word", "word-and-chars"});
}

TEST_CASE("The journal blurb and the reference list do not make a record match") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    // "Biomechanics" appears only in Connective Tissue Research's blurb.
    CHECK(searcher.rank("biomechanics", 10).empty());
    // "Chailakhyan" appears only in seed 003's reference list.
    CHECK(searcher.rank("Chailakhyan", 10).empty());
}

TEST_CASE("Search results carry metadata and highlighted snippets") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    duet::search::SearchRequest request;
    request.query = "间充质干细胞 rheumatoid";
    const auto result = searcher.search(request);
    REQUIRE(!result.hits.empty());
    const auto& hit = result.hits.front();
    CHECK(hit.record.id == kRaReview);
    CHECK(hit.rank == 1);
    CHECK(hit.record.title_zh.find("间充质干细胞") != std::string::npos);
    CHECK(hit.title_zh_html.find("<mark>间充质干细胞</mark>") != std::string::npos);
    CHECK(hit.record.journal == "Stem Cell Research & Therapy");
    CHECK(hit.record.year == 2025);
    REQUIRE(!hit.snippets.empty());
    CHECK(hit.snippets.front().find("<mark>Rheumatoid</mark>") != std::string::npos);
}

TEST_CASE("Queries never fail, whatever they hold") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    for (const std::string q : {"\"unbalanced quote", "AND", "OR OR NOT", "-", "+", "()", "🙂🙂", "title:", "year:abc",
                                "doi:", "\xFF\xFE", "NOT", "\"\"", "((( osteoarthritis", "-osteoarthritis"}) {
        duet::search::SearchRequest request;
        request.query = q;
        CHECK_NOTHROW(searcher.search(request));
    }
    duet::search::SearchRequest big;
    for (int i = 0; i < 800; ++i) big.query += "osteoarthritis 间充质 ";
    CHECK(big.query.size() > 10000);
    const auto result = searcher.search(big);
    CHECK(!result.hits.empty());
}

TEST_CASE("Re-running on unchanged input changes nothing, edits, additions and deletions are applied") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    Collect reporter;
    index(dir / "db", seeds, reporter);

    auto again = index(dir / "db", seeds, reporter);
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    CHECK(again.deleted == 0);
    CHECK(again.unchanged == 3);

    // Touching without changing content is still "unchanged".
    fs::last_write_time(seeds / kFullText, fs::last_write_time(seeds / kFullText) + std::chrono::seconds(5));
    again = index(dir / "db", seeds, reporter);
    CHECK(again.unchanged == 3);
    CHECK(again.updated == 0);

    std::ofstream(seeds / "extra.jsonl") << R"({"_id":"x1","title":"Zebrafish fin regeneration","text":"blastema"})"
                                         << "\n";
    {
        std::ifstream in(seeds / kFullText);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        text.replace(text.find("Pittenger"), 9, "Zebrafish");
        std::ofstream(seeds / kFullText) << text;
    }
    fs::remove(seeds / "000_00c817cbc5b5151d.txt");
    again = index(dir / "db", seeds, reporter);
    CHECK(again.added == 1);
    CHECK(again.updated == 1);
    CHECK(again.deleted == 1);
    CHECK(again.unchanged == 1);

    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    CHECK(searcher.rank("zebrafish", 10).size() == 2);
    CHECK(searcher.rank("intraarticular", 10).empty());
}

TEST_CASE("Did-you-mean corrects one-edit typos, keeps a typed capital, and leaves codes, acronyms, names and affixes alone") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    const auto suggestion = [&](const std::string& query) {
        duet::search::SearchRequest request;
        request.query = query;
        return searcher.search(request).suggestion;
    };
    CHECK(suggestion("Mesenchimal stem") == "Mesenchymal stem");
    CHECK(suggestion("Osteoartritis therapy") == "Osteoarthritis therapy");
    CHECK(suggestion("immunomodulatary") == "immunomodulatory");
    CHECK(suggestion("therapyy") == "therapy");                 // a doubled letter is a typo
    CHECK(suggestion("unmesenchymal cells").empty());           // a prefix makes another word
    CHECK(suggestion("mesenchimal5").empty());                  // a code
    CHECK(suggestion("MESENCHIMAL").empty());                   // an acronym or gene symbol
    CHECK(suggestion("stem Mesenchimal").empty());              // a name, capitalised mid-query
    CHECK(suggestion("stem mesenchimal") == "stem mesenchymal");
    CHECK(suggestion("esenchymal stem") == "mesenchymal stem");  // a first letter left out
    CHECK(suggestion("tesenchymal stem").empty());               // another first letter: another word
    CHECK(suggestion("mesenchimall stem").empty());              // two edits: too far to guess
    CHECK(suggestion("randomised behaviour").empty());           // British spellings find the American words
}

TEST_CASE("Did-you-mean corrects a typo whose stem another word shares, but not that word") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    // inflamed and inflamation share the stem inflam; inflammation is inflamm, and far commoner.
    std::ofstream extra(seeds / "extra.jsonl");
    extra << R"({"_id":"x1","title":"Inflamed joints","text":"swelling"})" << "\n";
    for (int i = 2; i <= 6; ++i) {
        extra << R"({"_id":"x)" << i << R"(","title":"Synovial inflammation","text":"joints"})" << "\n";
    }
    extra.close();
    Collect reporter;
    index(dir / "db", seeds, reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    const auto result = [&](const std::string& query) {
        duet::search::SearchRequest request;
        request.query = query;
        return searcher.search(request);
    };
    const auto typo = result("inflamation");
    CHECK(typo.total == 1);  // the stem finds the inflamed record, while the seeds hold the word meant
    CHECK(typo.suggestion == "inflammation");
    CHECK(result("inflamed joints").suggestion.empty());
    CHECK(result("randomised behaviour").suggestion.empty());  // listed forms still find their words
}

TEST_CASE("Did-you-mean never suggests a word whose records are gone") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    std::ofstream(seeds / "extra.jsonl") << R"({"_id":"x1","title":"Zebrafish fin regeneration","text":"blastema"})"
                                         << "\n";
    Collect reporter;
    index(dir / "db", seeds, reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    duet::search::SearchRequest request;
    request.query = "zebrafisch therapy";
    CHECK(searcher.search(request).suggestion == "zebrafish therapy");

    fs::remove(seeds / "extra.jsonl");
    CHECK(index(dir / "db", seeds, reporter).deleted == 1);
    searcher.reopen();
    CHECK(searcher.rank("zebrafish", 10).empty());
    CHECK(searcher.search(request).suggestion.empty());
}

TEST_CASE("Bad records are counted and skipped, the rest is indexed") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    std::ofstream(src / "mixed.jsonl") << R"({"_id":"good1","title":"Good one","text":"fibroblast"})" << "\n"
                                       << R"({"_id":"bad","title":"trunc)" << "\n"
                                       << R"({"_id":"good2","title":"Good two","text":"fibroblast"})" << "\n";
    std::ofstream(src / "empty.txt").close();
    Collect reporter;
    const auto summary = index(dir / "db", src, reporter);
    CHECK(summary.added == 2);
    CHECK(summary.failed == 2);
    REQUIRE(reporter.problems.size() == 2);
    CHECK(reporter.problems[1].find("mixed.jsonl:2") != std::string::npos);
}

TEST_CASE("A database being written by another indexer is refused with a clear error") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    Collect reporter;
    try {
        index(dir / "db", seeds, reporter);
        FAIL("expected IndexError");
    } catch (const duet::IndexError& e) {
        CHECK(e.kind() == duet::IndexError::Kind::Locked);
        CHECK(std::string(e.what()).find("locked") != std::string::npos);
    }
}

TEST_CASE("An index built by another analyzer is refused by the searcher and rebuilt beside the live one") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    Collect reporter;
    const auto first = index(dir / "db", seeds, reporter);
    REQUIRE(!first.generation.empty());
    CHECK(fs::is_regular_file(dir / "db"));  // a stub naming the live generation
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_OPEN);
        db.set_metadata(std::string(duet::schema::kMetaAnalyzer), "0000000000000000");
        db.commit();
    }
    try {
        duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
        FAIL("expected IndexUnusable");
    } catch (const duet::search::IndexUnusable& e) {
        CHECK(std::string(e.what()).find("re-index") != std::string::npos);
    }
    const auto rebuilt = index(dir / "db", seeds, reporter);
    CHECK(rebuilt.rebuilt);
    CHECK(rebuilt.added == 3);
    CHECK(rebuilt.generation != first.generation);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    CHECK(top(searcher, "intraarticular injection osteoarthritis") == kOaReview);
    // The previous generation is kept for readers that still have it open.
    CHECK(fs::exists(first.generation));
}

TEST_CASE("An old-style plain database built by another analyzer is refused until --rebuild") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
        db.set_metadata(std::string(duet::schema::kMetaFormat), "0");
        Xapian::Document doc;
        doc.add_term("x");
        db.add_document(doc);
        db.commit();
    }
    Collect reporter;
    try {
        index(dir / "db", seeds, reporter);
        FAIL("expected IndexError");
    } catch (const duet::IndexError& e) {
        CHECK(e.kind() == duet::IndexError::Kind::Incompatible);
        CHECK(std::string(e.what()).find("--rebuild") != std::string::npos);
    }
    CHECK(index(dir / "db", seeds, reporter, true).added == 3);
    CHECK_NOTHROW(duet::search::Searcher(dir / "db", duet::testing::standard_analyzer()));
}

TEST_CASE("Ids, filter values and paths longer than Xapian's term limit are indexed, found and updated") {
    // Xapian refuses terms over 245 bytes; one such record used to stop the whole run.
    TempDir dir;
    fs::path deep = dir / "src";
    for (int i = 0; i < 8; ++i) deep /= "a_rather_long_directory_name_" + std::to_string(i);
    fs::create_directories(deep);
    const std::string long_id(300, 'i');
    const std::string long_journal = "Journal of " + std::string(300, 'j');
    const std::string long_category = "类" + std::string(298, 'c');  // a cut must not split a character
    std::ofstream(deep / "long.jsonl") << R"({"_id":")" << long_id << R"(","title":"Axolotl limb regeneration","text":"blastema"})" << "\n";
    std::ofstream(dir / "src" / "meta.txt") << R"({"title":"Axolotl tail regeneration","doi":"10.1000/tail","journal":")" << long_journal
                                            << R"(","JCR":"Q1","RegionCategory":")" << long_category << R"(","abstract":"blastema"})" << "\n";
    const std::string long_doi = "10.1000/" + std::string(300, 'd');  // also the record's id
    std::ofstream(dir / "src" / "doi.txt") << R"({"title":"Axolotl gill regeneration","doi":")" << long_doi << R"(","abstract":"blastema"})" << "\n";
    REQUIRE((deep / "long.jsonl").string().size() > 245);

    Collect reporter;
    auto summary = index(dir / "db", dir / "src", reporter);
    CHECK(summary.added == 3);
    CHECK(summary.failed == 0);
    CHECK(reporter.problems.empty());
    {
        duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
        const auto found = searcher.find(long_id);
        REQUIRE(found);
        CHECK(found->title == "Axolotl limb regeneration");
        CHECK(searcher.rank("axolotl limb", 1).front().id == long_id);
        const auto by_doi = searcher.rank("doi:" + long_doi, 10);
        REQUIRE(by_doi.size() == 1);
        CHECK(by_doi.front().id == long_doi);

        duet::search::SearchRequest request;
        request.query = "axolotl";
        request.filters.journal = long_journal;
        auto result = searcher.search(request);
        REQUIRE(result.hits.size() == 1);
        CHECK(result.hits[0].record.id == "10.1000/tail");
        request.filters = {};
        request.filters.category = long_category;
        CHECK(searcher.search(request).hits.size() == 1);
        request.filters.category = long_category + "x";
        CHECK(searcher.search(request).hits.empty());
    }

    summary = index(dir / "db", dir / "src", reporter);
    CHECK(summary.unchanged == 3);
    CHECK(summary.added + summary.updated + summary.deleted == 0);

    // An edit replaces the long-id record rather than adding a second one.
    std::ofstream(deep / "long.jsonl") << R"({"_id":")" << long_id << R"(","title":"Axolotl limb regrowth","text":"blastema"})" << "\n";
    summary = index(dir / "db", dir / "src", reporter);
    CHECK(summary.updated == 1);
    CHECK(summary.added == 0);
    CHECK(summary.deleted == 0);

    // A vanished file under the long path takes its record with it; the other file stays.
    fs::remove(deep / "long.jsonl");
    summary = index(dir / "db", dir / "src", reporter);
    CHECK(summary.deleted == 1);
    CHECK(summary.unchanged == 2);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    CHECK(!searcher.find(long_id));
    CHECK(searcher.rank("axolotl", 10).size() == 2);
}

TEST_CASE("Filters, sorting, facets and lookup by id") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());

    duet::search::SearchRequest request;
    request.query = "mesenchymal stem cells";
    request.facets = true;
    auto result = searcher.search(request);
    CHECK(result.total == 3);
    REQUIRE(result.facets.size() == 5);
    CHECK(result.facets[0].name == "year");
    REQUIRE(result.facets[0].values.size() == 1);
    CHECK(result.facets[0].values[0].value == "2025");
    CHECK(result.facets[0].values[0].count == 2);
    CHECK(result.facets[2].name == "jcr");
    CHECK(result.facets[2].values.size() == 2);
    // All three are in English, the rheumatoid arthritis review in Chinese too: each language counts every record
    // its filter finds.
    const auto& langs = result.facets[4];
    CHECK(langs.name == "lang");
    REQUIRE(langs.values.size() == 2);
    CHECK(langs.values[0].value == "en");
    CHECK(langs.values[0].count == 3);
    CHECK(langs.values[1].value == "zh");
    CHECK(langs.values[1].count == 1);
    request.filters.lang = "zh";
    result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].record.id == kRaReview);

    request.filters.jcr = "q1";
    result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].record.id == kRaReview);

    request.filters = {};
    request.filters.journal = "connective tissue research";
    result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].record.id == kOaReview);

    request.filters = {};
    request.sort = duet::search::SortBy::Date;  // 2025-09-01 before 2025-07-16; the undated article last
    result = searcher.search(request);
    REQUIRE(result.hits.size() == 3);
    CHECK(result.hits[0].record.id == kOaReview);
    CHECK(result.hits[1].record.id == kRaReview);
    CHECK(result.hits[2].record.id == kFullText);

    request.sort = duet::search::SortBy::ImpactFactor;  // 7.1 before 2.1
    result = searcher.search(request);
    CHECK(result.hits[0].record.id == kRaReview);

    // Filters alone (no words) list every record that passes them.
    request = {};
    request.filters.year_from = 2025;
    CHECK(searcher.search(request).total == 2);

    const auto found = searcher.find(kOaReview);
    REQUIRE(found.has_value());
    CHECK(found->journal == "Connective Tissue Research");
    CHECK_FALSE(searcher.find("no-such-id").has_value());
}

TEST_CASE("Facets of a large result set are counted on a sample and scaled up, and say so") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    {
        // Years and quartiles alternate, so any run of records holds them in proportion 1:1 and 3:1.
        std::ofstream out(src / "many.jsonl");
        // The first ten records say it most, so the matcher may stop looking once it has them and 1,000 more.
        for (int i = 0; i < 3000; ++i) {
            out << R"({"_id":"r)" << i << R"(","title":")" << (i < 10 ? "Fibroblast fibroblast fibroblast" : "Fibroblast")
                << R"(","text":"Study )" << i << R"(","year":")"
                << (i % 2 == 0 ? 2020 : 2021) << R"(","JCR":")" << (i % 4 == 0 ? "Q2" : "Q1") << "\"}\n";
        }
    }
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 3000);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    const auto result = search_with_facets(searcher, "fibroblast");
    CHECK(result.total == 3000);
    REQUIRE(result.facets.size() == 5);
    const auto& years = result.facets[0];
    const auto& jcr = result.facets[2];
    CHECK_FALSE(years.exact);
    REQUIRE(years.values.size() == 2);
    REQUIRE(jcr.values.size() == 2);
    // Scaled to the whole result: about 1,500 each year, 2,250 Q1 and 750 Q2 (the sample is over 1,000).
    for (const auto& v : years.values) CHECK(std::abs(static_cast<long>(v.count) - 1500) <= 30);
    REQUIRE(result.facets[4].values.size() == 1);  // every record is English: scaled to all of them
    CHECK(std::abs(static_cast<long>(result.facets[4].values[0].count) - 3000) <= 30);
    CHECK(jcr.values[0].value == "Q1");
    CHECK(std::abs(static_cast<long>(jcr.values[0].count) - 2250) <= 30);
    CHECK(std::abs(static_cast<long>(jcr.values[1].count) - 750) <= 30);

    // A narrower query is counted in full.
    duet::search::SearchRequest request;
    request.facets = true;
    request.query = "fibroblast 17";
    request.filters.jcr = "q2";
    const auto narrow = searcher.search(request);
    CHECK(narrow.facets[0].exact);
}

TEST_CASE("Facets list the most frequent values first, ties by value, at most 20, and years newest first") {
    TempDir dir;
    const fs::path src = dir / "src";
    fs::create_directories(src);
    {
        // Journal j<k> publishes k+1 records for k < 24, and j24 as many as j23; years run 1998..2001.
        std::ofstream out(src / "many.jsonl");
        int n = 0;
        for (int k = 0; k < 25; ++k) {
            const int records = k < 24 ? k + 1 : 24;
            for (int i = 0; i < records; ++i, ++n) {
                out << R"({"_id":"r)" << n << R"(","title":"Fibroblast","year":")" << 1998 + n % 4
                    << R"(","journal":"j)" << k << "\"}\n";
            }
        }
    }
    Collect reporter;
    REQUIRE(index(dir / "db", src, reporter).added == 324);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    const auto result = search_with_facets(searcher, "fibroblast");
    REQUIRE(result.facets.size() == 5);
    const auto& journals = result.facets[1];
    CHECK(journals.exact);
    REQUIRE(journals.values.size() == 20);
    CHECK(journals.values[0].value == "j23");  // 24 records, as j24 has: equal counts go by value
    CHECK(journals.values[0].count == 24);
    CHECK(journals.values[1].value == "j24");
    CHECK(journals.values[2].value == "j22");
    CHECK(journals.values[19].value == "j5");
    CHECK(journals.values[19].count == 6);
    const auto& years = result.facets[0];
    REQUIRE(years.values.size() == 4);
    CHECK(years.values[0].value == "2001");
    CHECK(years.values[0].count == 81);
    CHECK(years.values[3].value == "1998");
}

TEST_CASE("Prefix search, did-you-mean and similar records") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", copy_seeds(dir), reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());

    CHECK(searcher.rank("mesench*", 10).size() == 3);
    CHECK(searcher.rank("mesench* zzyzx", 10).size() == 3);  // beside another word, still a prefix
    CHECK(searcher.rank("intraartic* immunomod*", 10).size() == 3);
    CHECK(searcher.rank("mesenchymal zzyzx", 10).size() == 3);  // OR by default
    CHECK(searcher.rank("mesenchymal AND zzyzx", 10).empty());
    CHECK(searcher.rank("(mesenchymal OR zzyzx) AND intraarticular", 10).size() == 1);
    CHECK(searcher.rank("immunomod*", 10).size() == 3);
    CHECK(searcher.rank("intraartic*", 10).size() == 1);
    CHECK(top(searcher, "間充*") == kRaReview);  // Traditional prefix, folded
    duet::search::SearchRequest request;
    request.query = "rheumat*";
    auto result = searcher.search(request);
    REQUIRE(!result.hits.empty());
    CHECK(result.hits[0].title_html.find("<mark>rheumatoid</mark>") != std::string::npos);

    request.query = "osteoartritis mesenchimal 间充质 therapy";
    CHECK(searcher.search(request).suggestion == "osteoarthritis mesenchymal 间充质 therapy");
    request.query = "osteoarthritis therapy";
    CHECK(searcher.search(request).suggestion.empty());
    request.query = "间充制干细胞";  // a Chinese typo gets no suggestion
    CHECK(searcher.search(request).suggestion.empty());

    // Each seed finds the other two: the words it shares with them, not the ones only it holds.
    for (const std::string& id : {kOaReview, kRaReview, kFullText}) {
        INFO(id);
        const auto like = searcher.like(id, 5);
        REQUIRE(like.has_value());
        CHECK(like->query == "like:" + id);
        std::vector<std::string> found;
        for (const auto& hit : like->hits) found.push_back(hit.record.id);
        std::vector<std::string> others{kOaReview, kRaReview, kFullText};
        others.erase(std::find(others.begin(), others.end(), id));
        std::sort(found.begin(), found.end());
        std::sort(others.begin(), others.end());
        CHECK(found == others);
        const auto second = searcher.like(id, 1, 1);  // a later page starts where the first left off
        REQUIRE(second.has_value());
        REQUIRE(second->hits.size() == 1);
        CHECK(second->hits[0].record.id == like->hits[1].record.id);
        CHECK(second->hits[0].rank == 2);
    }
    CHECK_FALSE(searcher.like("no-such-id", 5).has_value());
}

TEST_CASE("Similar records cross languages through the titles' translations") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    std::ofstream(seeds / "zh.jsonl")
        << R"({"_id":"zh-oa","title":"膝骨关节炎关节腔注射疗效观察","text":"骨关节炎患者膝关节疼痛，关节腔注射后疼痛减轻。"})" << "\n"
        << R"({"_id":"zh-other","title":"儿童哮喘的家庭护理","text":"哮喘儿童的家庭护理要点。"})" << "\n";
    Collect reporter;
    index(dir / "db", seeds, reporter);
    const auto ids = [](const duet::search::SearchResult& r) {
        std::vector<std::string> out;
        for (const auto& hit : r.hits) out.push_back(hit.record.id);
        return out;
    };
    const auto holds = [](const std::vector<std::string>& v, const std::string& id) {
        return std::find(v.begin(), v.end(), id) != v.end();
    };

    {  // Without a term list, a Chinese-only record finds Chinese records only.
        duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
        const auto like = searcher.like("zh-oa", 10);
        REQUIRE(like);
        CHECK_FALSE(holds(ids(*like), kOaReview));
        CHECK(like->expansions.empty());
    }
    duet::analysis::Analyzer list_analyzer(duet::testing::standard_analyzer());
    const auto cross = duet::search::CrossLanguage::load(
        duet::search::CrossLanguage::standard_list(duet::analysis::default_data_dir()), list_analyzer);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer(), {}, &cross);
    const auto like = searcher.like("zh-oa", 10);
    REQUIRE(like);
    CHECK(holds(ids(*like), kOaReview));  // English only
    CHECK(holds(like->expansions, "knee osteoarthritis"));  // 膝骨关节炎
    CHECK_FALSE(holds(ids(*like), "zh-other"));
    // And back: the English review finds the Chinese record.
    const auto back = searcher.like(kOaReview, 10);
    REQUIRE(back);
    CHECK(holds(ids(*back), "zh-oa"));
    CHECK_FALSE(holds(ids(*back), "zh-other"));
}

TEST_CASE("An open searcher follows commits and a switched-in rebuild without being restarted") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    Collect reporter;
    index(dir / "db", seeds, reporter);
    duet::search::Searcher searcher(dir / "db", duet::testing::standard_analyzer());
    CHECK(searcher.document_count() == 3);

    std::ofstream(seeds / "more.jsonl") << R"({"_id":"z1","title":"Zebrafish heart regeneration","text":"x"})" << "\n";
    index(dir / "db", seeds, reporter);
    CHECK(searcher.reopen());
    CHECK(searcher.document_count() == 4);
    CHECK(top(searcher, "zebrafish") == "z1");
    // Facets are counted through a second handle, which follows too.
    duet::search::SearchRequest request;
    request.query = "zebrafish";
    request.facets = true;
    CHECK(searcher.search(request).total == 1);

    duet::IndexOptions options;
    options.db = dir / "db";
    options.sources = {seeds};
    options.rebuild = true;
    fs::remove(seeds / "more.jsonl");
    duet::run_index(options, duet::testing::standard_analyzer(), reporter);
    CHECK(searcher.reopen());
    CHECK(searcher.document_count() == 3);
    CHECK(searcher.rank("zebrafish", 10).empty());
    CHECK(searcher.search(request).total == 0);
    CHECK_FALSE(searcher.reopen());
}

TEST_CASE("A reopened searcher scores an edited record by its new length, as a fresh searcher does") {
    TempDir dir;
    const fs::path seeds = copy_seeds(dir);
    Collect reporter;
    const auto write_more = [&](const std::string& z1_text) {
        std::ofstream(seeds / "more.jsonl")
            << R"({"_id":"z1","title":"Zebrafish heart regeneration","text":")" << z1_text << "\"}\n"
            << R"({"_id":"z2","title":"Zebrafish fin","text":"blastema"})" << "\n";
    };
    write_more("cardiomyocyte");
    index(dir / "db", seeds, reporter);
    duet::search::Searcher open(dir / "db", duet::testing::standard_analyzer());
    const auto before = open.rank("zebrafish regeneration", 10);
    REQUIRE(before.size() >= 2);  // z1, z2 and a seed about regeneration

    // The same docid, a record many times longer: its words now weigh less in it.
    std::string longer;
    for (int i = 0; i < 60; ++i) longer += "cardiomyocyte proliferation after injury " + std::to_string(i) + " ";
    write_more(longer);
    CHECK(index(dir / "db", seeds, reporter).updated >= 1);
    CHECK(open.reopen());
    duet::search::Searcher fresh(dir / "db", duet::testing::standard_analyzer());
    const auto after = open.rank("zebrafish regeneration", 10);
    const auto expected = fresh.rank("zebrafish regeneration", 10);
    REQUIRE(after.size() == expected.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].id == expected[i].id);
        CHECK(after[i].score == expected[i].score);
    }
    const auto z1 = [](const std::vector<duet::search::RankedId>& ranked) {
        return std::find_if(ranked.begin(), ranked.end(), [](const auto& r) { return r.id == "z1"; })->score;
    };
    CHECK(z1(after) < z1(before));
}

TEST_CASE("Lengths read from the index and lengths held in memory rank alike, to the same scores") {
    TempDir dir;
    Collect reporter;
    index(dir / "db", fs::path(DUET_SAMPLES), reporter);
    duet::search::Searcher in_memory(dir / "db", duet::testing::standard_analyzer());
    duet::search::Searcher from_index(dir / "db", duet::testing::standard_analyzer(), {}, nullptr,
                                      duet::search::Lengths::FromIndex);
    for (const std::string q : {"osteoarthritis", "mesenchymal stem cells", "vitamin D deficiency", "间充质干细胞",
                                "糖尿病 患者", "T cell activation in rheumatoid arthritis"}) {
        INFO(q);
        const auto a = in_memory.rank(q, 20);
        const auto b = from_index.rank(q, 20);
        REQUIRE(a.size() == b.size());
        CHECK_FALSE(a.empty());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].id == b[i].id);
            CHECK(a[i].score == Approx(b[i].score).epsilon(1e-12));
        }
    }
}
