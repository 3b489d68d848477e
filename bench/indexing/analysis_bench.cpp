// bench_analysis: the CPU cost of duet-index's own work per record, without the database.
//
// Reads every record under a corpus directory into memory (the scale corpus of bench/scale.sh, or any
// directory of .txt/.jsonl records), then times, on one thread, each pass over all records:
//   icu       ICU's word BreakIterator (locale zh) over the same texts the analyzer reads: the baseline,
//             measured in the same run so that the ratio survives a noisy machine;
//   analyze   Duet's analyzer over those texts (folding, Chinese segmentation, compounds, stemming);
//   build     build_document(): analysis plus the Xapian::Document and the stored record, which is all
//             duet-index does per record before the database write path.
// Passes alternate for --rounds rounds; each figure is the median round, in thread CPU time (a VM's stolen
// time does not count). Prints a table, and with --json one JSON object.
#include "analyzer.h"
#include "document_builder.h"
#include "record_reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace {

using duet::records::Record;

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The texts build_document() analyses, in its order.
std::vector<std::string_view> texts_of(const Record& r) {
    std::vector<std::string_view> texts{r.title, r.title_zh, r.abstract, r.abstract_zh, r.body, r.title, r.title_zh,
                                        r.journal};
    for (const auto& k : r.keywords) texts.emplace_back(k);
    for (const auto& a : r.authors) texts.emplace_back(a);
    return texts;
}

std::vector<Record> load(const std::filesystem::path& root, std::size_t limit, std::size_t& failed) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() &&
            duet::records::format_of(entry.path()) != duet::records::FileFormat::Unsupported) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Record> records;
    for (const auto& file : files) {
        if (records.size() >= limit) break;
        duet::records::read_records(file, file.lexically_relative(root).string(), {}, [&](auto&& result) {
            if (auto* r = std::get_if<Record>(&result)) {
                records.push_back(std::move(*r));
            } else {
                ++failed;
            }
        });
    }
    if (records.size() > limit) records.resize(limit);
    return records;
}

struct Pass {
    std::string name;
    std::vector<double> seconds;
    std::size_t units = 0;  // words, tokens or documents counted by the pass (the same every round)

    double median() const {
        std::vector<double> s = seconds;
        std::sort(s.begin(), s.end());
        return s[s.size() / 2];
    }
};

std::size_t icu_pass(const std::vector<Record>& records, icu::BreakIterator& words) {
    std::size_t count = 0;
    UErrorCode status = U_ZERO_ERROR;
    UText* text = nullptr;
    for (const Record& r : records) {
        for (const std::string_view t : texts_of(r)) {
            if (t.empty()) continue;
            text = utext_openUTF8(text, t.data(), static_cast<int64_t>(t.size()), &status);
            words.setText(text, status);
            for (int32_t end = words.next(); end != icu::BreakIterator::DONE; end = words.next()) {
                if (words.getRuleStatus() != UBRK_WORD_NONE) ++count;
            }
        }
    }
    utext_close(text);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU failed: ") + u_errorName(status));
    return count;
}

std::size_t analyze_pass(const std::vector<Record>& records, duet::analysis::Analyzer& analyzer) {
    std::size_t count = 0;
    std::vector<duet::analysis::Token> tokens;
    for (const Record& r : records) {
        for (const std::string_view t : texts_of(r)) {
            tokens.clear();
            analyzer.analyze(t, 1, tokens);
            count += tokens.size();
        }
    }
    return count;
}

std::size_t build_pass(const std::vector<Record>& records, duet::analysis::Analyzer& analyzer) {
    std::size_t terms = 0;
    for (const Record& r : records) terms += duet::build_document(r, "bench", analyzer).document.termlist_count();
    return terms;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_analysis: duet-index's per-record CPU cost without the database, against ICU"};
    std::string corpus;
    std::string data_dir = duet::analysis::default_data_dir().string();
    std::size_t limit = 10'000;
    int rounds = 3;
    bool json = false;
    std::string only;
    app.add_option("corpus", corpus, "directory of .txt/.jsonl records")->required()->check(CLI::ExistingDirectory);
    app.add_option("--data", data_dir, "directory holding stopwords/ and lexicon/")->capture_default_str();
    app.add_option("--records", limit, "records to read (the first N files in path order)")->capture_default_str();
    app.add_option("--rounds", rounds, "rounds of each pass; the median counts")->check(CLI::Range(1, 99))
        ->capture_default_str();
    app.add_flag("--json", json, "also print one JSON object");
    app.add_option("--only", only, "run one pass (for profiling it)")->check(CLI::IsMember({"icu", "analyze", "build"}));
    CLI11_PARSE(app, argc, argv);

    try {
        std::size_t failed = 0;
        const double load_start = thread_cpu_seconds();
        const std::vector<Record> records = load(corpus, limit, failed);
        const double load_seconds = thread_cpu_seconds() - load_start;
        std::size_t bytes = 0;
        for (const Record& r : records) {
            for (const std::string_view t : texts_of(r)) bytes += t.size();
        }
        if (records.empty()) throw std::runtime_error("no records under " + corpus);

        duet::analysis::Analyzer analyzer(duet::analysis::AnalyzerConfig::standard(data_dir));
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(),
                                                                                          status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break: ") + u_errorName(status));

        std::vector<Pass> passes{{"icu", {}, 0}, {"analyze", {}, 0}, {"build", {}, 0}};
        if (!only.empty()) std::erase_if(passes, [&](const Pass& p) { return p.name != only; });
        for (int round = 0; round < rounds; ++round) {
            for (Pass& p : passes) {
                const double start = thread_cpu_seconds();
                if (p.name == "icu") p.units = icu_pass(records, *words);
                if (p.name == "analyze") p.units = analyze_pass(records, analyzer);
                if (p.name == "build") p.units = build_pass(records, analyzer);
                p.seconds.push_back(thread_cpu_seconds() - start);
            }
        }

        const double mb = static_cast<double>(bytes) / 1e6;
        const double n = static_cast<double>(records.size());
        fmt::print("bench_analysis: {} records ({} unreadable), {:.1f} MB of analysed text, read in {:.2f} CPU-s; "
                   "{} rounds, median, one thread\n\n",
                   records.size(), failed, mb, load_seconds, rounds);
        fmt::print("| pass | CPU s | MB/s | records/s | units | vs icu |\n|---|---|---|---|---|---|\n");
        const double icu_seconds = passes.front().median();
        for (const Pass& p : passes) {
            const double s = p.median();
            const char* unit = p.name == "icu" ? "words" : p.name == "analyze" ? "tokens" : "distinct terms";
            fmt::print("| {} | {:.2f} | {:.1f} | {:.0f} | {} {} | {:.2f}x the time |\n", p.name, s, mb / s, n / s,
                       p.units, unit, s / icu_seconds);
        }
        if (json) {
            fmt::print("{{\"records\": {}, \"mb\": {:.3f}", records.size(), mb);
            for (const Pass& p : passes) fmt::print(", \"{}_cpu_s\": {:.4f}", p.name, p.median());
            fmt::print("}}\n");
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench_analysis: {}\n", e.what());
        return 1;
    }
    return 0;
}
