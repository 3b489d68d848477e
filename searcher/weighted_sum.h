// Scores that add up, kept as one flat list of weighted queries so that Xapian can prune across all of them.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace duet::search {

/// Makes the query leaf that searches and scores one term at a wqf (Xapian::Query(term, wqf) by default).
using TermLeaf = std::function<Xapian::Query(const std::string& term, Xapian::termcount wqf)>;

/// A sum of queries' scores, each scaled by its own weight; its query matches what any part matches.
///
/// Why flat: Xapian 1.4 skips records that cannot reach the best ones' scores one OR at a time, so a term in
/// every fifth record under a nested, scaled OR (a translation's alternatives, a word's bigrams) is visited on
/// every record that has it. ORed with everything else in one list, it is only checked on records that something
/// rarer brought in. The scores are the same sums: a scaled OR is its scaled parts, added.
class WeightedSum {
public:
    WeightedSum() = default;
    /// The sum of `q` alone, at weight 1.
    WeightedSum(const Xapian::Query& q) { add(q); }  // NOLINT(google-explicit-constructor): a query is a sum of one

    /// Adds `q` at `weight`; an unscaled OR adds its parts one by one. An empty query adds nothing.
    void add(const Xapian::Query& q, double weight = 1.0);
    /// Adds every part of `other`, each scaled by `weight` too.
    void add(const WeightedSum& other, double weight = 1.0);
    /// Adds `other` as one part, its query scaled by `weight`: for alternatives that share terms (diabetes,
    /// diabetes mellitus), which Xapian prunes better together than apart.
    void add_grouped(const WeightedSum& other, double weight);

    bool empty() const { return parts_.empty(); }
    /// The OR of the parts, each scaled by its weight (weight 1 unscaled); empty when there are none.
    Xapian::Query query() const { return query(nullptr); }
    /// The same, with the plain terms among the parts (and inside their ORs and ANDs) made by `leaf`.
    Xapian::Query query(const TermLeaf* leaf) const;

private:
    struct Part {
        Xapian::Query query;  // unless a group
        std::shared_ptr<const WeightedSum> group;  // kept apart until query(), so that `leaf` reaches its terms
        double weight = 1.0;
    };
    std::vector<Part> parts_;
};

}  // namespace duet::search
