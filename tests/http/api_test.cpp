// The endpoints of duet-serve against an index of the seed records: what a good request returns.
#include "http_fixture.h"

#include <catch2/catch.hpp>

#include <set>

using duet::testing::json_of;
using duet::testing::SeedWorld;
using duet::testing::TestServer;
using duet::testing::url_encode;

namespace {

const std::string kRaReview = "10.1186/s13287-025-04495-z";
const std::string kOaReview = "10.1080/03008207.2025.2536148";

bool any_mark(const nlohmann::json& hits) {
    for (const auto& h : hits) {
        if (h["title_html"].get<std::string>().find("<mark>") != std::string::npos) return true;
        if (h["title_zh_html"].get<std::string>().find("<mark>") != std::string::npos) return true;
        for (const auto& s : h["snippets"]) {
            if (s.get<std::string>().find("<mark>") != std::string::npos) return true;
        }
    }
    return false;
}

std::vector<std::string> ids(const nlohmann::json& body) {
    std::vector<std::string> out;
    for (const auto& h : body["hits"]) out.push_back(h["id"]);
    return out;
}

}  // namespace

TEST_CASE("GET /healthz reports the documents and revision being served") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const auto res = server.get("/healthz");
    CHECK(res.status == 200);
    const auto body = json_of(res);
    CHECK(body["status"] == "ok");
    CHECK(body["documents"] == 3);
    CHECK(body["revision"].get<int>() >= 1);
}

TEST_CASE("GET /api/search returns the formatter's document plus page and size, with facets") {
    SeedWorld world;
    TestServer server(world.db(), world.web());

    SECTION("English, highlighted") {
        const auto res = server.get("/api/search?q=osteoarthritis");
        REQUIRE(res.status == 200);
        CHECK(res.get_header_value("Cache-Control") == "no-store");
        const auto body = json_of(res);
        CHECK(body["query"] == "osteoarthritis");
        CHECK(body["page"] == 1);
        CHECK(body["size"] == 10);
        CHECK(body["offset"] == 0);
        CHECK(body["limit"] == 10);
        REQUIRE(!body["hits"].empty());
        CHECK(body["hits"][0]["id"] == kOaReview);
        CHECK(any_mark(body["hits"]));
        for (const char* facet : {"year", "journal", "jcr", "category"}) CHECK(body["facets"].contains(facet));
        CHECK(body.contains("suggestion"));
        CHECK(body.contains("expansions"));
    }
    SECTION("Chinese, highlighted in the Chinese title") {
        const auto body = json_of(server.get("/api/search?q=" + url_encode("间充质干细胞")));
        REQUIRE(!body["hits"].empty());
        CHECK(body["hits"][0]["id"] == kRaReview);
        CHECK(body["hits"][0]["title_zh_html"].get<std::string>().find("<mark>间充质干细胞</mark>") != std::string::npos);
    }
    SECTION("pages of one") {
        const auto first = json_of(server.get("/api/search?q=mesenchymal&size=1"));
        const auto second = json_of(server.get("/api/search?q=mesenchymal&size=1&page=2"));
        CHECK(first["total"] == 3);
        CHECK(second["offset"] == 1);
        CHECK(second["page"] == 2);
        REQUIRE(first["hits"].size() == 1);
        REQUIRE(second["hits"].size() == 1);
        CHECK(first["hits"][0]["id"] != second["hits"][0]["id"]);
        CHECK(json_of(server.get("/api/search?q=mesenchymal&size=1&page=4"))["hits"].empty());
    }
    SECTION("every sort order") {
        for (const char* sort : {"relevance", "date", "citations", "if", "DATE"}) {
            const auto res = server.get(std::string("/api/search?q=mesenchymal&sort=") + sort);
            CHECK(res.status == 200);
            CHECK(json_of(res)["total"] == 3);
        }
    }
    SECTION("filters narrow the result and empty filter values are ignored") {
        CHECK(ids(json_of(server.get("/api/search?q=mesenchymal&jcr=Q1"))) == std::vector{kRaReview});
        CHECK(ids(json_of(server.get("/api/search?q=mesenchymal&jcr=q3"))) == std::vector{kOaReview});
        CHECK(ids(json_of(server.get("/api/search?q=mesenchymal&lang=zh"))) == std::vector{kRaReview});
        CHECK(ids(json_of(server.get("/api/search?q=mesenchymal&journal=Connective%20Tissue%20Research"))) ==
              std::vector{kOaReview});
        CHECK(json_of(server.get("/api/search?q=mesenchymal&category=" + url_encode("医学")))["total"] == 2);
        CHECK(json_of(server.get("/api/search?q=mesenchymal&year=2025"))["total"] == 2);
        CHECK(json_of(server.get("/api/search?q=mesenchymal&year=2019..2025"))["total"] == 2);
        CHECK(json_of(server.get("/api/search?q=mesenchymal&year=%3E%3D2020"))["total"] == 2);
        CHECK(json_of(server.get("/api/search?q=mesenchymal&year=%3C%3D2020"))["total"] == 0);
        CHECK(json_of(server.get("/api/search?q=mesenchymal&year=&jcr=&lang=&journal=&category=&sort="))["total"] == 3);
    }
    SECTION("an empty query lists the filtered records; with no filter it finds nothing, without error") {
        const auto listed = json_of(server.get("/api/search?year=2025"));
        CHECK(listed["total"] == 2);
        CHECK(listed["hits"].size() == 2);
        const auto res = server.get("/api/search?q=");
        CHECK(res.status == 200);
        CHECK(json_of(res)["total"] == 0);
        CHECK(json_of(server.get("/api/search"))["total"] == 0);
    }
    SECTION("a query of exactly the limit is accepted") {
        CHECK(server.get("/api/search?q=" + std::string(2000, 'a')).status == 200);
    }
}

TEST_CASE("GET /api/suggest completes title words, text terms, Chinese words and journals") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const auto texts = [&](const std::string& q) {
        const auto body = json_of(server.get("/api/suggest?q=" + url_encode(q)));
        CHECK(body["query"] == q);
        CHECK(body["suggestions"].size() <= 10);
        std::map<std::string, std::string> out;
        for (const auto& s : body["suggestions"]) out[s["text"]] = s["kind"];
        return out;
    };
    // The title says "osteoarthritis"; its stem osteoarthr is never shown.
    auto oste = texts("oste");
    CHECK(oste["osteoarthritis"] == "title");
    CHECK(!oste.contains("osteoarthr"));
    CHECK(texts("Osteoarthriti")["osteoarthritis"] == "title");  // longer than the stem
    CHECK(texts("mesenchymo").contains("mesenchymal"));
    CHECK(texts("stemxy").empty());  // stem is shorter than what was typed: no completion
    CHECK(texts("间充")["间充质干细胞"] == "title");
    CHECK(texts("間充")["间充质干细胞"] == "title");  // Traditional folds to Simplified
    CHECK(texts("stem")["Stem Cell Research & Therapy"] == "journal");
    CHECK(texts("mesenchymal ost").contains("osteoarthritis"));  // completes the last word
    CHECK(texts("").empty());
    CHECK(texts("o").empty());  // one Latin letter is too little to go on
    CHECK(texts("zzzzqqq").empty());
}

TEST_CASE("GET /api/doc/{id} returns the stored record, ids may hold slashes") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    for (const std::string& path : std::vector<std::string>{"/api/doc/" + kRaReview, "/api/doc/10.1186%2Fs13287-025-04495-z",
                                   "/api/doc?id=" + url_encode(kRaReview)}) {
        INFO(path);
        const auto res = server.get(path);
        REQUIRE(res.status == 200);
        const auto body = json_of(res);
        CHECK(body["id"] == kRaReview);
        CHECK(body["journal"] == "Stem Cell Research & Therapy");
        CHECK(body["year"] == 2025);
        CHECK(body["title_zh"].get<std::string>().find("间充质干细胞") != std::string::npos);
        CHECK(!body["abstract"].get<std::string>().empty());
        CHECK(!body.contains("source"));  // the server's file paths are not the client's business
    }
    const auto plain = json_of(server.get("/api/doc/003_418c28d5ef0388ce.txt"));
    CHECK(plain["citations"].is_null());
    CHECK(plain["jcr"] == "");
}

TEST_CASE("GET /api/similar/{id} lists records like one, itself excluded, a page at a time") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const auto first = json_of(server.get("/api/similar/" + kRaReview));
    CHECK(first["query"] == "like:" + kRaReview);
    CHECK(first["page"] == 1);
    CHECK(first["size"] == 10);
    REQUIRE(first["hits"].size() == 2);  // the two other seeds
    std::set<std::string> ids;
    for (const auto& hit : first["hits"]) ids.insert(hit["id"].get<std::string>());
    CHECK(ids == std::set<std::string>{kOaReview, "003_418c28d5ef0388ce.txt"});
    CHECK(first["hits"][0].contains("snippets"));
    for (const std::string& path : std::vector<std::string>{"/api/similar/10.1186%2Fs13287-025-04495-z?page=2&size=1",
                                    "/api/similar?id=" + url_encode(kRaReview) + "&page=2&size=1"}) {
        INFO(path);
        const auto res = server.get(path);
        REQUIRE(res.status == 200);
        const auto second = json_of(res);
        CHECK(second["page"] == 2);
        REQUIRE(second["hits"].size() == 1);
        CHECK(second["hits"][0]["id"] == first["hits"][1]["id"]);
        CHECK(second["hits"][0]["rank"] == 2);
    }
}

TEST_CASE("GET /api/export writes RIS, BibTeX and CSV attachments of the query's records") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    SECTION("RIS") {
        const auto res = server.get("/api/export?q=osteoarthritis&format=ris");
        REQUIRE(res.status == 200);
        CHECK(res.get_header_value("Content-Type").starts_with("application/x-research-info-systems"));
        CHECK(res.get_header_value("Content-Disposition") == "attachment; filename=\"duet-export.ris\"");
        CHECK(res.body.starts_with("TY  - JOUR\r\n"));
        CHECK(res.body.find("DO  - " + kOaReview + "\r\n") != std::string::npos);
        CHECK(res.body.find("AU  - Mohammed Lakrat\r\n") != std::string::npos);
        CHECK(res.body.find("ER  - ") != std::string::npos);
    }
    SECTION("BibTeX") {
        const auto res = server.get("/api/export?q=" + url_encode("间充质干细胞") + "&format=bibtex");
        REQUIRE(res.status == 200);
        CHECK(res.get_header_value("Content-Disposition") == "attachment; filename=\"duet-export.bib\"");
        CHECK(res.body.starts_with("@article{gao2025harnessing,\n"));
        CHECK(res.body.find("journal = {Stem Cell Research \\& Therapy}") != std::string::npos);
    }
    SECTION("CSV with a byte order mark, filtered") {
        const auto res = server.get("/api/export?q=mesenchymal&jcr=Q1&format=csv");
        REQUIRE(res.status == 200);
        CHECK(res.get_header_value("Content-Type") == "text/csv; charset=utf-8");
        CHECK(res.body.starts_with("\xEF\xBB\xBFid,title,title_zh,authors,"));
        CHECK(res.body.find(kRaReview) != std::string::npos);
        CHECK(res.body.find(kOaReview) == std::string::npos);
    }
    SECTION("no query and no filter: an empty file") {
        const auto res = server.get("/api/export?format=ris");
        CHECK(res.status == 200);
        CHECK(res.body.empty());
    }
}

TEST_CASE("The page's files are served from the web root with their content types") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const auto index = server.get("/");
    CHECK(index.status == 200);
    CHECK(index.get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index.body.find("<title>Duet</title>") != std::string::npos);
    CHECK(index.has_header("Content-Security-Policy"));
    CHECK(server.get("/index.html").body == index.body);
    CHECK(server.get("/app.js").get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(server.get("/style.css").get_header_value("Content-Type") == "text/css; charset=utf-8");
    CHECK(server.get("/sub/page.html").status == 200);
    CHECK(server.get("/link-in.js").status == 200);  // a symlink that stays inside is fine
    auto cli = server.client();
    const auto head = cli.Head("/");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}
