// duet-index: turns record files into a Xapian database, incrementally, once or on a schedule (--watch).
#include "analyzer.h"
#include "change_watcher.h"
#include "index_compact.h"
#include "index_run.h"
#include "index_stats.h"
#include "progress_reporter.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

namespace {

// Signal handlers can only reach process-wide state: a flag the run polls and a pipe that wakes the wait.
std::atomic<bool> g_stop{false};
int g_wake_pipe[2] = {-1, -1};

void on_signal(int) {
    g_stop = true;
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_wake_pipe[1], &byte, 1);
}

void install_stop_handlers() {
    if (::pipe(g_wake_pipe) != 0) return;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int index_once(const duet::IndexOptions& options, const duet::analysis::Analyzer& analyzer) {
    duet::ProgressReporter reporter(stderr, isatty(STDERR_FILENO) != 0);
    const duet::IndexSummary summary = duet::run_index(options, analyzer, reporter);
    reporter.finish();
    fmt::print(stderr, "duet-index: {}{}\n", duet::summary_line(summary),
               summary.interrupted ? " (interrupted: the next run finishes the job)" : "");
    return 0;
}

// Re-runs the incremental pass every `seconds`, or sooner when files change, until SIGINT/SIGTERM.
int watch(const duet::IndexOptions& options, const duet::analysis::Analyzer& analyzer, unsigned seconds) {
    while (!g_stop) {
        try {
            index_once(options, analyzer);
        } catch (const duet::IndexError& e) {
            // A busy database (another indexer, a rebuild) is expected now and then; try again next pass.
            if (e.kind() != duet::IndexError::Kind::Locked) throw;
            fmt::print(stderr, "duet-index: {}; retrying in {} s\n", e.what(), seconds);
        }
        if (g_stop) break;
        duet::ChangeWatcher watcher(options.sources);
        watcher.wait(std::chrono::seconds(seconds), g_wake_pipe[0]);
    }
    fmt::print(stderr, "duet-index: stopped\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"duet-index: index scholarly records (.txt, .jsonl) into a Xapian database.\n"
                 "Incremental: unchanged files are skipped, changed ones replaced, vanished ones deleted."};
    duet::IndexOptions options;
    options.db = "var/index";
    std::string data_dir = duet::analysis::default_data_dir().string();
    std::size_t max_record_mb = options.limits.max_record_bytes >> 20;
    unsigned watch_seconds = 0;
    bool stats = false;
    app.add_option("--db", options.db, "database (a stub file naming the live generation; created if missing)")
        ->capture_default_str();
    app.add_option("sources", options.sources, "files or directories of records");
    app.add_option("--data", data_dir, "directory holding stopwords/ and lexicon/")->capture_default_str();
    app.add_option("--commit-every", options.commit_every, "documents per commit")->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--max-record-mb", max_record_mb, "skip records larger than this")->check(CLI::PositiveNumber)
        ->capture_default_str();
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    app.add_option("--threads", options.threads, "threads analysing records; a new or rebuilt index is also written by this many")
        ->check(CLI::Range(1, 64))->capture_default_str();
    app.add_option("--shards", options.shards, "split the index into N shard databases (records routed by id); "
                                                "changing N rebuilds")->check(CLI::Range(1, 256));
    app.add_flag("--rebuild", options.rebuild, "index everything again into a fresh generation, then switch to it");
    app.add_option("--watch", watch_seconds, "keep indexing: a pass every SECONDS (sooner when files change) "
                                             "until SIGINT/SIGTERM")->check(CLI::Range(1, 86400));
    app.add_flag("--stats", stats, "print what the index holds and exit");
    bool compact = false;
    app.add_flag("--compact", compact, "compact the index into a new generation (xapian-compact) and switch to it");
    CLI11_PARSE(app, argc, argv);
    options.limits.max_record_bytes = max_record_mb << 20;
    options.stop = &g_stop;

    try {
        if (stats) {
            fmt::print("{}", duet::index_stats_text(duet::read_index_stats(options.db)));
            return 0;
        }
        if (compact) {
            fmt::print(stderr, "duet-index: compacted into {}\n", duet::compact_index(options.db).string());
            return 0;
        }
        if (options.sources.empty()) {
            fmt::print(stderr, "duet-index: give SOURCE files or directories to index (or --stats)\n");
            return 2;
        }
        const duet::analysis::Analyzer analyzer(duet::analysis::AnalyzerConfig::standard(data_dir));
        // SIGINT/SIGTERM end a run after the file in hand, committed: nothing is half-written either way.
        install_stop_handlers();
        if (watch_seconds > 0) return watch(options, analyzer, watch_seconds);
        return index_once(options, analyzer);
    } catch (const duet::IndexError& e) {
        fmt::print(stderr, "duet-index: {}\n", e.what());
        return 3;
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "duet-index: database error: {}: {}\n", e.get_type(), e.get_msg());
        return 4;
    } catch (const std::exception& e) {
        fmt::print(stderr, "duet-index: {}\n", e.what());
        return 2;
    }
}
