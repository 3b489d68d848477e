// Test support: every matching record's score under Xapian's own IneB2Weight(2), Duet's scheme.
#pragma once

#include <xapian.h>

#include <map>

namespace duet::testing {

/// Each record `query` matches in `db`, with its score, by docid.
inline std::map<Xapian::docid, double> ineb2_weights(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::IneB2Weight(2.0));
    enquire.set_query(query);
    std::map<Xapian::docid, double> out;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto m = mset.begin(); m != mset.end(); ++m) out[*m] = m.get_weight();
    return out;
}

}  // namespace duet::testing
