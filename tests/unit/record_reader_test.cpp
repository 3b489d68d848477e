// Golden tests for the record reader: the seeds, every metadata quirk, and every kind of bad input.
#include "date_text.h"
#include "doi.h"
#include "html_text.h"
#include "line_reader.h"
#include "record_reader.h"
#include "text_util.h"
#include "title_guess.h"
#include "utf8_check.h"

#include <catch2/catch.hpp>

#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace duet::records;

namespace {

const fs::path kData = DUET_TEST_DATA;

// A unique directory for one test, removed with everything in it when the test ends.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "duet-records-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // Writes `bytes` verbatim to `name` inside the directory and returns its path.
    fs::path write(const std::string& name, std::string_view bytes) const {
        const fs::path file = path_ / name;
        std::ofstream out(file, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return file;
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Everything read_records emitted for one file, split into records and errors.
struct Results {
    std::vector<Record> records;
    std::vector<RecordError> errors;
};

Results read_file(const fs::path& file, const std::string& relative, ReaderLimits limits = {}) {
    Results results;
    read_records(file, relative, limits, [&](RecordResult&& result) {
        if (auto* record = std::get_if<Record>(&result)) {
            results.records.push_back(std::move(*record));
        } else {
            results.errors.push_back(std::get<RecordError>(std::move(result)));
        }
    });
    return results;
}

Record only_record(const Results& results) {
    INFO((results.errors.empty() ? std::string() : results.errors.front().to_string()));
    REQUIRE(results.errors.empty());
    REQUIRE(results.records.size() == 1);
    return results.records.front();
}

RecordError only_error(const Results& results) {
    REQUIRE(results.records.empty());
    REQUIRE(results.errors.size() == 1);
    return results.errors.front();
}

Record record_of(RecordResult result) {
    if (auto* error = std::get_if<RecordError>(&result)) FAIL(error->to_string());
    return std::get<Record>(std::move(result));
}

RecordError error_of(RecordResult result) {
    REQUIRE(std::holds_alternative<RecordError>(result));
    return std::get<RecordError>(std::move(result));
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

}  // namespace

TEST_CASE("seed 000: JSON line, citation count, Abstract section and journal blurb", "[records][seeds]") {
    const Record r = only_record(read_file(kData / "seeds/000_00c817cbc5b5151d.txt", "seeds/000_00c817cbc5b5151d.txt"));
    CHECK(r.title == "Immunomodulatory mechanisms of mesenchymal stem cells in joint preservation in osteoarthritis.");
    CHECK(r.title_zh.empty());
    CHECK(r.id == "10.1080/03008207.2025.2536148");
    CHECK(r.doi == "10.1080/03008207.2025.2536148");
    CHECK(r.origin.to_string() == "seeds/000_00c817cbc5b5151d.txt");
    CHECK(r.origin.line == 0);
    CHECK(r.authors == std::vector<std::string>{"Mohammed Lakrat", "Pallavi Bhattaram", "Hicham Drissi"});
    CHECK(r.date == "2025-09-01");
    CHECK(r.year == 2025);
    CHECK(r.citations == 0);
    CHECK(r.impact_factor == Approx(2.1));
    CHECK(r.jcr == "Q3");
    CHECK(r.jcr_category == "CELL BIOLOGY");
    CHECK(r.category == "医学");
    CHECK(r.journal == "Connective Tissue Research");
    CHECK(r.volume.empty());  // " " in the JSON means absent
    CHECK(r.pages == "466-472");
    CHECK(r.publication_type == "Journal Article");
    CHECK(r.url == "https://doi.org/10.1080/03008207.2025.2536148");
    CHECK(r.pdf_url.empty());
    CHECK(r.abstract.starts_with("Osteoarthritis (OA) remains a major challenge"));
    CHECK(r.abstract.ends_with("to treat OA patients."));
    CHECK_FALSE(contains(r.abstract, "<p>"));
    CHECK(r.journal_info.starts_with("The aim of Connective Tissue Research is to present original"));
    CHECK(contains(r.journal_info, "Regenerative Medicine"));
    CHECK_FALSE(contains(r.abstract, "The aim of Connective Tissue Research"));
    CHECK(r.body.empty());  // the Abstract section repeats the JSON abstract
    CHECK(r.references.empty());
}

TEST_CASE("seed 002: Chinese title, English title from resultStr and the title line", "[records][seeds]") {
    const Record r = only_record(read_file(kData / "seeds/002_1d3925f95069f0bb.txt", "seeds/002_1d3925f95069f0bb.txt"));
    CHECK(r.title ==
          "Harnessing mesenchymal stem/stromal cells-based therapies for rheumatoid arthritis: mechanisms, clinical "
          "applications, and microenvironmental interactions.");
    CHECK(r.title_zh == "利用间充质干细胞/基质细胞治疗类风湿性关节炎:机制、临床应用和微环境相互作用");
    CHECK(display_title(r) == r.title);
    CHECK(r.id == "10.1186/s13287-025-04495-z");
    CHECK(r.year == 2025);
    CHECK(r.date == "2025-07-16");
    CHECK(r.citations == 0);
    CHECK(r.impact_factor == Approx(7.1));
    CHECK(r.jcr == "Q1");
    CHECK(r.jcr_category == "CELL & TISSUE ENGINEERING");
    CHECK(r.journal == "Stem Cell Research & Therapy");
    CHECK(r.volume == "16 1");
    CHECK(r.pages == "379");
    CHECK(r.pdf_url == "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12269215/pdf/");
    CHECK(r.authors == std::vector<std::string>{"Ying-Feng Gao", "Na Zhao", "Cheng-Hu Hu"});
    CHECK(r.abstract.starts_with("Rheumatoid arthritis (RA) is a chronic systemic autoimmune disease"));
    CHECK(r.journal_info.starts_with("Stem Cell Research & Therapy serves as a leading platform"));
    CHECK_FALSE(contains(r.abstract, "serves as a leading platform"));
    CHECK(r.body.empty());  // neither the title line nor the repeated abstract become body text
}

TEST_CASE("seed 003: plain article gets a derived title, body and a separate reference list", "[records][seeds]") {
    const Record r = only_record(read_file(kData / "seeds/003_418c28d5ef0388ce.txt", "seeds/003_418c28d5ef0388ce.txt"));
    CHECK(r.title ==
          "Mesenchymal stem cells (MSCs), which are multipotent progenitor stromal cells, possess the remarkable "
          "potential of self-renewal and the ability to…");
    CHECK(code_point_count(r.title) <= 150);
    CHECK(r.title_zh.empty());
    CHECK(r.id == "seeds/003_418c28d5ef0388ce.txt");
    CHECK(r.doi.empty());
    CHECK_FALSE(r.year.has_value());
    CHECK(r.body.starts_with("Mesenchymal stem cells (MSCs), which are multipotent"));
    CHECK(contains(r.body, "Publisher’s noteAll claims expressed"));
    CHECK_FALSE(contains(r.body, "References1."));
    CHECK_FALSE(contains(r.body, "Friedenstein AJ, Chailakhyan RK"));
    CHECK_FALSE(contains(r.body, "留言"));
    CHECK(r.references.starts_with("References1. Friedenstein AJ, Chailakhyan RK, Gerasimov UV."));
    CHECK(r.references.ends_with("doi: 10.1111/j.1365-2184.1987.tb01309.x"));
    CHECK_FALSE(contains(r.references, "留言"));
    CHECK(r.abstract.empty());
}

TEST_CASE("JSONL metadata: HTML, entities, numbers as strings, lists and DOI forms", "[records][jsonl]") {
    const Results results = read_file(kData / "records/metadata.jsonl", "records/metadata.jsonl");
    REQUIRE(results.errors.empty());
    REQUIRE(results.records.size() == 5);

    const Record& html = results.records[0];
    CHECK(html.id == "42");  // numeric explicit id
    CHECK(html.origin.to_string() == "records/metadata.jsonl:1");
    CHECK(html.title == "Effects of IL\u20116 & TNF-\u03b1 on in vivo cells");
    CHECK(html.authors == std::vector<std::string>{"A. Smith", "B. Jones"});
    CHECK(html.doi == "10.1000/abc.123");
    CHECK(html.url == "https://doi.org/10.1000/abc.123");
    CHECK(html.abstract == "First para <b> p < 0.05, O'Brien.\nSecond para.");
    CHECK(html.journal == "J & Test");
    CHECK(html.volume == "12");
    CHECK(html.pages == "1-9");
    CHECK(html.impact_factor == Approx(3.5));
    CHECK(html.citations == 17);
    CHECK(html.date == "2024-03-05");  // EPubDate when publicationDate is null
    CHECK(html.year == 2024);
    CHECK(html.jcr == "Q2");
    CHECK(html.keywords == std::vector<std::string>{"stem cells", "MSC", "干细胞"});

    const Record& zh = results.records[1];
    CHECK(zh.origin.line == 3);  // the blank line 2 is skipped but still counted
    CHECK(zh.title == "Mesenchymal stem cell therapy");
    CHECK(zh.title_zh == "间充质干细胞治疗");
    CHECK(zh.id == "10.1000/xyz");
    CHECK(zh.abstract == "English abstract.");
    CHECK(zh.abstract_zh == "中文摘要。");
    CHECK(zh.citations == 5);  // null outside, 5 inside resultStr
    CHECK_FALSE(zh.impact_factor.has_value());
    CHECK(zh.jcr == "Q4");  // " " outside is absent, so resultStr fills it
    CHECK(zh.publication_type == "Journal Article, Review");

    const Record& cn = results.records[2];
    CHECK(cn.title == "Aspirin and stroke");
    CHECK(cn.title_zh == "阿司匹林与卒中");
    CHECK(cn.abstract.empty());
    CHECK(cn.abstract_zh == "阿司匹林&卒中。");
    CHECK(cn.doi == "10.1/x");  // taken from DOIUrl
    CHECK(cn.url == "https://example.org/a");
    CHECK(cn.pdf_url == "https://example.org/a.pdf");
    CHECK(cn.date == "2019");
    CHECK(cn.year == 2019);

    CHECK(results.records[3].id == "records/metadata.jsonl:5");

    const Record& placeholder = results.records[4];
    CHECK(placeholder.doi.empty());
    CHECK(placeholder.id == "records/metadata.jsonl:6");
    CHECK_FALSE(placeholder.citations.has_value());  // "many" is not a count
    CHECK(placeholder.impact_factor == Approx(1.25));
}

TEST_CASE("BEIR and CSL lines", "[records][jsonl]") {
    const Results results = read_file(kData / "records/corpora.jsonl", "corpora.jsonl");
    REQUIRE(results.errors.empty());
    REQUIRE(results.records.size() == 5);
    CHECK(results.records[0].id == "4983");
    CHECK(results.records[0].title == "Growth of white matter tracts in newborns.");
    CHECK(results.records[0].abstract == "White matter develops quickly.\nA second paragraph.");
    CHECK(results.records[1].id == "7");
    CHECK(results.records[1].title.empty());
    CHECK(results.records[1].abstract == "Only text, no title.");
    const Record& csl = results.records[2];
    CHECK(csl.id == "0");
    CHECK(csl.title.empty());
    CHECK(csl.title_zh == "一种干细胞培养方法的研究");
    CHECK(display_title(csl) == "一种干细胞培养方法的研究");
    CHECK(csl.abstract == "采用新的培养基，提高了干细胞的增殖率。");
    CHECK(csl.keywords == std::vector<std::string>{"干细胞", "培养基"});
    CHECK(results.records[3].keywords == std::vector<std::string>{"高血压", "降压药"});
    CHECK(results.records[4].id == "6794356");  // BC5CDR's pmid
}

TEST_CASE("bad JSONL lines each give one error with file:line and the good lines are still read", "[records][errors]") {
    const Results results = read_file(kData / "records/bad.jsonl", "bad.jsonl");
    REQUIRE(results.records.size() == 2);
    CHECK(results.records[0].id == "good-1");
    CHECK(results.records[1].id == "good-2");
    REQUIRE(results.errors.size() == 5);
    CHECK(results.errors[0].origin.to_string() == "bad.jsonl:2");
    CHECK(results.errors[0].message.starts_with("truncated JSON"));
    CHECK(contains(results.errors[0].message, "missing closing quote"));
    CHECK(results.errors[1].to_string().starts_with("bad.jsonl:3: expected a JSON object holding one record, got an array"));
    CHECK(results.errors[2].to_string().starts_with("bad.jsonl:4: expected a JSON object holding one record, got a string"));
    CHECK(results.errors[3].to_string().starts_with("bad.jsonl:5: record has no title and no text"));
    CHECK(results.errors[4].to_string().starts_with("bad.jsonl:6: invalid JSON at byte 24: syntax error while parsing object"));
}

TEST_CASE("parse_json_record reports positions and never throws", "[records][errors]") {
    const Origin origin{"x.jsonl", 9};
    CHECK(error_of(parse_json_record(R"({"title": "a",)", origin)).to_string().starts_with("x.jsonl:9: truncated JSON"));
    CHECK(error_of(parse_json_record(R"({"title": tru})", origin)).message.starts_with("invalid JSON at byte"));
    const RecordError utf8 = error_of(parse_json_record("{\"title\": \"ab\xff\"}", origin));
    CHECK(utf8.message.starts_with("invalid UTF-8 at byte 14 (0xFF)"));
    CHECK(error_of(parse_json_record("42", origin)).message.starts_with("expected a JSON object"));
    CHECK(error_of(parse_json_record(R"({"title": null, "abstract": ""})", origin)).message.starts_with("record has no title"));
    CHECK(record_of(parse_json_record(R"({"title": ["Crossref style"]})", origin)).title == "Crossref style");
}

TEST_CASE("ids: explicit id, then normalised DOI, then the origin", "[records][jsonl]") {
    const Origin origin{"dir/f.jsonl", 3};
    CHECK(record_of(parse_json_record(R"({"_id": " abc ", "title": "T", "doi": "10.1/x"})", origin)).id == "abc");
    CHECK(record_of(parse_json_record(R"({"id": 12, "title": "T"})", origin)).id == "12");
    CHECK(record_of(parse_json_record(R"({"id": "", "title": "T", "doi": "HTTP://DX.DOI.ORG/10.1/AB"})", origin)).id ==
          "10.1/ab");
    CHECK(record_of(parse_json_record(R"({"title": "T", "doi": null})", origin)).id == "dir/f.jsonl:3");
    CHECK(record_of(parse_json_record(R"({"title": "T"})", Origin{"dir/f.txt", 0})).id == "dir/f.txt");
}

TEST_CASE("parse_text_record: sections, full-width colons and citation fallback", "[records][text]") {
    const std::string content =
        "{\"title\":\"Short title\",\"citationCount\":null,\"abstract\":\"<p>Abs &#x3b2; text.</p>\"}\r\n"
        "引用次数：12\r\n"
        "Abstract\r\n"
        "Abs β text.\r\n"
        "期刊介绍： Journal blurb line one.\r\n"
        "Line two.   \r\n";
    const Record r = record_of(parse_text_record(content, Origin{"a.txt", 0}));
    CHECK(r.title == "Short title");
    CHECK(r.citations == 12);
    CHECK(r.abstract == "Abs β text.");
    CHECK(r.journal_info == "Journal blurb line one.\nLine two.");
    CHECK(r.body.empty());
    CHECK(r.id == "a.txt");
}

TEST_CASE("parse_text_record: an English title line below a Chinese-only JSON title", "[records][text]") {
    const std::string content =
        "{\"title\":\"干细胞治疗关节炎\",\"doi\":\"10.9/z\"}\n"
        "Stem cell therapy for arthritis\n"
        "The abstract, given only as plain text.\n"
        "期刊介绍:\n"
        "Blurb.\n";
    const Record r = record_of(parse_text_record(content, Origin{"h.txt", 0}));
    CHECK(r.title == "Stem cell therapy for arthritis");
    CHECK(r.title_zh == "干细胞治疗关节炎");
    CHECK(r.abstract == "The abstract, given only as plain text.");
    CHECK(r.journal_info == "Blurb.");
    CHECK(r.body.empty());
}

TEST_CASE("parse_text_record: a short first paragraph is not taken for a title the record already has",
          "[records][text]") {
    const std::string content = "{\"title\":\"Known title\"}\nShort opening sentence.\nMore text follows.\n";
    const Record r = record_of(parse_text_record(content, Origin{"j.txt", 0}));
    CHECK(r.title == "Known title");
    CHECK(r.abstract == "Short opening sentence.\nMore text follows.");
}

TEST_CASE("parse_text_record: section text that differs from the JSON abstract is kept as body", "[records][text]") {
    const std::string content = "{\"title\":\"T\",\"abstract\":\"Short abstract.\"}\nAbstract\nA longer full text.\n";
    const Record r = record_of(parse_text_record(content, Origin{"b.txt", 0}));
    CHECK(r.abstract == "Short abstract.");
    CHECK(r.body == "A longer full text.");
}

TEST_CASE("parse_text_record: errors in the JSON line point at it", "[records][errors]") {
    const RecordError truncated = error_of(parse_text_record("{\"title\":\"cut\n期刊介绍:\nx\n", Origin{"c.txt", 0}));
    CHECK(truncated.to_string().starts_with("c.txt:1: truncated JSON"));
    const RecordError utf8 = error_of(parse_text_record("{\"title\":\"ok\"}\nAbstract\nbad \xC0\x80 byte\n", Origin{"d.txt", 0}));
    CHECK(utf8.to_string() ==
          "d.txt:3: invalid UTF-8 at byte 5 (0xC0); convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)");
    CHECK(error_of(parse_text_record(" \n\t\n", Origin{"e.txt", 0})).to_string() == "e.txt: empty file (no text)");
}

TEST_CASE("plain article: heading-like first line becomes the title, junk and references are split off",
          "[records][text]") {
    const std::string content =
        "\xEF\xBB\xBFStem cells in knee osteoarthritis\r\n"
        "\r\n"
        "Intro paragraph. It has two sentences.\r\n"
        "References\r\n"
        "1. Doe J. A paper. (2020)\r\n"
        "分享\r\n"
        "留言 (3)\r\n";
    const Record r = record_of(parse_text_record(content, Origin{"f.txt", 0}));
    CHECK(r.title == "Stem cells in knee osteoarthritis");
    CHECK(r.body == "Intro paragraph. It has two sentences.");
    CHECK(r.references == "References\n1. Doe J. A paper. (2020)");
}

TEST_CASE("plain article of one long paragraph: title from its first sentence, body keeps everything",
          "[records][text]") {
    const Record r = record_of(parse_text_record("Cells grow. They divide.\n", Origin{"i.txt", 0}));
    CHECK(r.title == "Cells grow.");
    CHECK(r.body == "Cells grow. They divide.");
    CHECK(r.references.empty());
}

TEST_CASE("plain article in Chinese: the derived title is cut between characters", "[records][text]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "细胞";
    const Record r = record_of(parse_text_record(text + "。后文。\n参考文献\n[1] 某文献\n", Origin{"g.txt", 0}));
    CHECK(r.title.empty());
    CHECK(code_point_count(r.title_zh) == 150);
    CHECK(r.title_zh.ends_with("…"));
    CHECK(r.references == "参考文献\n[1] 某文献");
    CHECK_FALSE(contains(r.body, "参考文献"));
}

TEST_CASE("file-level problems: one error each, never an exception", "[records][errors]") {
    TempDir dir;
    SECTION("empty file") {
        const RecordError e = only_error(read_file(dir.write("empty.txt", ""), "empty.txt"));
        CHECK(e.to_string() == "empty.txt: empty file");
    }
    SECTION("JSONL file with only blank lines") {
        const RecordError e = only_error(read_file(dir.write("blank.jsonl", "\n  \n\r\n"), "blank.jsonl"));
        CHECK(e.message == "empty file (only blank lines)");
    }
    SECTION("binary file") {
        std::string bytes = "\x89PNG\r\n";
        bytes.push_back('\0');
        bytes += std::string(20000, 'A');
        const RecordError e = only_error(read_file(dir.write("image.txt", bytes), "image.txt"));
        CHECK(e.message.starts_with("binary file (NUL byte at byte 7)"));
        CHECK(e.origin.line == 0);
    }
    SECTION("UTF-16 JSONL is reported as binary once, not per line") {
        constexpr char kLine[] = "{\0\"\0a\0\"\0:\0 \0" "1\0}\0\n\0";
        const std::string utf16(kLine, sizeof kLine - 1);
        const RecordError e = only_error(read_file(dir.write("u16.jsonl", utf16 + utf16), "u16.jsonl"));
        CHECK(contains(e.message, "UTF-16"));
    }
    SECTION("missing file") {
        const RecordError e = only_error(read_file(dir.path() / "nope.jsonl", "nope.jsonl"));
        CHECK(e.message.starts_with("cannot read file: "));
    }
    SECTION("a directory") {
        fs::create_directory(dir.path() / "sub.txt");
        const RecordError e = only_error(read_file(dir.path() / "sub.txt", "sub.txt"));
        CHECK(e.message.starts_with("cannot read file: "));
    }
    SECTION("unsupported extension") {
        const RecordError e = only_error(read_file(dir.write("paper.pdf", "%PDF"), "paper.pdf"));
        CHECK(e.message.starts_with("unsupported file type '.pdf'"));
    }
    SECTION("pretty-printed JSON document") {
        const RecordError e = only_error(read_file(dir.write("doc.json", "[\n  {\"title\": \"a\"}\n]\n"), "doc.json"));
        CHECK(e.to_string().starts_with("doc.json:1: this looks like one pretty-printed JSON document"));
    }
    SECTION("invalid UTF-8 in a JSONL line") {
        const Results results =
            read_file(dir.write("latin1.jsonl", "{\"title\": \"caf\xe9\"}\n{\"title\": \"ok\"}\n"), "latin1.jsonl");
        REQUIRE(results.records.size() == 1);
        REQUIRE(results.errors.size() == 1);
        CHECK(results.errors[0].to_string().starts_with("latin1.jsonl:1: invalid UTF-8 at byte 15 (0xE9)"));
    }
}

TEST_CASE("an oversized line is skipped with its size and the next line is still read", "[records][errors]") {
    TempDir dir;
    const std::string big = "{\"title\": \"" + std::string(5000, 'a') + "\"}";
    const std::string file = "{\"_id\": \"1\", \"title\": \"before\"}\n" + big + "\n{\"_id\": \"3\", \"title\": \"after\"}";
    const Results results = read_file(dir.write("big.jsonl", file), "big.jsonl", ReaderLimits{1024});
    REQUIRE(results.records.size() == 2);
    CHECK(results.records[0].id == "1");
    CHECK(results.records[1].id == "3");
    CHECK(results.records[1].origin.line == 3);
    REQUIRE(results.errors.size() == 1);
    CHECK(results.errors[0].to_string() ==
          "big.jsonl:2: line is 5013 bytes, larger than the limit of 1024 bytes (max_record_bytes); skipped — split the "
          "record or raise the limit");
}

TEST_CASE("an oversized .txt file is skipped without being read", "[records][errors]") {
    TempDir dir;
    const RecordError e = only_error(read_file(dir.write("big.txt", std::string(2048, 'x')), "big.txt", ReaderLimits{1024}));
    CHECK(e.to_string().starts_with("big.txt: file is 2048 bytes, larger than the limit of 1024 bytes"));
}

TEST_CASE("BOM, CRLF and trailing whitespace are handled transparently", "[records][jsonl]") {
    TempDir dir;
    const std::string jsonl = "\xEF\xBB\xBF{\"_id\": \"a\", \"title\": \"First\"}  \r\n\r\n{\"_id\": \"b\", \"title\": \"Second\"}\r\n";
    const Results results = read_file(dir.write("crlf.jsonl", jsonl), "crlf.jsonl");
    REQUIRE(results.errors.empty());
    REQUIRE(results.records.size() == 2);
    CHECK(results.records[0].title == "First");
    CHECK(results.records[1].origin.line == 3);

    const std::string txt = "\xEF\xBB\xBF{\"title\":\"T\",\"doi\":\"10.5/Q\"}\r\nAbstract\r\nText here.\r\n";
    const Record r = only_record(read_file(dir.write("crlf.txt", txt), "crlf.txt"));
    CHECK(r.id == "10.5/q");
    CHECK(r.abstract == "Text here.");
}

TEST_CASE("html_to_text strips tags, decodes references and keeps plain '<'", "[records][html]") {
    CHECK(html_to_text("<p><p>One.</p><p>Two &amp; three.</p>") == "One.\nTwo & three.");
    CHECK(html_to_text("CO<sub>2</sub> and H<sub>2</sub>O") == "CO2 and H2O");
    CHECK(html_to_text("p < 0.05 and <5% and a<b") == "p < 0.05 and <5% and a<b");
    CHECK(html_to_text("x<!-- hidden -->y") == "xy");
    CHECK(html_to_text("&#39;&#x3B1;&#945;&nbsp;&hellip;&unknown;&#0;") == "'αα …&unknown;\uFFFD");
    CHECK(html_to_text("R&D &amp") == "R&D &amp");
    CHECK(html_to_text("1&#150;2 &#146;s") == "1–2 ’s");  // Windows-1252 numbers
    CHECK(html_to_text("<jats:p>Crossref <jats:italic>style</jats:italic></jats:p>") == "Crossref style");
    CHECK(html_to_text("Line one\n\n  Line   two") == "Line one\nLine two");
    CHECK(html_to_text("<p>wrapped\nsource line</p>") == "wrapped source line");
    CHECK(html_to_line("<p>A</p><p>B</p>") == "A B");
}

TEST_CASE("normalize_doi and normalize_date", "[records][fields]") {
    CHECK(normalize_doi(" https://doi.org/10.1080/ABC ") == "10.1080/abc");
    CHECK(normalize_doi("doi:10.1/x") == "10.1/x");
    CHECK(normalize_doi("DOI: 10.1/X") == "10.1/x");
    CHECK(normalize_doi("http://dx.doi.org/10.1/x") == "10.1/x");
    CHECK(normalize_doi("N/A").empty());
    CHECK(normalize_doi("10.1/").empty());
    CHECK(normalize_date("2025-09-01") == "2025-09-01");
    CHECK(normalize_date("2025/7/28 0:00:00") == "2025-07-28");
    CHECK(normalize_date("2025-13") == "2025");
    CHECK(normalize_date("1999") == "1999");
    CHECK(normalize_date("20250901").empty());
    CHECK(normalize_date("").empty());
    CHECK(year_of("2025-07-28") == 2025);
}

TEST_CASE("UTF-8 validation names the first bad byte", "[records][utf8]") {
    CHECK_FALSE(first_invalid_utf8("plain 中文 𝛼").has_value());
    CHECK(first_invalid_utf8("ab\xC0\x80") == 2u);          // overlong
    CHECK(first_invalid_utf8("a\xED\xA0\x80") == 1u);       // surrogate
    CHECK(first_invalid_utf8("ab\xE4\xB8") == 2u);          // truncated sequence
    CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);    // beyond U+10FFFF
    CHECK(contains_han("MSC 间充质"));
    CHECK_FALSE(contains_han("Mesenchymal α"));
}

TEST_CASE("titles and lists", "[records][fields]") {
    CHECK(looks_like_title("Stem cell therapy: a review."));
    CHECK_FALSE(looks_like_title("One sentence. Another sentence."));
    CHECK(first_sentence_length("Smith et al. found this. Next") == std::string_view("Smith et al. found this.").size());
    CHECK(title_from_text("Short sentence. More.") == "Short sentence.");
    CHECK(split_list(" A, B;C，D；; ") == std::vector<std::string>{"A", "B", "C", "D"});
    CHECK(split_names("Smith, J.; Doe, A.") == std::vector<std::string>{"Smith, J.", "Doe, A."});
    CHECK(split_names("张三、李四，王五") == std::vector<std::string>{"张三", "李四", "王五"});
    CHECK(trim("\xC2\xA0 x \xE3\x80\x80") == "x");
}

TEST_CASE("LineReader counts lines and bounds memory", "[records][lines]") {
    std::istringstream in("a\n" + std::string(100, 'b') + "\n\nlast");
    LineReader reader(in, 10);
    Line line;
    REQUIRE(reader.next(line));
    CHECK(line.text == "a");
    REQUIRE(reader.next(line));
    CHECK(line.too_long);
    CHECK(line.bytes == 100);
    CHECK(line.text.empty());
    REQUIRE(reader.next(line));
    CHECK(line.text.empty());
    CHECK(line.number == 3);
    REQUIRE(reader.next(line));
    CHECK(line.text == "last");
    CHECK_FALSE(reader.next(line));
}

TEST_CASE("format_of picks the reader from the extension", "[records]") {
    CHECK(format_of("a/b.txt") == FileFormat::Text);
    CHECK(format_of("b.JSONL") == FileFormat::JsonLines);
    CHECK(format_of("b.json") == FileFormat::JsonLines);
    CHECK(format_of("b.pdf") == FileFormat::Unsupported);
}
