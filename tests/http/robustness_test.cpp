// Whatever arrives — bad parameters, odd paths, odd headers, broken requests — the server answers with
// the right 4xx (never a 500) and keeps serving.
#include "http_fixture.h"

#include "analysis_fixture.h"
#include "schema.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <random>

using duet::testing::json_of;
using duet::testing::SeedWorld;
using duet::testing::TestServer;

namespace {

void check_bad_parameter(const TestServer& server, const std::string& query, const std::string& parameter) {
    INFO("GET /api/search?" << query.substr(0, 80));
    const auto res = server.get("/api/search?" + query);
    CHECK(res.status == 400);
    const auto body = json_of(res);
    CHECK(body["error"]["code"] == "bad_parameter");
    CHECK(body["error"]["parameter"] == parameter);
    CHECK(body["error"]["message"].get<std::string>().find("\"" + parameter + "\"") != std::string::npos);
}

std::string status_line(const std::string& answer) { return answer.substr(0, answer.find("\r\n")); }

}  // namespace

TEST_CASE("Every bad search parameter is a 400 naming it and what it accepts") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"page=0", "page"},
        {"page=abc", "page"},
        {"page=-1", "page"},
        {"page=1.5", "page"},
        {"page=%2B1", "page"},
        {"page=99999999999999999999", "page"},
        {"size=0", "size"},
        {"size=51", "size"},
        {"size=ten", "size"},
        {"size=1e1", "size"},
        {"page=101&size=10", "page"},  // page * size > 1000: deep paging
        {"page=21&size=50", "page"},
        {"page=1001&size=1", "page"},
        {"sort=best", "sort"},
        {"sort=relevance%00", "sort"},
        {"year=20", "year"},
        {"year=twenty", "year"},
        {"year=2024..2019", "year"},
        {"year=%3E2020", "year"},
        {"year=2019..", "year"},
        {"year=0999", "year"},
        {"jcr=Q5", "jcr"},
        {"jcr=1", "jcr"},
        {"lang=fr", "lang"},
        {"lang=zh-CN", "lang"},
        {"q=" + std::string(2001, 'a'), "q"},
        {"q=%FF%FE", "q"},
        {"q=%C3%28", "q"},
        {"q=%ED%A0%80", "q"},  // an encoded surrogate is not UTF-8
        {"journal=%C3", "journal"},
        {"journal=" + std::string(301, 'j'), "journal"},
        {"category=%80", "category"},
        {"q=a&q=b", "q"},
        {"size=5&size=6", "size"},  // identical repeats are merged by the HTTP library: harmless
    };
    for (const auto& [query, parameter] : cases) check_bad_parameter(server, query, parameter);
    // Parameters this API does not know are ignored (cache busters and the like).
    CHECK(server.get("/api/search?q=osteoarthritis&_=12345&utm_source=x").status == 200);
}

TEST_CASE("Bad parameters of the other endpoints are 400s naming them") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const auto check = [&](const std::string& path, const std::string& parameter) {
        INFO("GET " << path.substr(0, 80));
        const auto res = server.get(path);
        CHECK(res.status == 400);
        const auto body = json_of(res);
        CHECK(body["error"]["code"] == "bad_parameter");
        CHECK(body["error"]["parameter"] == parameter);
    };
    check("/api/suggest?q=%FF", "q");
    check("/api/suggest?q=" + std::string(2001, 'a'), "q");
    check("/api/export?q=osteoarthritis", "format");
    check("/api/export?q=osteoarthritis&format=xml", "format");
    check("/api/export?q=osteoarthritis&format=ris&year=abc", "year");
    check("/api/export?q=%FF&format=ris", "q");
    check("/api/doc", "id");
    check("/api/doc/", "id");
    check("/api/doc?id=%FF", "id");
    check("/api/doc/%FF%FE", "id");
    check("/api/similar", "id");
    check("/api/similar/", "id");
    check("/api/similar?id=%FF", "id");
    check("/api/similar/x?size=0", "size");
    check("/api/similar/x?size=51", "size");
    check("/api/similar/x?page=200&size=10", "page");
}

TEST_CASE("Unknown records and API paths are JSON 404s, other unknown paths plain 404s") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    for (const std::string& path : std::vector<std::string>{"/api/doc/nope", "/api/doc/10.9999%2Fnothing", "/api/doc?id=nope",
                                   "/api/doc/" + std::string(1000, 'x'), "/api/similar/nope", "/api/similar?id=nope",
                                   "/api/similar/" + std::string(1000, 'x')}) {
        INFO(path.substr(0, 60));
        const auto res = server.get(path);
        CHECK(res.status == 404);
        CHECK(json_of(res)["error"]["code"] == "not_found");
    }
    for (const char* path : {"/api/nope", "/api", "/api/", "/api/search/extra", "/api/../api/nope"}) {
        INFO(path);
        const auto res = server.get(path);
        CHECK(res.status == 404);
        CHECK(json_of(res)["error"]["code"] == "not_found");
    }
    const auto page = server.get("/no/such/page.html");
    CHECK(page.status == 404);
    CHECK(page.get_header_value("Content-Type").starts_with("text/plain"));
}

TEST_CASE("No path leaves the web root") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
                             "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt",
                             "/..\\secret.txt", "/..%5csecret.txt", "//secret.txt", "/%2Fetc%2Fpasswd", "//etc/passwd",
                             "/link-out.txt", "/dir-out/secret.txt", "/.hidden", "/sub/./page.html", "/app.js%00.html",
                             "/sub", "/sub/", "/./index.html", "/....//secret.txt"}) {
        INFO(path);
        const std::string answer = server.raw(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const std::string status = status_line(answer);
        CHECK((status == "HTTP/1.1 404 Not Found" || status == "HTTP/1.1 400 Bad Request"));
        CHECK(answer.find("TOP-SECRET") == std::string::npos);
        CHECK(answer.find("root:") == std::string::npos);
    }
}

TEST_CASE("Other methods are refused with 405, at once, body or not") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    auto cli = server.client();
    const auto post = cli.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    CHECK(json_of(*post)["error"]["code"] == "method_not_allowed");
    const auto del = cli.Delete("/index.html");
    REQUIRE(del);
    CHECK(del->status == 405);
    // Without a Content-Length the library would wait for a body; the refusal must come first.
    const auto start = std::chrono::steady_clock::now();
    const std::string answer = server.raw("POST /api/search HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(status_line(answer) == "HTTP/1.1 405 Method Not Allowed");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500));
}

TEST_CASE("Odd requests and headers get a 4xx or a normal answer, never a 500, and the server lives on") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const std::vector<std::string> requests = {
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=%zz%&%%=1&=&&q2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'h') + "\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nRange: bytes=999999-\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nRange: bytes=-1,0-,abc\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br, *\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nBad Header Line\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nHost: \xFF\xFE\r\nX-Nul: a\0b\r\nConnection: close\r\n\r\n",
        "GET /api/search?q=osteoarthritis HTTP/1.1\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        "GET /api/doc/\xE9\x97\xB4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET http://example.com/api/search?q=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "HEAD /api/search?q=osteoarthritis HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "BREW /pot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        std::string("\0\0\0\0\r\n\r\n", 8),
        "\r\n\r\n\r\n",
    };
    for (const auto& request : requests) {
        INFO(request.substr(0, 120));
        const std::string answer = server.raw(request);
        if (answer.empty()) continue;  // closing without a word is a fine answer to garbage
        const std::string status = status_line(answer);
        REQUIRE(status.size() >= 12);
        CHECK(status.starts_with("HTTP/1.1 "));
        const int code = std::stoi(status.substr(9, 3));
        CHECK(code < 500);
    }
    CHECK(server.get("/healthz").status == 200);
}

TEST_CASE("Random queries made of the query language's pieces are answered, never with a 500") {
    // A fixed seed keeps the run repeatable; a failure prints its query.
    SeedWorld world;
    TestServer server(world.db(), world.web());
    const std::vector<std::string> pieces = {
        "mesenchymal", "stem", "cells", "rheumatoid", "Tumour", "mice", "haemorrh*", "a*", "*", "**", "间充质干细胞",
        "类风湿", "細胞", "的", "ＭＳＣ", "AND", "OR", "NOT", "and", "+", "-", "(", ")", "((", "\"", "\"\"", ":", "..",
        "title:", "author:", "journal:", "doi:", "year:", "jcr:", "lang:", "foo:", "title:(", "year:2019..2024",
        "year:>=2020", "year:..", "year:abc", "year:99999999999999999999", "jcr:Q9", "lang:xx", "doi:10.1/",
        "IL-6", "CD4+", "TNF-α", "1·5", "--", "++", "\\", "%", "\u3000", "\u200f", "\u0301", "\U0001F600", "ǅ", "ß",
        std::string(300, 'a'), "长长长长长长长长长长长长长长长长长长长长", "10.1186/s13287-025-04495-z"};
    std::mt19937 random(20261207);
    for (int i = 0; i < 300; ++i) {
        std::string query;
        const int length = 1 + static_cast<int>(random() % 12);
        for (int w = 0; w < length; ++w) {
            if (w > 0 && random() % 4 != 0) query += ' ';
            query += pieces[random() % pieces.size()];
        }
        const std::string path = (i % 5 == 4 ? "/api/export?format=csv&q=" : "/api/search?q=") +
                                 duet::testing::url_encode(query) + (i % 3 == 0 ? "&sort=date" : "");
        INFO(path);
        const auto res = server.get(path);
        REQUIRE(res.status == 200);
        if (i % 5 != 4) CHECK(json_of(res)["hits"].is_array());
    }
    CHECK(server.get("/healthz").status == 200);
}

TEST_CASE("An index rebuilt by another analyzer while serving is a 503 that says what to do") {
    SeedWorld world;
    TestServer server(world.db(), world.web());
    CHECK(server.get("/api/search?q=osteoarthritis").status == 200);
    {
        Xapian::WritableDatabase db(world.db().string(), Xapian::DB_OPEN);
        db.set_metadata(std::string(duet::schema::kMetaAnalyzer), "0000000000000000");
        db.commit();
    }
    for (const char* path : {"/api/search?q=osteoarthritis", "/healthz", "/api/suggest?q=oste",
                             "/api/doc/10.1186%2Fs13287-025-04495-z", "/api/export?q=x&format=csv"}) {
        INFO(path);
        const auto res = server.get(path);
        CHECK(res.status == 503);
        const auto body = json_of(res);
        CHECK(body["error"]["code"] == "index_unavailable");
        CHECK(body["error"]["message"].get<std::string>().find("--rebuild") != std::string::npos);
    }
}

TEST_CASE("A server cannot start on a missing index") {
    duet::testing::TempDir dir;
    CHECK_THROWS_AS(duet::server::Server(duet::server::ServerConfig{dir / "none", dir.path(), 2, {}, nullptr},
                                         duet::testing::standard_analyzer()),
                    duet::search::IndexUnusable);
}

TEST_CASE("A second server cannot bind a port already in use") {
    SeedWorld world;
    TestServer first(world.db(), world.web());
    duet::server::Server second(duet::server::ServerConfig{world.db(), world.web(), 1, {}, nullptr},
                                duet::testing::standard_analyzer());
    CHECK(second.bind("127.0.0.1", first.port()) == -1);
}
