#include "weighted_sum.h"
#include "ineb2_weights.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace {

using duet::testing::ineb2_weights;

Xapian::Query scaled(const Xapian::Query& q, double weight) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
}

}  // namespace

TEST_CASE("A weighted sum keeps nested scaled ORs as one flat OR of scaled parts") {
    duet::search::WeightedSum words;
    words.add(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("heart"), Xapian::Query("failur")));
    duet::search::WeightedSum bigrams;
    bigrams.add(Xapian::Query("B心力"), 0.5);
    duet::search::WeightedSum translation;
    translation.add(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("mesenchym"), Xapian::Query("cell")), 4.0);
    duet::search::WeightedSum sum = words;
    sum.add(bigrams);
    sum.add(translation, 0.5);
    CHECK(sum.query().get_description() ==
          "Query((heart OR failur OR 0.5 * B心力 OR 2 * (mesenchym AND cell)))");
    // Alternatives added as a group stay one scaled OR, even when the sum is added to another.
    duet::search::WeightedSum alternatives;
    alternatives.add(Xapian::Query("diabet"), 2.0);
    alternatives.add(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("diabet"), Xapian::Query("mellitus")));
    duet::search::WeightedSum grouped;
    grouped.add_grouped(alternatives, 0.5);
    duet::search::WeightedSum outer(Xapian::Query("糖尿病"));
    outer.add(grouped);
    CHECK(outer.query().get_description() == "Query((糖尿病 OR 0.5 * (2 * diabet OR (diabet AND mellitus))))");
    // A synonym or a phrase is one part: its terms score together.
    duet::search::WeightedSum synonym;
    synonym.add(Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("il6"), Xapian::Query("il")), 0.5);
    CHECK(synonym.query().get_description() == "Query(0.5 * (il6 SYNONYM il))");
    // Nothing added, nothing searched; a weight of 0 still matches, as Xapian's own scaling does.
    CHECK(duet::search::WeightedSum().query().empty());
    duet::search::WeightedSum empty_parts;
    empty_parts.add(Xapian::Query());
    CHECK(empty_parts.empty());
    duet::search::WeightedSum zero;
    zero.add(Xapian::Query("knee"), 0.0);
    CHECK(zero.query().get_description() == "Query(0 * knee)");
}

TEST_CASE("A flat weighted sum scores every record as the nested query it replaces") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::vector<std::pair<std::string, Xapian::termcount>>> records = {
        {{"heart", 3}, {"failur", 1}, {"cell", 2}},
        {{"heart", 1}, {"B心力", 2}},
        {{"mesenchym", 1}, {"cell", 4}, {"stem", 1}},
        {{"B心力", 1}, {"B力衰", 1}, {"failur", 2}},
        {{"stem", 2}},
        {{"unrelated", 5}},
    };
    for (const auto& terms : records) {
        Xapian::Document doc;
        for (const auto& [term, wdf] : terms) doc.add_term(term, wdf);
        db.add_document(doc);
    }
    const Xapian::Query words(Xapian::Query::OP_OR, Xapian::Query("heart"), Xapian::Query("failur"));
    const Xapian::Query bigrams(Xapian::Query::OP_OR, Xapian::Query("B心力"), Xapian::Query("B力衰"));
    const Xapian::Query mesenchymal(Xapian::Query::OP_AND, Xapian::Query("mesenchym"), Xapian::Query("cell"));
    const Xapian::Query stem("stem");
    const Xapian::Query translations = scaled(Xapian::Query(Xapian::Query::OP_OR, scaled(mesenchymal, 3.0),
                                                            scaled(stem, 1.5)), 0.35);
    const Xapian::Query nested(Xapian::Query::OP_OR,
                               Xapian::Query(Xapian::Query::OP_OR, words, scaled(bigrams, 0.5)), translations);

    duet::search::WeightedSum sum(words);
    sum.add(bigrams, 0.5);
    duet::search::WeightedSum alternatives;
    alternatives.add(mesenchymal, 3.0);
    alternatives.add(stem, 1.5);
    sum.add(alternatives, 0.35);

    const auto expected = ineb2_weights(db, nested);
    const auto flat = ineb2_weights(db, sum.query());
    REQUIRE(expected.size() == 5);
    REQUIRE(flat.size() == expected.size());
    for (const auto& [docid, weight] : expected) {
        REQUIRE(flat.count(docid) == 1);
        CHECK(flat.at(docid) == Approx(weight).epsilon(1e-12));
    }
}

TEST_CASE("Term leaves reach the plain terms of a weighted sum, its groups and its ANDs, and nothing else") {
    // A stand-in leaf whose description shows which terms it made.
    const duet::search::TermLeaf leaf = [](const std::string& term, Xapian::termcount wqf) {
        return Xapian::Query("leaf:" + term, wqf);
    };
    duet::search::WeightedSum sum(Xapian::Query("heart"));
    sum.add(Xapian::Query("B心力"), 0.5);
    sum.add(Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("stem"), Xapian::Query("cell")));
    sum.add(Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("il6"), Xapian::Query("il")));
    duet::search::WeightedSum alternatives;
    alternatives.add(Xapian::Query("diabet", 2), 2.0);
    alternatives.add(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("diabet"), Xapian::Query("mellitus")));
    sum.add_grouped(alternatives, 0.35);
    const std::string plain = sum.query().get_description();
    CHECK(plain == "Query((heart OR 0.5 * B心力 OR (stem PHRASE 2 cell) OR (il6 SYNONYM il) OR "
                   "0.3499999999999999778 * (2 * diabet#2 OR (diabet AND mellitus))))");
    CHECK(sum.query(&leaf).get_description() ==
          "Query((leaf:heart OR 0.5 * leaf:B心力 OR (stem PHRASE 2 cell) OR (il6 SYNONYM il) OR "
          "0.3499999999999999778 * (2 * leaf:diabet#2 OR (leaf:diabet AND leaf:mellitus))))");
    // Without a leaf, the query is the one it always was.
    CHECK(sum.query(nullptr).get_description() == plain);
}
