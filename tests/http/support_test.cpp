// The server's small helpers: listen addresses, log lines, static file resolution and content types.
#include "listen_address.h"
#include "request_log.h"
#include "static_files.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

namespace fs = std::filesystem;
using namespace duet::server;

TEST_CASE("Listen addresses: host:port, [v6]:port, a bare port") {
    const auto check = [](std::string_view text, const std::string& host, int port) {
        INFO(text);
        const auto a = parse_listen_address(text);
        REQUIRE(a);
        CHECK(a->host == host);
        CHECK(a->port == port);
    };
    check("127.0.0.1:8080", "127.0.0.1", 8080);
    check("localhost:0", "localhost", 0);
    check("[::1]:9000", "::1", 9000);
    check("8081", "127.0.0.1", 8081);
    for (const char* bad : {"", ":80", "host:", "host:port", "1.2.3.4:65536", "::1:80", "[::1]80", "[]:80", "99999"}) {
        INFO(bad);
        CHECK(!parse_listen_address(bad));
    }
}

TEST_CASE("Log lines: one per request, control characters made visible, long targets cut") {
    CHECK(log_line("GET", "/api/search?q=x", 200, 3.14159) == "GET /api/search?q=x 200 3.1 ms");
    CHECK(log_line("", "", 400, std::nullopt) == "- - 400 - ms");
    CHECK(log_line("GET", "/a\r\nFAKE 200", 404, 1.0) == "GET /a\\x0D\\x0AFAKE 200 404 1.0 ms");
    CHECK(log_line("GET", std::string(1000, 'a'), 414, 0.0).size() < 400);
}

TEST_CASE("Static files resolve inside the root only") {
    duet::testing::TempDir dir;
    const fs::path web = dir / "web";
    fs::create_directories(web / "css");
    std::ofstream(web / "index.html") << "i";
    std::ofstream(web / "css" / "a.css") << "a";
    std::ofstream(dir / "outside.txt") << "o";
    fs::create_symlink(dir / "outside.txt", web / "out.txt");
    // A sibling whose name starts like the root must not pass a prefix test.
    fs::create_directories(dir / "web2");
    std::ofstream(dir / "web2" / "x.html") << "x";
    fs::create_directory_symlink(dir / "web2", web / "w2");

    const StaticFiles files(web);
    CHECK(files.resolve("/") == fs::canonical(web / "index.html"));
    CHECK(files.resolve("/css/a.css") == fs::canonical(web / "css" / "a.css"));
    CHECK(files.resolve("/css//a.css") == fs::canonical(web / "css" / "a.css"));
    for (const char* bad : {"", "index.html", "/../outside.txt", "/css/../../outside.txt", "/out.txt", "/w2/x.html",
                            "/css", "/.", "/..", "/css/.", "/nope", "/a\\b", "/index.html/"}) {
        INFO(bad);
        if (std::string_view(bad) == "/index.html/") {
            CHECK(files.resolve(bad));  // a trailing slash adds an empty segment, nothing more
            continue;
        }
        CHECK(!files.resolve(bad));
    }
    CHECK(!files.resolve(std::string_view("/index.html\0x", 13)));
    CHECK(files.get("/")->body == "i");
    CHECK(files.get("/")->content_type == "text/html; charset=utf-8");

    const StaticFiles missing(dir / "none");
    CHECK(!missing.resolve("/"));
}

TEST_CASE("Content types by extension") {
    CHECK(content_type_for("a.js") == "text/javascript; charset=utf-8");
    CHECK(content_type_for("a.css") == "text/css; charset=utf-8");
    CHECK(content_type_for("a.svg") == "image/svg+xml");
    CHECK(content_type_for("a.bin") == "application/octet-stream");
    CHECK(content_type_for("Makefile") == "application/octet-stream");
}
