#include "ineb2_term.h"

#include <cmath>

namespace duet::search {

IneB2Term::IneB2Term(std::string term, Xapian::termcount wqf, double c, TermStatistics stats,
                     std::shared_ptr<const DocumentLengths> lengths)
    : term_(std::move(term)), wqf_(wqf), c_(c), stats_(stats), lengths_(std::move(lengths)) {}

Xapian::PostingSource* IneB2Term::clone() const { return new IneB2Term(term_, wqf_, c_, stats_, lengths_); }

// Xapian inits a clone per shard, with that shard alone: its postings and bounds, but the whole database's
// statistics (stats_), as its own weights have.
void IneB2Term::init(const Xapian::Database& db) {
    shard_ = db;
    shard_lengths_ = lengths_ ? lengths_->of(db) : nullptr;
    it_ = db.postlist_begin(term_);
    end_ = db.postlist_end(term_);
    started_ = false;
    shard_termfreq_ = db.get_termfreq(term_);
    set_maxweight(0.0);
    const Xapian::termcount wdf_upper = db.get_wdf_upper_bound(term_);
    if (stats_.termfreq == 0 || wdf_upper == 0) return;
    // As IneB2Weight::init, factor 1 (Xapian applies a scale to a posting source's weights afterwards).
    double wdfn_upper = wdf_upper;
    wdfn_upper *= std::log2(1 + (c_ * stats_.average_length) / db.get_doclength_lower_bound());
    const double N = stats_.records;
    const double F = stats_.collection_freq;
    const double termfreq = stats_.termfreq;
    const double max_wdfn_product_B = (F + 1.0) / (termfreq + (termfreq / wdfn_upper));
    const double mean = F / N;
    const double expected_max = N * (1.0 - std::exp(-mean));
    const double idf_max = std::log2((N + 1.0) / (expected_max + 0.5));
    wqf_product_idf_ = wqf_ * idf_max;
    c_product_avlen_ = c_ * stats_.average_length;
    b_constant_ = (F + 1.0) / termfreq;
    set_maxweight(max_wdfn_product_B * idf_max * wqf_);
}

void IneB2Term::next(double) {
    if (started_) {
        ++it_;
    } else {
        started_ = true;
    }
}

void IneB2Term::skip_to(Xapian::docid did, double) {
    started_ = true;
    it_.skip_to(did);
}

Xapian::termcount IneB2Term::length_of(Xapian::docid did) const {
    // 0 is no record's length that holds a term: the table has not seen this one, so it is read, never guessed.
    if (shard_lengths_ != nullptr && did < shard_lengths_->size()) {
        if (const Xapian::termcount length = (*shard_lengths_)[did]; length != 0) return length;
    }
    return shard_.get_doclength(did);
}

double IneB2Term::get_weight() const {
    // As IneB2Weight::get_sumpart.
    const Xapian::termcount wdf = it_.get_wdf();
    if (wdf == 0) return 0.0;
    double wdfn = wdf;
    wdfn *= std::log2(1 + c_product_avlen_ / length_of(*it_));
    const double wdfn_product_B = wdfn * b_constant_ / (wdfn + 1.0);
    return wdfn_product_B * wqf_product_idf_;
}

Xapian::Query IneB2Terms::operator()(const std::string& term, Xapian::termcount wqf) const {
    TermStatistics stats;
    stats.records = db_.get_doccount();
    stats.average_length = db_.get_avlength();
    stats.termfreq = db_.get_termfreq(term);
    stats.collection_freq = db_.get_collection_freq(term);
    return Xapian::Query((new IneB2Term(term, wqf, c_, stats, lengths_))->release());
}

}  // namespace duet::search
