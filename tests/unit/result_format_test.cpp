// Result formatting: the API's JSON shape (stable keys, nulls for absent numbers) and the terminal text.
#include "result_format.h"

#include <catch2/catch.hpp>

#include <string>

using duet::search::Hit;
using duet::search::html_to_terminal;
using duet::search::result_json;
using duet::search::result_text;
using duet::search::SearchResult;

namespace {

// A full hit: English and Chinese titles, four authors, every number present.
Hit full_hit() {
    Hit hit;
    hit.rank = 1;
    hit.score = 12.3456789;
    auto& r = hit.record;
    r.id = "10.1186/s13287-025-04495-z";
    r.title = "MSCs for rheumatoid arthritis";
    r.title_zh = "间充质干细胞治疗类风湿性关节炎";
    r.authors = {"Ying-Feng Gao", "Na Zhao", "Cheng-Hu Hu", "Wei Li"};
    r.doi = "10.1186/s13287-025-04495-z";
    r.journal = "Stem Cell Research & Therapy";
    r.date = "2025-07-01";
    r.year = 2025;
    r.citations = 3;
    r.impact_factor = 7.5;
    r.jcr = "Q1";
    r.category = "医学";
    r.url = "https://doi.org/10.1186/s13287-025-04495-z";
    hit.title_html = "<mark>MSCs</mark> for <mark>rheumatoid</mark> arthritis";
    hit.title_zh_html = "<mark>间充质干细胞</mark>治疗类风湿性关节炎";
    hit.snippets = {"…role of <mark>MSCs</mark> &amp; their &lt;niche&gt;…", "<mark>间充质干细胞</mark>的作用…"};
    return hit;
}

// A bare hit: only an id and a Chinese title, as a record from a Chinese source may be.
Hit bare_hit() {
    Hit hit;
    hit.rank = 2;
    hit.score = 0.5;
    hit.record.id = "cn/0001.txt";
    hit.record.title_zh = "干细胞研究";
    return hit;
}

SearchResult sample() {
    SearchResult result;
    result.query = "MSC 类风湿";
    result.total = 2;
    result.total_exact = true;
    result.offset = 0;
    result.limit = 10;
    result.took_ms = 3.14159;
    result.hits = {full_hit(), bare_hit()};
    return result;
}

}  // namespace

TEST_CASE("JSON has one stable shape: nulls for absent numbers, empty strings for absent text") {
    const nlohmann::json j = result_json(sample());
    CHECK(j["query"] == "MSC 类风湿");
    CHECK(j["total"] == 2);
    CHECK(j["total_exact"] == true);
    CHECK(j["offset"] == 0);
    CHECK(j["limit"] == 10);
    CHECK(j["took_ms"] == 3.14);
    REQUIRE(j["hits"].size() == 2);

    const nlohmann::json& full = j["hits"][0];
    CHECK(full["score"] == 12.3457);
    CHECK(full["year"] == 2025);
    CHECK(full["citations"] == 3);
    CHECK(full["impact_factor"] == 7.5);
    CHECK(full["authors"] == nlohmann::json({"Ying-Feng Gao", "Na Zhao", "Cheng-Hu Hu", "Wei Li"}));
    CHECK(full["snippets"].size() == 2);

    const nlohmann::json& bare = j["hits"][1];
    CHECK(bare.size() == full.size());
    for (const auto& [key, value] : full.items()) CHECK(bare.contains(key));
    CHECK(bare.dump() ==
          R"({"authors":[],"category":"","citations":null,"date":"","doi":"","id":"cn/0001.txt",)"
          R"("impact_factor":null,"jcr":"","journal":"","rank":2,"score":0.5,"shard":0,"snippets":[],"title":"",)"
          R"("title_html":"","title_zh":"干细胞研究","title_zh_html":"","url":"","year":null})");
}

TEST_CASE("An empty result still has every top-level key") {
    const nlohmann::json j = result_json(SearchResult{});
    CHECK(j.dump() == R"({"expansions":[],"facets":{},"hits":[],"limit":0,"offset":0,"query":"","suggestion":null,)"
                      R"("took_ms":0.0,"total":0,"total_exact":true})");
}

TEST_CASE("Facets, the did-you-mean suggestion and added terms are in the JSON") {
    SearchResult result;
    result.facets = {{"year", {{"2025", 2}, {"2024", 1}}, true}, {"jcr", {{"Q1", 3}}, false}};
    result.suggestion = "osteoarthritis";
    result.expansions = {"osteoarthritis"};
    const nlohmann::json j = result_json(result);
    CHECK(j["facets"].dump() == R"({"jcr":{"exact":false,"values":[{"count":3,"value":"Q1"}]},)"
                                R"("year":{"exact":true,"values":[{"count":2,"value":"2025"},{"count":1,"value":"2024"}]}})");
    CHECK(j["suggestion"] == "osteoarthritis");
    CHECK(j["expansions"].dump() == R"(["osteoarthritis"])");
}

TEST_CASE("Malformed UTF-8 in a record survives a dump with replacement") {
    SearchResult result;
    result.hits = {bare_hit()};
    result.hits[0].record.journal = "bad \xC3 byte";
    const std::string text = result_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    CHECK(text.find("\"journal\":\"bad \xEF\xBF\xBD byte\"") != std::string::npos);
}

TEST_CASE("Fragments become terminal text: bold or nothing, entities decoded, no control characters") {
    const std::string html = "…<mark>TNF-α</mark> &amp; &lt;IL-6&gt; &quot;x&quot; &#39;y&#39; &#x4E2D;&#25991;…";
    CHECK(html_to_terminal(html, false) == "…TNF-α & <IL-6> \"x\" 'y' 中文…");
    CHECK(html_to_terminal(html, true) == "…\x1b[1mTNF-α\x1b[22m & <IL-6> \"x\" 'y' 中文…");
    CHECK(html_to_terminal("a &unknown; & b", false) == "a &unknown; & b");
    CHECK(html_to_terminal("evil\x1b[2Jtext\x07 &#27;[0m", false) == "evil[2Jtext [0m");
    CHECK(html_to_terminal("line\nbreak\ttab", false) == "line break tab");
    // A fragment cut inside a mark does not leave the terminal bold.
    CHECK(html_to_terminal("<mark>open", true) == "\x1b[1mopen\x1b[22m");
}

TEST_CASE("Terminal text without ANSI: header, titles, authors, source, score and snippets") {
    CHECK(result_text(sample(), false) ==
          "2 results for \"MSC 类风湿\" (3.14 ms), showing 1-2\n"
          "\n"
          "1. MSCs for rheumatoid arthritis\n"
          "   间充质干细胞治疗类风湿性关节炎\n"
          "   Ying-Feng Gao, Na Zhao, Cheng-Hu Hu et al.\n"
          "   Stem Cell Research & Therapy · 2025 · 10.1186/s13287-025-04495-z\n"
          "   score 12.3457\n"
          "   …role of MSCs & their <niche>…\n"
          "   间充质干细胞的作用…\n"
          "\n"
          "2. 干细胞研究\n"
          "   score 0.5000\n");
}

TEST_CASE("Terminal text with ANSI bolds the highlights") {
    SearchResult result = sample();
    result.hits.resize(1);
    result.hits[0].record.authors.resize(2);
    result.hits[0].snippets.resize(1);
    result.total = 1234;
    result.total_exact = false;
    result.offset = 10;
    CHECK(result_text(result, true) ==
          "about 1234 results for \"MSC 类风湿\" (3.14 ms), showing 11-11\n"
          "\n"
          "1. \x1b[1mMSCs\x1b[22m for \x1b[1mrheumatoid\x1b[22m arthritis\n"
          "   \x1b[1m间充质干细胞\x1b[22m治疗类风湿性关节炎\n"
          "   Ying-Feng Gao, Na Zhao\n"
          "   Stem Cell Research & Therapy · 2025 · 10.1186/s13287-025-04495-z\n"
          "   score 12.3457\n"
          "   …role of \x1b[1mMSCs\x1b[22m & their <niche>…\n");
}

TEST_CASE("Terminal header for no results, one result, and unhighlighted titles") {
    SearchResult none;
    none.query = "nothing\x1b[31m";
    none.took_ms = 0.256;
    CHECK(result_text(none, true) == "No results for \"nothing[31m\" (0.26 ms)\n");

    SearchResult one;
    one.total = 1;
    one.took_ms = 1;
    Hit hit;
    hit.rank = 10;
    hit.record.title = "Plain title";
    one.hits = {hit};
    CHECK(result_text(one, false) == "1 result for \"\" (1.00 ms), showing 1-1\n\n10. Plain title\n    score 0.0000\n");
}
