// bench_baseline: plain Xapian 1.4 (BM25, English stemmer, CJK n-grams) as the reference the quality bench compares Duet with.
//
//   bench_baseline index --db DIR CORPUS.jsonl   BEIR {"_id","title","text"} or CSL {"id","title","abstract","keywords"}
//   bench_baseline run --db DIR QUERIES          BEIR queries.jsonl {"_id","text"} or qid<TAB>query lines -> TREC run
//
// Deliberately nothing of Duet's own: TermGenerator and QueryParser do all the analysis, so the numbers show what
// stock Xapian gives on the same data. Unique ids go in as a boolean term (and as the document data).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace {

using nlohmann::json;

// Xapian's conventional prefix for a unique id; the baseline shares no schema with Duet on purpose.
constexpr std::string_view kIdPrefix = "Q";
// The fields a record's searchable text is made of, in this order; all get the same weight.
constexpr const char* kTextFields[] = {"title", "text", "abstract", "keywords"};
constexpr const char* kIdFields[] = {"_id", "id", "pmid"};
constexpr const char* kRunTag = "xapian";

struct Options {
    std::string command;
    std::string db;
    std::string input;
    unsigned depth = 100;
};

void usage(std::FILE* to) {
    fmt::print(to,
               "usage: bench_baseline index --db DIR CORPUS.jsonl\n"
               "       bench_baseline run --db DIR [--depth N] QUERIES(.jsonl|.tsv|-)\n"
               "Plain Xapian BM25 baseline for bench/quality.sh (TermGenerator/QueryParser, English stemmer, CJK n-grams).\n");
}

// Returns false (after printing why) when the command line is unusable.
bool parse_args(int argc, char** argv, Options& options) {
    if (argc < 2) return false;
    options.command = argv[1];
    if (options.command != "index" && options.command != "run") return false;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--db" || arg == "--depth") && i + 1 >= argc) {
            fmt::print(stderr, "bench_baseline: {} needs a value\n", arg);
            return false;
        }
        if (arg == "--db") {
            options.db = argv[++i];
        } else if (arg == "--depth") {
            const long depth = std::strtol(argv[++i], nullptr, 10);
            if (depth < 1 || depth > 100000) {
                fmt::print(stderr, "bench_baseline: --depth must be 1..100000\n");
                return false;
            }
            options.depth = static_cast<unsigned>(depth);
        } else if (arg == "-h" || arg == "--help") {
            return false;
        } else if (arg.size() > 1 && arg.front() == '-' && arg != "-") {
            fmt::print(stderr, "bench_baseline: unknown option {}\n", arg);
            return false;
        } else if (options.input.empty()) {
            options.input = arg;
        } else {
            fmt::print(stderr, "bench_baseline: one input file only (got {} and {})\n", options.input, arg);
            return false;
        }
    }
    if (options.db.empty() || options.input.empty()) {
        fmt::print(stderr, "bench_baseline: --db and an input file are required\n");
        return false;
    }
    return true;
}

// A JSON value as text: strings as they are, integers in decimal, lists of strings one per line.
std::string as_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_array()) {
        std::string out;
        for (const json& item : value) {
            const std::string part = as_text(item);
            if (part.empty()) continue;
            if (!out.empty()) out += '\n';
            out += part;
        }
        return out;
    }
    return {};
}

template <std::size_t N>
std::string first_text(const json& object, const char* const (&keys)[N]) {
    for (const char* key : keys) {
        const auto it = object.find(key);
        if (it == object.end()) continue;
        std::string value = as_text(*it);
        if (!value.empty()) return value;
    }
    return {};
}

class InputFile {
  public:
    explicit InputFile(const std::string& path) : stdin_(path == "-") {
        if (!stdin_) file_.open(path);
    }
    bool ok() const { return stdin_ || file_.is_open(); }
    std::istream& stream() { return stdin_ ? std::cin : file_; }

  private:
    bool stdin_;
    std::ifstream file_;
};

// Reads lines, strips a trailing CR, skips blank ones; calls fn(line_number, line).
template <typename Fn>
void for_each_line(std::istream& in, Fn&& fn) {
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        fn(n, line);
    }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_index(const Options& options) {
    InputFile input(options.input);
    if (!input.ok()) {
        fmt::print(stderr, "bench_baseline: cannot read {}\n", options.input);
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(options.db, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);

    std::size_t indexed = 0;
    std::size_t skipped = 0;
    for_each_line(input.stream(), [&](std::size_t n, const std::string& line) {
        const json record = json::parse(line, nullptr, false);
        const std::string id = record.is_object() ? first_text(record, kIdFields) : std::string{};
        if (id.empty()) {
            if (++skipped <= 5) fmt::print(stderr, "bench_baseline: {}:{}: not a JSON object with an id, skipped\n",
                                           options.input, n);
            return;
        }
        Xapian::Document doc;
        generator.set_document(doc);
        for (const char* field : kTextFields) {
            const auto it = record.find(field);
            if (it == record.end()) continue;
            const std::string text = as_text(*it);
            if (text.empty()) continue;
            generator.index_text(text);
            generator.increase_termpos();  // no phrase across field boundaries
        }
        const std::string id_term = std::string(kIdPrefix) + id;
        doc.set_data(id);
        doc.add_boolean_term(id_term);
        db.replace_document(id_term, doc);
        ++indexed;
    });
    db.commit();
    fmt::print(stderr, "bench_baseline: indexed {} documents into {} ({} lines skipped) in {:.2f} s\n", indexed,
               options.db, skipped, seconds_since(start));
    return 0;
}

struct RunQuery {
    std::string id;
    std::string text;
};

std::vector<RunQuery> read_queries(std::istream& in, const std::string& path) {
    std::vector<RunQuery> queries;
    for_each_line(in, [&](std::size_t n, const std::string& line) {
        if (line[line.find_first_not_of(" \t")] == '{') {
            const json j = json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("_id") && j.contains("text")) {
                queries.push_back({as_text(j["_id"]), as_text(j["text"])});
                return;
            }
            fmt::print(stderr, "bench_baseline: {}:{}: expected a JSON object with \"_id\" and \"text\", skipped\n",
                       path, n);
            return;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) {
            fmt::print(stderr, "bench_baseline: {}:{}: expected qid<TAB>query, skipped\n", path, n);
            return;
        }
        queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
    });
    return queries;
}

// How often the prescribed parse failed and a simpler form answered instead.
struct Fallbacks {
    std::size_t no_syntax = 0;  // parsed again with FLAG_CJK_NGRAM only (no boolean/phrase/love-hate syntax)
    std::size_t term_or = 0;    // parser gave up: OR of the terms TermGenerator makes from the query
};

class BaselineParser {
  public:
    explicit BaselineParser(const Xapian::Database& db) {
        parser_.set_database(db);
        parser_.set_stemmer(Xapian::Stem("english"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_OR);
        generator_.set_stemmer(Xapian::Stem("english"));
        generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    }

    Xapian::Query parse(const std::string& text, Fallbacks& fallbacks) {
        try {
            return parser_.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
        } catch (const Xapian::QueryParserError&) {
            ++fallbacks.no_syntax;
        }
        try {
            return parser_.parse_query(text, Xapian::QueryParser::FLAG_CJK_NGRAM);
        } catch (const Xapian::QueryParserError&) {
            --fallbacks.no_syntax;
            ++fallbacks.term_or;
        }
        return or_of_terms(text);
    }

  private:
    Xapian::Query or_of_terms(const std::string& text) {
        Xapian::Document scratch;
        generator_.set_document(scratch);
        generator_.index_text(text);
        std::vector<std::string> terms(scratch.termlist_begin(), scratch.termlist_end());
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }

    Xapian::QueryParser parser_;
    Xapian::TermGenerator generator_;
};

int run_queries(const Options& options) {
    InputFile input(options.input);
    if (!input.ok()) {
        fmt::print(stderr, "bench_baseline: cannot read queries file {}\n", options.input);
        return 2;
    }
    const std::vector<RunQuery> queries = read_queries(input.stream(), options.input);
    const auto start = std::chrono::steady_clock::now();
    Xapian::Database db(options.db);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());  // the defaults: k1=1, k2=0, k3=1, b=0.5, min_normlen=0.5
    BaselineParser parser(db);
    Fallbacks fallbacks;
    std::size_t empty = 0;
    std::string out;
    for (const RunQuery& q : queries) {
        const Xapian::Query query = parser.parse(q.text, fallbacks);
        if (query.empty()) {
            ++empty;
            continue;
        }
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, options.depth);
        unsigned rank = 1;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            out += fmt::format("{} Q0 {} {} {:.6f} {}\n", q.id, it.get_document().get_data(), rank++, it.get_weight(),
                               kRunTag);
        }
        if (out.size() > (1U << 20)) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    fmt::print(stderr,
               "bench_baseline: {} queries in {:.2f} s; parse fallbacks: {} without query syntax, {} as an OR of terms; "
               "{} queries had no terms\n",
               queries.size(), seconds_since(start), fallbacks.no_syntax, fallbacks.term_or, empty);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_args(argc, argv, options)) {
        usage(stderr);
        return 2;
    }
    try {
        return options.command == "index" ? run_index(options) : run_queries(options);
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "bench_baseline: {}: {}\n", e.get_type(), e.get_msg());
        return 4;
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench_baseline: {}\n", e.what());
        return 2;
    }
}
