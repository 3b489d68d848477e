#include "weighted_sum.h"

namespace duet::search {

namespace {

// `q` with its plain terms made by `leaf`, through ORs and ANDs (whose scores are their parts' sums). Anything
// else (phrases, synonyms, scaled queries) is kept as it is: its terms are not plain, or Xapian 1.4 does not tell
// a scaled query's factor back.
Xapian::Query rebuilt(const Xapian::Query& q, const TermLeaf& leaf) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) return leaf(*q.get_terms_begin(), q.get_length());
    if (type != Xapian::Query::OP_OR && type != Xapian::Query::OP_AND) return q;
    std::vector<Xapian::Query> parts;
    parts.reserve(q.get_num_subqueries());
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) parts.push_back(rebuilt(q.get_subquery(i), leaf));
    return Xapian::Query(type, parts.begin(), parts.end());
}

}  // namespace

void WeightedSum::add(const Xapian::Query& q, double weight) {
    if (q.empty()) return;
    if (q.get_type() == Xapian::Query::OP_OR) {
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) add(q.get_subquery(i), weight);
        return;
    }
    parts_.push_back({q, nullptr, weight});
}

void WeightedSum::add(const WeightedSum& other, double weight) {
    // Verbatim: its parts were split already, and a grouped part must stay whole.
    for (const Part& p : other.parts_) parts_.push_back({p.query, p.group, p.weight * weight});
}

void WeightedSum::add_grouped(const WeightedSum& other, double weight) {
    if (!other.empty()) parts_.push_back({Xapian::Query(), std::make_shared<const WeightedSum>(other), weight});
}

Xapian::Query WeightedSum::query(const TermLeaf* leaf) const {
    std::vector<Xapian::Query> scaled;
    scaled.reserve(parts_.size());
    for (const Part& p : parts_) {
        Xapian::Query q = p.group ? p.group->query(leaf) : leaf != nullptr ? rebuilt(p.query, *leaf) : p.query;
        scaled.push_back(p.weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, p.weight));
    }
    if (scaled.empty()) return Xapian::Query();
    if (scaled.size() == 1) return scaled.front();
    return Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
}

}  // namespace duet::search
