// duet-search: ranked, highlighted results from the command line, or a TREC run for evaluation.
#include "analyzer.h"
#include "cross_language.h"
#include "result_format.h"
#include "run_mode.h"
#include "searcher.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

namespace {

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

int run_batch(duet::search::Searcher& searcher, const std::string& path, std::size_t depth) {
    std::ifstream file;
    if (path != "-") {
        file.open(path);
        if (!file) {
            fmt::print(stderr, "duet-search: cannot read queries file {}\n", path);
            return 2;
        }
    }
    std::vector<std::string> problems;
    const auto queries = duet::search::read_run_queries(path == "-" ? std::cin : file, problems);
    for (const auto& p : problems) fmt::print(stderr, "duet-search: {}: skipped {}\n", path, p);
    duet::search::write_run(searcher, queries, depth, std::cout);
    return 0;
}

// The query words CLI11 read as positionals and as extras, merged back into the order they were typed in.
std::vector<std::string> in_typed_order(int argc, char** argv, const std::vector<std::string>& positional,
                                        const std::vector<std::string>& extras) {
    std::vector<std::string> out;
    std::size_t p = 0;
    std::size_t e = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (p < positional.size() && arg == positional[p]) {
            out.push_back(positional[p++]);
        } else if (e < extras.size() && arg == extras[e]) {
            out.push_back(extras[e++]);
        }
    }
    // Whatever did not line up (CLI11 split an argument) keeps CLI11's order.
    out.insert(out.end(), positional.begin() + static_cast<std::ptrdiff_t>(p), positional.end());
    out.insert(out.end(), extras.begin() + static_cast<std::ptrdiff_t>(e), extras.end());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"duet-search: search a Duet index in English and Chinese."};
    std::string db = "var/index";
    std::vector<std::string> words;
    duet::search::SearchRequest request;
    bool json = false;
    std::string run_file;
    std::size_t depth = 100;
    std::string data_dir = duet::analysis::default_data_dir().string();
    app.add_option("--db", db, "database directory")->capture_default_str();
    app.add_option("--limit", request.limit, "hits per page")->check(CLI::Range(1, 1000))->capture_default_str();
    app.add_option("--offset", request.offset, "hits to skip")->check(CLI::Range(0, 100000))->capture_default_str();
    app.add_flag("--json", json, "print the JSON document the HTTP API returns");
    bool explain = false;
    app.add_flag("--explain", explain, "print the query as Xapian sees it, on stderr");
    std::string like_id;
    app.add_option("--like", like_id, "records like the one with this id");
    app.add_option("--run", run_file, "batch mode: queries file (qid<TAB>query or BEIR jsonl, - for stdin) -> TREC run");
    app.add_option("--depth", depth, "hits per query in --run mode")->check(CLI::Range(1, 10000))->capture_default_str();
    app.add_option("--data", data_dir, "directory holding stopwords/ and lexicon/")->capture_default_str();
    app.add_option("query", words, "the query (quote it or not)");
    duet::search::Ranking ranking;
    auto* tuning = app.add_option_group("Ranking", "override tuned ranking parameters (for experiments)");
    const std::map<std::string, duet::search::Weighting> weightings{{"ineb2", duet::search::Weighting::ineb2},
                                                                     {"bm25", duet::search::Weighting::bm25}};
    tuning->add_option("--weighting", ranking.weighting, "weighting scheme: ineb2 or bm25")
        ->transform(CLI::CheckedTransformer(weightings, CLI::ignore_case))
        ->option_text("ineb2|bm25 (default ineb2)");
    tuning->add_option("--c", ranking.ineb2_c, "IneB2 c")->check(CLI::PositiveNumber)->capture_default_str();
    tuning->add_option("--k1", ranking.bm25_k1, "BM25 k1")->capture_default_str();
    tuning->add_option("--b", ranking.bm25_b, "BM25 b")->capture_default_str();
    tuning->add_option("--bigram-weight", ranking.bigram, "weight of Han bigrams")->capture_default_str();
    tuning->add_option("--proximity-weight", ranking.proximity, "weight of query word pairs found near each other")
        ->capture_default_str();
    tuning->add_option("--proximity-window", ranking.proximity_window, "window of a near pair")->capture_default_str();
    tuning->add_option("--rerank-depth", ranking.rerank_depth, "best records of a first pass that pairs are scored on")
        ->capture_default_str();
    tuning->add_option("--proximity-max-words", ranking.proximity_max_words,
                       "only texts of at most this many words get near pairs (0: any length)")
        ->capture_default_str();
    tuning->add_option("--long-proximity-weight", ranking.long_proximity,
                       "weight of the near pairs of texts longer than --proximity-max-words (0: none)")
        ->capture_default_str();
    tuning->add_option("--long-proximity-window", ranking.long_proximity_window, "window of a longer text's pair")
        ->capture_default_str();
    tuning->add_option("--long-rerank-depth", ranking.long_rerank_depth,
                       "best records of a first pass that a longer text's pairs are scored on")
        ->capture_default_str();
    tuning->add_option("--unigram-weight", ranking.unigram, "weight of Han unigrams")->capture_default_str();
    tuning->add_option("--max-words", ranking.max_words,
                       "words (and, apart, bigrams) a text searches, the rarest (0: all)")
        ->capture_default_str();
    tuning->add_option("--max-unigrams", ranking.max_unigrams, "distinct Han unigrams a text adds, the rarest (0: all)")
        ->capture_default_str();
    tuning->add_option("--expansion-weight", ranking.expansion, "weight of cross-language terms")->capture_default_str();
    tuning->add_option("--max-expansions", ranking.max_expansions, "query terms that may bring in translations")
        ->capture_default_str();
    tuning->add_option("--calibrate-expansions", ranking.calibrate_expansions,
                       "weigh translations by the typed terms they translate in this database (true|false)")
        ->capture_default_str();
    // A query may exclude words (knee -mouse): arguments CLI11 takes for unknown short options are query words,
    // in the order typed. An unknown long option (--limt) is still an error, not something to search for.
    app.allow_extras();
    CLI11_PARSE(app, argc, argv);
    std::vector<std::string> extras = app.remaining();
    // CLI11 hands back the "--" that ends the options; it is no query word.
    extras.erase(std::remove(extras.begin(), extras.end(), "--"), extras.end());
    for (const std::string& extra : extras) {
        if (extra.rfind("--", 0) == 0) {
            fmt::print(stderr, "duet-search: unknown option {} (a query word starting with -- needs quotes and a "
                               "space, or -- before the query)\nRun with --help for more information.\n", extra);
            return 2;
        }
    }
    words = in_typed_order(argc, argv, words, extras);
    if (run_file.empty() && words.empty() && like_id.empty()) {
        fmt::print(stderr, "duet-search: give a QUERY, --like ID, or --run FILE for batch mode\n{}", app.help());
        return 2;
    }
    try {
        const duet::analysis::Analyzer analyzer(duet::analysis::AnalyzerConfig::standard(data_dir));
        duet::analysis::Analyzer list_analyzer(analyzer);
        const duet::search::CrossLanguage cross = duet::search::CrossLanguage::load(
            duet::search::CrossLanguage::standard_list(data_dir), list_analyzer);
        // A table of every record's length (50 ms at 1M records) pays for itself over a batch, not one query.
        const auto lengths = run_file.empty() ? duet::search::Lengths::FromIndex : duet::search::Lengths::InMemory;
        duet::search::Searcher searcher(db, analyzer, ranking, &cross, lengths);
        if (!run_file.empty()) return run_batch(searcher, run_file, depth);
        request.query = join(words);
        if (explain) fmt::print(stderr, "{}\n", searcher.explain(request.query));
        std::optional<duet::search::SearchResult> found;
        if (!like_id.empty()) {
            found = searcher.like(like_id, request.limit, request.offset);
            if (!found) {
                fmt::print(stderr, "duet-search: no record with id {} in {}\n", like_id, db);
                return 1;
            }
        } else {
            found = searcher.search(request);
        }
        const duet::search::SearchResult& result = *found;
        if (json) {
            std::cout << duet::search::result_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                      << "\n";
        } else {
            std::cout << duet::search::result_text(result, isatty(STDOUT_FILENO) != 0);
        }
        return 0;
    } catch (const duet::search::IndexUnusable& e) {
        fmt::print(stderr, "duet-search: {}\n", e.what());
        return 3;
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "duet-search: database error: {}: {}\n", e.get_type(), e.get_msg());
        return 4;
    } catch (const std::exception& e) {
        fmt::print(stderr, "duet-search: {}\n", e.what());
        return 2;
    }
}
