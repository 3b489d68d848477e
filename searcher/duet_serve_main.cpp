// duet-serve: the search API and the search page over HTTP, read-only, on loopback by default.
#include "analyzer.h"
#include "cross_language.h"
#include "listen_address.h"
#include "searcher.h"
#include "server.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <pthread.h>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#ifndef DUET_WEB_DIR
#define DUET_WEB_DIR "web"
#endif

namespace {

std::mutex log_mutex;

void print_log(const std::string& line) {
    const std::lock_guard lock(log_mutex);
    fmt::print(stderr, "{}\n", line);
}

// SIGINT and SIGTERM are blocked in every thread and taken by sigwait() in this one, so stopping the
// server runs as ordinary code rather than inside a signal handler.
class SignalWatcher {
public:
    SignalWatcher() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        // A shell starts background jobs with SIGINT ignored, and an ignored signal is discarded rather
        // than left for sigwait(): take the default back (blocked, so it never runs).
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);  // before any other thread exists: they inherit it
    }

    void watch(duet::server::Server& server) {
        thread_ = std::thread([this, &server] {
            int signal = 0;
            sigwait(&signals_, &signal);
            if (done_) return;
            print_log(fmt::format("duet-serve: {}, stopping", signal == SIGINT ? "interrupted" : "terminated"));
            // stop() is a no-op until listen() has started: repeat until the server is down.
            while (!done_) {
                server.stop();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }

    /// Ends the watch; call it before the watched server is destroyed.
    void finish() {
        done_ = true;
        if (thread_.joinable()) {
            pthread_kill(thread_.native_handle(), SIGTERM);  // wakes sigwait if no signal came
            thread_.join();
        }
    }

    ~SignalWatcher() { finish(); }

private:
    sigset_t signals_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"duet-serve: the Duet search API and search page over HTTP."};
    std::string db = "var/index";
    std::string listen = "127.0.0.1:8080";
    // Each open connection holds a worker while it idles (keep-alive), and a browser opens six: fewer
    // workers than that make page loads wait for idle connections to time out.
    std::size_t threads = std::max(8u, std::thread::hardware_concurrency());
    std::string web = DUET_WEB_DIR;
    std::string data_dir = duet::analysis::default_data_dir().string();
    app.add_option("--db", db, "database directory (opened read-only)")->capture_default_str();
    app.add_option("--listen", listen, "HOST:PORT to accept connections on (port 0: any free port)")
        ->capture_default_str();
    app.add_option("--threads", threads, "worker threads = connections served at once (each with its own searcher)")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.add_option("--web", web, "directory of the search page's files")->capture_default_str();
    app.add_option("--data", data_dir, "directory holding stopwords/ and lexicon/")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    const auto address = duet::server::parse_listen_address(listen);
    if (!address) {
        fmt::print(stderr, "duet-serve: --listen wants HOST:PORT (e.g. 127.0.0.1:8080), not \"{}\"\n", listen);
        return 2;
    }
    SignalWatcher signals;
    try {
        const duet::analysis::Analyzer analyzer(duet::analysis::AnalyzerConfig::standard(data_dir));
        duet::analysis::Analyzer list_analyzer(analyzer);
        // The same bilingual list duet-search uses, so the page and the command line rank alike.
        const duet::search::CrossLanguage cross = duet::search::CrossLanguage::load(
            duet::search::CrossLanguage::standard_list(data_dir), list_analyzer);
        duet::server::ServerConfig config{db, web, threads, print_log, &cross};
        duet::server::Server server(config, analyzer);
        if (!std::filesystem::is_regular_file(std::filesystem::path(web) / "index.html")) {
            fmt::print(stderr, "duet-serve: warning: no index.html in {}: the API works, the page will not\n", web);
        }
        const int port = server.bind(address->host, address->port);
        if (port < 0) {
            fmt::print(stderr, "duet-serve: cannot listen on {}:{} (in use, or not an address of this machine)\n",
                       address->host, address->port);
            return 2;
        }
        signals.watch(server);
        const bool v6 = address->host.find(':') != std::string::npos;
        print_log(fmt::format("duet-serve: serving {} on http://{}{}{}:{}/ with {} threads", db, v6 ? "[" : "",
                        address->host, v6 ? "]" : "", port, threads));
        const bool clean = server.listen();
        signals.finish();
        if (!clean) {
            fmt::print(stderr, "duet-serve: the server stopped with an error\n");
            return 4;
        }
        print_log("duet-serve: stopped");
        return 0;
    } catch (const duet::search::IndexUnusable& e) {
        fmt::print(stderr, "duet-serve: {}\n", e.what());
        return 3;
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "duet-serve: database error: {}: {}\n", e.get_type(), e.get_msg());
        return 4;
    } catch (const std::exception& e) {
        fmt::print(stderr, "duet-serve: {}\n", e.what());
        return 2;
    }
}
