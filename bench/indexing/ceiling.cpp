// bench_ceiling: what the libraries alone can do on the scale corpus, as a ceiling for duet-index.
//
// Reads the flat CSV that fts5_convert.py writes (id,title,abstract,body; RFC 4180 quoting) into memory, then
// times, one thread each, with the input already in memory:
//   1. ICU segmentation: a BreakIterator word instance (locale zh, so Han text goes through ICU's dictionary)
//      over every line of every field, read in place as UTF-8 (UText), counting word-status segments.
//      Lines holding a Han character count as Chinese, the others as English.
//   2. Xapian add_document of pre-tokenised documents into a fresh glass database, once with positions
//      (add_posting) and once without (add_term). Tokens are ICU's word segments, ASCII-lowercased, made
//      beforehand (not timed). Each document also gets its id term (Q…) and the row's text as its data, and
//      the database is committed every --commit-every documents (duet-index's default, 5000) and at the end.
//      With --replace, a third run adds with positions through replace_document(Q<id>), as duet-index does.
// Prints one JSON object on stdout.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <xapian.h>

namespace {

struct Row {
    std::string id;
    std::vector<std::string> fields;  // title, abstract, body
};

// RFC 4180: fields separated by commas, quoted fields may hold commas, newlines and doubled quotes.
std::vector<Row> read_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string data = buffer.str();
    std::vector<Row> rows;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        if (record.size() >= 2) {
            Row row{std::move(record[0]), {}};
            row.fields.assign(std::make_move_iterator(record.begin() + 1), std::make_move_iterator(record.end()));
            rows.push_back(std::move(row));
        }
        record.clear();
    };
    for (std::size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
            end_record();
        } else {
            field.push_back(c);
        }
    }
    if (!field.empty() || !record.empty()) end_record();
    return rows;
}

bool has_han(std::string_view s) {
    // U+3400..U+9FFF (CJK Extension A and Unified Ideographs): lead byte E3 from U+3400 on, E4..E9. Enough to
    // sort lines by script.
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0xE4 && b <= 0xE9) return true;
        if (b == 0xE3 && static_cast<unsigned char>(s[i + 1]) >= 0x90) return true;
    }
    return false;
}

struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu = cpu_seconds();
    static double cpu_seconds() {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
        return seconds(usage.ru_utime) + seconds(usage.ru_stime);
    }
    double wall_elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(); }
    double cpu_elapsed() const { return cpu_seconds() - cpu; }
};

class Segmenter {
public:
    Segmenter() {
        UErrorCode status = U_ZERO_ERROR;
        breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
    }

    // Calls on_word(begin, end) with byte offsets of each word-status segment of `text`.
    template <typename F>
    void segment(std::string_view text, F&& on_word) {
        UErrorCode status = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(&ut_, text.data(), static_cast<int64_t>(text.size()), &status);
        breaker_->setText(ut, status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));
        int32_t start = breaker_->first();
        for (int32_t stop = breaker_->next(); stop != icu::BreakIterator::DONE; start = stop, stop = breaker_->next()) {
            if (breaker_->getRuleStatus() != UBRK_WORD_NONE) on_word(start, stop);
        }
    }

    ~Segmenter() { utext_close(&ut_); }

private:
    std::unique_ptr<icu::BreakIterator> breaker_;
    UText ut_ = UTEXT_INITIALIZER;
};

// Every non-empty line of every field, as views into the rows.
std::vector<std::vector<std::string_view>> lines_of(const std::vector<Row>& rows) {
    std::vector<std::vector<std::string_view>> out(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (const std::string& field : rows[r].fields) {
            std::string_view rest = field;
            while (!rest.empty()) {
                const std::size_t nl = rest.find('\n');
                const std::string_view line = rest.substr(0, nl);
                if (!line.empty()) out[r].push_back(line);
                if (nl == std::string_view::npos) break;
                rest.remove_prefix(nl + 1);
            }
        }
    }
    return out;
}

struct SegmentStats {
    double seconds = 0, cpu = 0;
    std::uint64_t bytes = 0, words = 0;
};

std::string json_segment(const SegmentStats& s) {
    return fmt::format(R"({{"bytes":{},"words":{},"seconds":{:.4f},"cpu_seconds":{:.4f},"mb_per_s":{:.3f}}})", s.bytes,
                       s.words, s.seconds, s.cpu, s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0.0);
}

struct Tokenised {
    std::vector<std::string> vocabulary;
    std::vector<std::vector<std::uint32_t>> docs;
    std::uint64_t tokens = 0;
};

Tokenised tokenise(Segmenter& segmenter, const std::vector<std::vector<std::string_view>>& lines) {
    Tokenised out;
    std::unordered_map<std::string, std::uint32_t> ids;
    out.docs.resize(lines.size());
    std::string term;
    for (std::size_t d = 0; d < lines.size(); ++d) {
        for (const std::string_view line : lines[d]) {
            segmenter.segment(line, [&](int32_t b, int32_t e) {
                term.assign(line.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
                for (char& c : term) {
                    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                }
                if (term.size() > 64) return;  // Xapian's term limit is 245 bytes; long runs are junk anyway
                auto [it, added] = ids.try_emplace(term, static_cast<std::uint32_t>(out.vocabulary.size()));
                if (added) out.vocabulary.push_back(term);
                out.docs[d].push_back(it->second);
                ++out.tokens;
            });
        }
    }
    return out;
}

struct AddStats {
    double seconds = 0, cpu = 0;
    std::uint64_t docs = 0;
};

// positions: add_posting, else add_term. by_id: replace_document(Q<id>, doc), as duet-index does, else add_document.
AddStats add_documents(const std::string& path, const std::vector<Row>& rows, const Tokenised& tokens,
                       bool positions, bool by_id, std::uint64_t commit_every) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    Clock clock;
    std::uint64_t pending = 0;
    std::string data;
    for (std::size_t d = 0; d < rows.size(); ++d) {
        Xapian::Document doc;
        Xapian::termpos pos = 0;
        for (const std::uint32_t id : tokens.docs[d]) {
            if (positions) {
                doc.add_posting(tokens.vocabulary[id], ++pos);
            } else {
                doc.add_term(tokens.vocabulary[id]);
            }
        }
        const std::string id_term = "Q" + rows[d].id;
        doc.add_boolean_term(id_term);
        data.clear();
        for (const std::string& f : rows[d].fields) data += f;
        doc.set_data(data);
        if (by_id) {
            db.replace_document(id_term, doc);
        } else {
            db.add_document(doc);
        }
        if (++pending >= commit_every) {
            db.commit();
            pending = 0;
        }
    }
    db.commit();
    db.close();
    return {clock.wall_elapsed(), clock.cpu_elapsed(), rows.size()};
}

std::string json_add(const AddStats& s) {
    return fmt::format(R"({{"docs":{},"seconds":{:.4f},"cpu_seconds":{:.4f},"docs_per_s":{:.1f}}})", s.docs, s.seconds,
                       s.cpu, s.seconds > 0 ? static_cast<double>(s.docs) / s.seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bench_ceiling: ICU word segmentation and raw Xapian add_document throughput over a flat CSV "
                 "(id,title,abstract,body) of the scale corpus; prints JSON"};
    std::string csv;
    std::string db_dir;
    std::uint64_t commit_every = 5000;
    bool skip_xapian = false;
    app.add_option("csv", csv, "records as CSV: id,title,abstract,body (from bench/indexing/fts5_convert.py)")->required();
    app.add_option("--db-dir", db_dir, "directory for the glass databases (pos/, nopos/, replace/)")->required();
    app.add_option("--commit-every", commit_every, "documents per commit")->check(CLI::PositiveNumber)->capture_default_str();
    bool with_replace = false;
    app.add_flag("--icu-only", skip_xapian, "only measure ICU segmentation");
    app.add_flag("--replace", with_replace,
                 "also time replace_document(Q<id>) with positions (how duet-index adds documents)");
    CLI11_PARSE(app, argc, argv);
    try {
        Clock load_clock;
        const std::vector<Row> rows = read_csv(csv);
        const double load_seconds = load_clock.wall_elapsed();
        const auto lines = lines_of(rows);
        Segmenter segmenter;

        // 1. Segmentation alone, Chinese and English lines timed apart.
        SegmentStats zh, en;
        for (const bool han : {true, false}) {
            SegmentStats& s = han ? zh : en;
            Clock clock;
            for (const auto& doc : lines) {
                for (const std::string_view line : doc) {
                    if (has_han(line) != han) continue;
                    s.bytes += line.size();
                    segmenter.segment(line, [&](int32_t, int32_t) { ++s.words; });
                }
            }
            s.seconds = clock.wall_elapsed();
            s.cpu = clock.cpu_elapsed();
        }
        SegmentStats all{zh.seconds + en.seconds, zh.cpu + en.cpu, zh.bytes + en.bytes, zh.words + en.words};

        std::string xapian_json = "null";
        if (!skip_xapian) {
            const Tokenised tokens = tokenise(segmenter, lines);
            const AddStats pos = add_documents(db_dir + "/pos", rows, tokens, true, false, commit_every);
            const AddStats nopos = add_documents(db_dir + "/nopos", rows, tokens, false, false, commit_every);
            std::string replace_json = "null";
            if (with_replace) {
                replace_json = json_add(add_documents(db_dir + "/replace", rows, tokens, true, true, commit_every));
            }
            xapian_json = fmt::format(
                R"({{"tokens":{},"vocabulary":{},"positions":{},"no_positions":{},"positions_replace_by_id":{}}})",
                tokens.tokens, tokens.vocabulary.size(), json_add(pos), json_add(nopos), replace_json);
        }
        fmt::print(R"({{"docs":{},"load_seconds":{:.3f},"icu":{{"zh":{},"en":{},"all":{}}},"xapian":{}}})"
                   "\n",
                   rows.size(), load_seconds, json_segment(zh), json_segment(en), json_segment(all), xapian_json);
        return 0;
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "bench_ceiling: {}: {}\n", e.get_type(), e.get_msg());
        return 4;
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench_ceiling: {}\n", e.what());
        return 2;
    }
}
