// duet-serve's HTTP server: the search API and the page, over a pool of read-only searchers.
#pragma once

#include "analyzer.h"
#include "folding.h"
#include "searcher_pool.h"
#include "static_files.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include <httplib.h>

namespace duet::server {

/// What to serve and how; validated by the caller (duet-serve's options).
struct ServerConfig {
    std::filesystem::path db;
    std::filesystem::path web;                    ///< the page's files; a missing directory serves no page
    std::size_t threads = 4;                      ///< worker threads, and at most as many open searchers
    std::function<void(const std::string&)> log;  ///< receives one line per request; empty: no log
    const search::CrossLanguage* cross = nullptr; ///< bilingual terms for queries (may be null); must outlive the server
};

/// What the routes use: shared by all worker threads (the pool hands out per-thread searchers).
struct Services {
    SearcherPool& pool;
    const analysis::Folding& folding;
    const StaticFiles& files;
};

/// An HTTP server bound to one address. bind() then listen() (which blocks until stop()).
class Server {
public:
    /// Opens the index (throws search::IndexUnusable when it cannot be searched) and installs the routes.
    Server(const ServerConfig& config, const analysis::Analyzer& prototype);
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds `host`:`port` (0: any free port); returns the port, or -1 when binding failed.
    int bind(const std::string& host, int port);

    /// Serves until stop(); false when it could not run.
    bool listen();

    /// Makes listen() return after the requests in flight; callable from any thread.
    void stop();

    /// True while listen() is accepting connections.
    bool is_running() const;

private:
    SearcherPool pool_;
    analysis::Folding folding_;
    StaticFiles files_;
    Services services_;
    httplib::Server http_;
};

}  // namespace duet::server
