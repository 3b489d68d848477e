#include "http_fixture.h"

#include "analysis_fixture.h"
#include "loopback.h"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

namespace fs = std::filesystem;

namespace duet::testing {

namespace {

// True when `answer` holds a whole final response (headers and Content-Length bytes of body).
bool complete(const std::string& answer) {
    std::size_t start = 0;
    for (;;) {
        const auto end = answer.find("\r\n\r\n", start);
        if (end == std::string::npos) return false;
        const std::string head = answer.substr(start, end - start);
        if (head.starts_with("HTTP/1.1 100")) {  // an interim answer: the real one follows
            start = end + 4;
            continue;
        }
        std::size_t length = 0;
        if (const auto at = head.find("Content-Length: "); at != std::string::npos) {
            length = std::stoul(head.substr(at + 16));
        }
        return answer.size() >= end + 4 + length;
    }
}

}  // namespace

IndexSummary index_into(const fs::path& db, const fs::path& source) {
    analysis::Analyzer analyzer(standard_analyzer());
    IndexOptions options;
    options.db = db;
    options.sources = {source};
    QuietReporter reporter;
    const IndexSummary summary = run_index(options, analyzer, reporter);
    REQUIRE(reporter.problems.empty());
    return summary;
}

SeedWorld::SeedWorld() : seeds_(dir_ / "seeds"), db_(dir_ / "db"), web_(dir_ / "web") {
    fs::create_directories(seeds_);
    for (const auto& e : fs::directory_iterator(fs::path(DUET_TEST_DATA) / "seeds")) {
        fs::copy_file(e.path(), seeds_ / e.path().filename());
    }
    REQUIRE(index_into(db_, seeds_).added == 3);
    fs::create_directories(web_ / "sub");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>Duet</title>";
    std::ofstream(web_ / "app.js") << "console.log('duet');";
    std::ofstream(web_ / "style.css") << "body{}";
    std::ofstream(web_ / "sub" / "page.html") << "<p>sub</p>";
    std::ofstream(web_ / ".hidden") << "hidden";
    std::ofstream(dir_ / "secret.txt") << "TOP-SECRET";
    fs::create_symlink(dir_ / "secret.txt", web_ / "link-out.txt");
    fs::create_symlink(web_ / "app.js", web_ / "link-in.js");
    fs::create_directory_symlink(dir_.path(), web_ / "dir-out");
}

const search::CrossLanguage& standard_cross_language() {
    static const search::CrossLanguage cross = [] {
        analysis::Analyzer analyzer(standard_analyzer());
        return search::CrossLanguage::load(
            search::CrossLanguage::standard_list(analysis::default_data_dir()), analyzer);
    }();
    return cross;
}

TestServer::TestServer(const fs::path& db, const fs::path& web, std::size_t threads)
    : server_(server::ServerConfig{db, web, threads, {}, &standard_cross_language()}, standard_analyzer()) {
    port_ = server_.bind("127.0.0.1", 0);
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen(); });
    // cpp-httplib 0.11 has no wait_until_ready(): poll until the accept loop runs.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(server_.is_running());
}

TestServer::~TestServer() {
    server_.stop();
    thread_.join();
}

httplib::Client TestServer::client() const {
    httplib::Client cli("127.0.0.1", port_);
    cli.set_url_encode(false);
    cli.set_read_timeout(std::chrono::seconds(30));
    return cli;
}

httplib::Response TestServer::get(const std::string& path_and_query) const {
    auto cli = client();
    auto res = cli.Get(path_and_query);
    INFO("GET " << path_and_query << ": " << httplib::to_string(res.error()));
    REQUIRE(res);
    return *res;
}

std::string TestServer::raw(const std::string& bytes) const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    const sockaddr_in addr = duet::testing::loopback_address(port_);
    REQUIRE(::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    // Some answers keep the connection open for the next request: stop at a whole response, or after a
    // quiet second when none comes.
    timeval timeout{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may answer and close before reading everything
        sent += static_cast<std::size_t>(n);
    }
    std::string answer;
    char buffer[4096];
    for (;;) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
        if (complete(answer)) break;
    }
    ::close(fd);
    return answer;
}

nlohmann::json json_of(const httplib::Response& res) {
    INFO(res.body);
    REQUIRE(res.get_header_value("Content-Type").starts_with("application/json"));
    auto j = nlohmann::json::parse(res.body, nullptr, false);
    REQUIRE(!j.is_discarded());
    return j;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 15];
        }
    }
    return out;
}

}  // namespace duet::testing
