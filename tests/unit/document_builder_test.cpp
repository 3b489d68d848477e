// The document builder: what terms, frequencies and positions a record's text becomes.
#include "analysis_fixture.h"
#include "document_builder.h"
#include "schema.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace {

struct Posting {
    Xapian::termcount wdf = 0;
    std::vector<Xapian::termpos> positions;
    bool operator==(const Posting&) const = default;
};

// Text-field terms of one analysis of `text`, positions from 1: what the builder must produce.
std::map<std::string, Posting> expected_terms(const std::string& text) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    std::map<std::string, Posting> out;
    for (const auto& t : analyzer.analyze(text)) {
        Posting& p = out[duet::schema::term(duet::schema::Field::Text, t.kind, t.term)];
        ++p.wdf;
        if (duet::schema::has_positions(t)) p.positions.push_back(t.position);
    }
    return out;
}

}  // namespace

TEST_CASE("A long body is indexed with the terms and positions of one analysis of it, though built in slices") {
    std::string body;
    for (int i = 0; i < 1500; ++i) {
        body += "间充质干细胞治疗类风湿性关节炎。骨关节炎患者" + std::to_string(i) + "例\n";
        body += "Mesenchymal stem cells (MSCs) reduce IL-6 and TNF-α in CD4+ T cells of patient " + std::to_string(i) + ". ";
    }
    for (int i = 0; i < 4000; ++i) body += "膝关节疼痛明显。";  // Chinese without line breaks or spaces
    REQUIRE(body.size() > 300000);

    duet::records::Record record;
    record.id = "long";
    record.body = body;
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    const Xapian::Document doc = duet::build_document(record, "long.txt", analyzer).document;

    const auto expected = expected_terms(body);
    std::size_t compared = 0;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const auto want = expected.find(*t);
        if (want == expected.end()) continue;  // filter terms (id, source, language)
        Posting got;
        got.wdf = t.get_wdf();
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) got.positions.push_back(*p);
        INFO(*t);
        CHECK(got == want->second);
        ++compared;
    }
    CHECK(compared == expected.size());
    CHECK(expected.count("间充质干细胞") == 1);
    CHECK(expected.at("tnfalpha").positions.size() == 1500);
}
