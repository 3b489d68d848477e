// Query building checked as exact Xapian::Query descriptions: what each kind of input searches for.
#include "analysis_fixture.h"
#include "query_builder.h"

#include <catch2/catch.hpp>

namespace {

std::string describe(const std::string& text) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::search::QueryBuilder builder(analyzer);
    return builder.build(text).query.get_description();
}

}  // namespace

TEST_CASE("English words are stemmed and ORed; stopwords drop unless nothing else is left") {
    CHECK(describe("osteoarthritis knee") == "Query((osteoarthr@1 OR knee@2))");
    CHECK(describe("the knee -mouse the") == "Query((knee@2 AND_NOT mous@1))");
    CHECK(describe("the of") == "Query((the@1 OR of@2))");
}

TEST_CASE("A compound searches its joined form or its parts as a phrase, as one word") {
    CHECK(describe("IL-6") == "Query((il6 SYNONYM (il@1 PHRASE 2 6@2)))");
    CHECK(describe("IL6") == "Query(il6@1)");
}

TEST_CASE("Chinese searches words, with bigrams at half weight for recall") {
    CHECK(describe("间充质干细胞") == "Query((间充质干细胞@1 OR 0.5 * (B间充 OR B充质 OR B质干 OR B干细 OR B细胞)))");
    CHECK(describe("癌") == "Query(U癌)");
    CHECK(describe("類風濕") == describe("类风湿"));
}

TEST_CASE("Mixed English and Chinese queries build without error") {
    CHECK(describe("MSC 间充质干细胞 therapy") ==
          "Query(((msc@1 OR 间充质干细胞@2 OR therapi@3) OR 0.5 * (B间充 OR B充质 OR B质干 OR B干细 OR B细胞)))");
}

TEST_CASE("Phrases, required and excluded words") {
    CHECK(describe("\"stem cells\"") == "Query((stem@1 PHRASE 2 cell@2))");
    CHECK(describe("+rheumatoid -osteoarthritis") == "Query((rheumatoid@1 AND_NOT osteoarthr@1))");
    CHECK(describe("NOT mouse rat") == "Query((rat@1 AND_NOT mous@1))");
    // 在生 is not a phrase inside 在生命里, whose words are 在/生命/里.
    CHECK(describe("\"在生\"") == "Query((在@1 PHRASE 2 生@2))");
}

TEST_CASE("Field filters restrict without scoring; unreadable ones search their words") {
    CHECK(describe("year:2019..2024 jcr:Q1 stem") ==
          "Query((stem@1 FILTER (VALUE_RANGE 1 \\xcf\\xe3 \\xcf\\xe8 AND XQq1)))");
    CHECK(describe("year:2020") == "Query((<alldocuments> FILTER Y2020))");
    CHECK(describe("doi:https://doi.org/10.1186/S13287-025-04495-z") ==
          "Query((<alldocuments> FILTER XDOI10.1186/s13287-025-04495-z))");
    CHECK(describe("year:abc") == "Query(abc@1)");
    CHECK(describe("title:stem") == "Query(Sstem@1)");
}

TEST_CASE("Input with nothing searchable gives an empty query, not an error") {
    for (const std::string q : {"", "   ", "\"", "+", "-", "()", "AND OR", "🙂", "\xFF"}) {
        CHECK(describe(q) == "Query()");
    }
}
