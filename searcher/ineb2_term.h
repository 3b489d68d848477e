// One term scored as Xapian's IneB2Weight scores it, with record lengths from memory instead of the index.
#pragma once

#include "document_lengths.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace duet::search {

/// What IneB2 needs of the whole database searched (all shards together, as Xapian's own weights see it).
struct TermStatistics {
    Xapian::doccount records = 0;        ///< N
    double average_length = 0;
    Xapian::doccount termfreq = 0;       ///< records with the term
    Xapian::termcount collection_freq = 0;  ///< F: its occurrences in all of them
};

/// A term's records, each with IneB2Weight(c)'s score for it; a leaf of a query like Xapian::Query(term).
///
/// The same arithmetic as Xapian 1.4's IneB2Weight, in the same order, so that a term at weight 1 scores the
/// same double; under OP_SCALE_WEIGHT Xapian multiplies the scale in after, not before, which can move the last
/// bit. Local databases only: xapian-tcpsrv cannot run it (it is not registered there).
class IneB2Term final : public Xapian::PostingSource {
public:
    IneB2Term(std::string term, Xapian::termcount wqf, double c, TermStatistics stats,
              std::shared_ptr<const DocumentLengths> lengths);

    Xapian::PostingSource* clone() const override;
    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return shard_termfreq_; }
    Xapian::doccount get_termfreq_est() const override { return shard_termfreq_; }
    Xapian::doccount get_termfreq_max() const override { return shard_termfreq_; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return started_ && it_ == end_; }
    Xapian::docid get_docid() const override { return *it_; }
    double get_weight() const override;
    std::string get_description() const override { return "IneB2Term(" + term_ + ")"; }

private:
    Xapian::termcount length_of(Xapian::docid did) const;

    std::string term_;
    Xapian::termcount wqf_;
    double c_;
    TermStatistics stats_;
    std::shared_ptr<const DocumentLengths> lengths_;
    // Of the shard being searched, set by init().
    Xapian::Database shard_;
    const std::vector<Xapian::termcount>* shard_lengths_ = nullptr;
    Xapian::PostingIterator it_;
    Xapian::PostingIterator end_;
    bool started_ = false;
    Xapian::doccount shard_termfreq_ = 0;
    double c_product_avlen_ = 0;
    double b_constant_ = 0;
    double wqf_product_idf_ = 0;
};

/// Builds query leaves for terms as IneB2Term, reading the statistics from `db` (which must outlive it).
class IneB2Terms {
public:
    IneB2Terms(const Xapian::Database& db, double c, std::shared_ptr<const DocumentLengths> lengths)
        : db_(db), c_(c), lengths_(std::move(lengths)) {}

    /// The leaf for `term` at `wqf`.
    Xapian::Query operator()(const std::string& term, Xapian::termcount wqf) const;

private:
    const Xapian::Database& db_;
    double c_;
    std::shared_ptr<const DocumentLengths> lengths_;
};

}  // namespace duet::search
