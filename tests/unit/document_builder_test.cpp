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

TEST_CASE("A record's language is the script most of each text is in, not any letter of it") {
    const auto languages = [](const std::string& title, const std::string& abstract, const std::string& title_zh = "") {
        duet::records::Record r;
        r.title = title;
        r.abstract = abstract;
        r.title_zh = title_zh;
        return duet::record_languages(r);
    };
    using Langs = std::vector<std::string>;
    // A Chinese paper naming HPLC, C18 and ml/min is Chinese only: lang:en must not find it.
    CHECK(languages("复方氯霉素滴耳液的HPLC测定",
                    "色谱柱为Kromasil C18,流动相为甲醇-水(60:40),流速为1.0ml/min,内标为地塞米松.") == Langs{"zh"});
    // An English abstract that quotes a Chinese name is English only.
    CHECK(languages("Xueshuantong injection", "Patients received Xueshuantong (血栓通) daily for 14 days.") ==
          Langs{"en"});
    CHECK(languages("Stem cells in osteoarthritis", "", "间充质干细胞治疗骨关节炎") == Langs{"en", "zh"});
    CHECK(languages("干细胞", "Mesenchymal stem cells were isolated from bone marrow.") == Langs{"en", "zh"});
    CHECK(languages("", "").empty());
    CHECK(languages("2024", "12.5 ± 3.1").empty());
}

TEST_CASE("A record's facets are one value that gives back each field as written") {
    duet::records::Record r;
    r.id = "facets";
    r.title = "Stem cells in osteoarthritis";
    r.title_zh = "间充质干细胞治疗骨关节炎";
    r.year = 2021;
    r.journal = "Stem Cell Res: Ther 12:3";  // colons and digits inside a field
    r.jcr = "Q1";
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    const Xapian::Document doc = duet::build_document(r, "facets.txt", analyzer).document;
    const auto fields = duet::schema::parse_facet_value(doc.get_value(duet::schema::slot(duet::schema::Slot::Facets)));
    REQUIRE(fields.has_value());
    CHECK(fields->year == "2021");
    CHECK(fields->journal == "Stem Cell Res: Ther 12:3");
    CHECK(fields->jcr == "Q1");
    CHECK(fields->category.empty());
    CHECK(fields->languages == "en zh");
}

TEST_CASE("A facet value round-trips any text and anything else is refused") {
    using duet::schema::FacetFields;
    const FacetFields all{"1999", "期刊:2", "Q4", "医学 1区", "zh"};
    const std::string value = duet::schema::facet_value(all);
    CHECK(value == "4:19998:期刊:22:Q411:医学 1区2:zh");
    const auto back = duet::schema::parse_facet_value(value);
    REQUIRE(back.has_value());
    CHECK(back->year == all.year);
    CHECK(back->journal == all.journal);
    CHECK(back->jcr == all.jcr);
    CHECK(back->category == all.category);
    CHECK(back->languages == all.languages);
    CHECK(duet::schema::parse_facet_value(duet::schema::facet_value({})).has_value());
    for (const std::string bad : {"", "Q1", "4:1999", "4:19990:0:0:0:x", "4:19990:0:0:9:en", "x:19990:0:0:0:",
                                  ":0:0:0:0:", "99999999999:0:0:0:0:"}) {
        INFO(bad);
        CHECK_FALSE(duet::schema::parse_facet_value(bad).has_value());
    }
}
