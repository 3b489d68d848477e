#include "weighted_sum.h"

namespace duet::search {

void WeightedSum::add(const Xapian::Query& q, double weight) {
    if (q.empty()) return;
    if (q.get_type() == Xapian::Query::OP_OR) {
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) add(q.get_subquery(i), weight);
        return;
    }
    parts_.emplace_back(q, weight);
}

void WeightedSum::add(const WeightedSum& other, double weight) {
    // Verbatim: its parts were split already, and a grouped part must stay whole.
    for (const auto& [q, w] : other.parts_) parts_.emplace_back(q, w * weight);
}

void WeightedSum::add_grouped(const WeightedSum& other, double weight) {
    if (!other.empty()) parts_.emplace_back(other.query(), weight);
}

Xapian::Query WeightedSum::query() const {
    std::vector<Xapian::Query> scaled;
    scaled.reserve(parts_.size());
    for (const auto& [q, w] : parts_) {
        scaled.push_back(w == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, w));
    }
    if (scaled.empty()) return Xapian::Query();
    if (scaled.size() == 1) return scaled.front();
    return Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
}

}  // namespace duet::search
