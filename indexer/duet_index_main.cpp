// duet-index: turns record files into a Xapian database, incrementally.
#include "analyzer.h"
#include "index_run.h"
#include "progress_reporter.h"

#include <algorithm>
#include <cstdio>
#include <thread>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

int main(int argc, char** argv) {
    CLI::App app{"duet-index: index scholarly records (.txt, .jsonl) into a Xapian database.\n"
                 "Incremental: unchanged files are skipped, changed ones replaced, vanished ones deleted."};
    duet::IndexOptions options;
    options.db = "var/index";
    std::string data_dir = duet::analysis::default_data_dir().string();
    std::size_t max_record_mb = options.limits.max_record_bytes >> 20;
    app.add_option("--db", options.db, "database directory (created if missing)")->capture_default_str();
    app.add_option("sources", options.sources, "files or directories of records")->required();
    app.add_option("--data", data_dir, "directory holding stopwords/ and lexicon/")->capture_default_str();
    app.add_option("--commit-every", options.commit_every, "documents per commit")->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--max-record-mb", max_record_mb, "skip records larger than this")->check(CLI::PositiveNumber)
        ->capture_default_str();
    options.threads = std::max(1u, std::thread::hardware_concurrency());
    app.add_option("--threads", options.threads, "threads analysing records (one more writes)")
        ->check(CLI::Range(1, 64))->capture_default_str();
    app.add_flag("--rebuild", options.rebuild, "discard the database's contents and index everything again");
    CLI11_PARSE(app, argc, argv);
    options.limits.max_record_bytes = max_record_mb << 20;

    try {
        duet::analysis::Analyzer analyzer(duet::analysis::AnalyzerConfig::standard(data_dir));
        duet::ProgressReporter reporter(stderr, isatty(STDERR_FILENO) != 0);
        const duet::IndexSummary summary = duet::run_index(options, analyzer, reporter);
        reporter.finish();
        fmt::print(stderr, "duet-index: {}\n", duet::summary_line(summary));
        return 0;
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
