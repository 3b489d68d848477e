// Test support for the HTTP tests: an index of the seed records, a web root, and duet-serve's server
// running in this process on an ephemeral loopback port.
#pragma once

#include "cross_language.h"
#include "index_run.h"
#include "server.h"
#include "temp_dir.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <thread>

namespace duet::testing {

/// Collects an index run's problems (tests check there are none).
class QuietReporter : public IndexReporter {
public:
    void problem(const std::string& message) override { problems.push_back(message); }
    void progress(const IndexProgress&) override {}
    std::vector<std::string> problems;
};

/// Indexes `source` into `db` with the standard analyzer (incrementally, as duet-index does).
IndexSummary index_into(const std::filesystem::path& db, const std::filesystem::path& source);

/// duet-serve's bilingual term list, loaded once per test binary (immutable, so shared).
const search::CrossLanguage& standard_cross_language();

/// A world of its own: the seed records copied and indexed, and a small web root with a secret beside it.
class SeedWorld {
public:
    SeedWorld();
    const std::filesystem::path& db() const { return db_; }
    const std::filesystem::path& seeds() const { return seeds_; }
    const std::filesystem::path& web() const { return web_; }
    const TempDir& dir() const { return dir_; }

private:
    TempDir dir_;
    std::filesystem::path seeds_;
    std::filesystem::path db_;
    std::filesystem::path web_;
};

/// A Server listening on 127.0.0.1 with an ephemeral port until destroyed.
class TestServer {
public:
    TestServer(const std::filesystem::path& db, const std::filesystem::path& web, std::size_t threads = 4);
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;
    ~TestServer();

    int port() const { return port_; }

    /// A client that sends paths exactly as written (no re-encoding) and never follows redirects.
    httplib::Client client() const;

    /// GET `path_and_query`; fails the test when no response arrives.
    httplib::Response get(const std::string& path_and_query) const;

    /// Sends `bytes` as they are and returns everything the server answers until it closes or pauses.
    std::string raw(const std::string& bytes) const;

private:
    server::Server server_;
    int port_ = -1;
    std::thread thread_;
};

/// The body of `res` parsed as JSON (fails the test when it is not).
nlohmann::json json_of(const httplib::Response& res);

/// "%E9%97%B4" for 间: percent-encodes every byte outside unreserved ASCII.
std::string url_encode(std::string_view text);

}  // namespace duet::testing
