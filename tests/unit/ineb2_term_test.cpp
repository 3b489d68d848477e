#include "document_lengths.h"
#include "ineb2_term.h"
#include "ineb2_weights.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace {

using duet::search::DocumentLengths;
using duet::search::IneB2Terms;

using duet::testing::ineb2_weights;

// Records of lengths 1 to 80ish: "knee" in every third with wdf 1-3, "rare" in two, filler words to vary length.
void fill(Xapian::WritableDatabase& db, int first, int count) {
    for (int n = first; n < first + count; ++n) {
        Xapian::Document doc;
        if (n % 3 == 0) doc.add_term("knee", 1 + n % 4);
        if (n == 7 || n == 40) doc.add_term("rare", 2);
        if (n % 5 == 0) doc.add_term("cell", 1 + n % 2);
        doc.add_term("filler" + std::to_string(n % 7), 1 + (n * 13) % 61);
        db.add_document(doc);
    }
}

Xapian::Query scaled(const Xapian::Query& q, double weight) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
}

}  // namespace

TEST_CASE("A term scored from the length table scores every record as Xapian's IneB2Weight does") {
    duet::testing::TempDir dir;
    {
        Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
        fill(db, 0, 90);
        db.commit();
    }
    const Xapian::Database db((dir.path() / "db").string());
    const auto lengths = DocumentLengths::read(db);
    REQUIRE(lengths != nullptr);
    const IneB2Terms leaf(db, 2.0, lengths);
    for (const std::string term : {"knee", "rare", "cell", "filler3", "absent"}) {
        for (const Xapian::termcount wqf : {1u, 2u}) {
            INFO(term << " wqf " << wqf);
            const auto expected = ineb2_weights(db, Xapian::Query(term, wqf));
            const auto fast = ineb2_weights(db, leaf(term, wqf));
            // The same arithmetic in the same order: the same doubles, not just close ones.
            CHECK(fast == expected);
        }
    }
    CHECK(ineb2_weights(db, leaf("knee", 1)).size() == 30);
    // Scaled, Xapian multiplies the scale in after the score rather than into it: equal to the last bit or two.
    const Xapian::Query native(Xapian::Query::OP_OR, scaled(Xapian::Query("knee"), 0.35), Xapian::Query("cell"));
    const Xapian::Query fast(Xapian::Query::OP_OR, scaled(leaf("knee", 1), 0.35), leaf("cell", 1));
    const auto expected = ineb2_weights(db, native);
    const auto got = ineb2_weights(db, fast);
    REQUIRE(got.size() == expected.size());
    for (const auto& [docid, weight] : expected) {
        REQUIRE(got.count(docid) == 1);
        CHECK(got.at(docid) == Approx(weight).epsilon(1e-12));
    }
}

TEST_CASE("Shards searched together score from each shard's own lengths, as one database") {
    duet::testing::TempDir dir;
    for (const int shard : {0, 1}) {
        Xapian::WritableDatabase db((dir.path() / ("shard" + std::to_string(shard))).string(), Xapian::DB_CREATE);
        // Unequal shards, so that a length read from the wrong one would show.
        fill(db, shard * 50, shard == 0 ? 50 : 37);
        db.commit();
    }
    Xapian::Database both((dir.path() / "shard0").string());
    both.add_database(Xapian::Database((dir.path() / "shard1").string()));
    const auto lengths = DocumentLengths::read(both);
    REQUIRE(lengths != nullptr);
    const IneB2Terms leaf(both, 2.0, lengths);
    for (const std::string term : {"knee", "rare", "cell"}) {
        INFO(term);
        CHECK(ineb2_weights(both, leaf(term, 1)) == ineb2_weights(both, Xapian::Query(term)));
    }
}

TEST_CASE("Records added after the lengths were read are scored from the index, not mis-scored") {
    duet::testing::TempDir dir;
    const std::string path = (dir.path() / "db").string();
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
    fill(writer, 0, 30);
    writer.commit();
    Xapian::Database db(path);
    const auto lengths = DocumentLengths::read(db);
    fill(writer, 30, 30);
    writer.commit();
    REQUIRE(db.reopen());
    const IneB2Terms leaf(db, 2.0, lengths);
    const auto expected = ineb2_weights(db, Xapian::Query("knee"));
    CHECK(expected.size() == 20);
    CHECK(ineb2_weights(db, leaf("knee", 1)) == expected);
}

TEST_CASE("An in-memory database has no UUIDs to tell shards by, so it gets no length table") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    fill(db, 0, 10);
    CHECK(DocumentLengths::read(db) == nullptr);
}
