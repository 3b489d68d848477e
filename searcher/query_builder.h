// Builds Xapian queries from parsed clauses; every text leaf goes through the one analyzer.
#pragma once

#include "analyzer.h"
#include "cross_language.h"
#include "match_terms.h"
#include "query_syntax.h"
#include "ranking.h"
#include "weighted_sum.h"

#include <xapian.h>

namespace duet::search {

/// A query ready to run and the terms its results should highlight.
struct BuiltQuery {
    Xapian::Query query;  ///< empty (matches nothing) when the text held no searchable words
    /// What the ranked pass runs: `query` with its words scored by the builder's term leaves
    /// (QueryBuilder::set_term_leaf), or `query` itself when it has none. Same matches and scores, faster.
    Xapian::Query ranked;
    MatchTerms highlight;
    std::vector<std::string> expansions;  ///< other-language terms the query was widened with
    /// Scores added on the best `rerank_depth` records only, never a match of its own: typed words side by side.
    /// Empty when the query has none.
    Xapian::Query rerank;
    std::size_t rerank_depth = 0;  ///< how many of the first pass's best records `rerank` is scored on
};

/// Turns clauses into a query. Holds a reference to the analyzer; not thread-safe, like the analyzer.
class QueryBuilder {
public:
    /// A term (or compound) a text's query searches, with its weight in the query and how many records have it.
    struct Piece {
        std::string text;  ///< the analyzer's term, unprefixed (乳腺癌, 乳腺, 乳, a stem; a compound's parts, spaced)
        double weight = 1.0;
        Xapian::doccount records = 0;
        Xapian::Query query;  ///< what searches it, for its terms' statistics
    };

    /// What a record having some pieces scores under the ranking's scheme, up to a constant.
    struct Mass {
        double seen = 0;        ///< from the pieces some record has
        double unseen = 0;      ///< the rarity of the pieces no record has, as if each were in one
        double rarity = 0;      ///< the seen pieces' rarity, summed
        double recurrence = 0;  ///< their mean occurrences in a record having them, weighted by rarity, summed
    };

    /// `cross` (may be null) widens free-text queries with the other language's terms. `vocabulary` (may be
    /// null, must outlive the builder) is the database searched: a compound word (IL-6) whose joined form it
    /// lacks is searched as a phrase of its parts alone.
    explicit QueryBuilder(analysis::Analyzer& analyzer, Ranking ranking = {}, const CrossLanguage* cross = nullptr,
                          const Xapian::Database* vocabulary = nullptr)
        : analyzer_(analyzer), ranking_(ranking), cross_(cross), vocabulary_(vocabulary) {}

    /// The query for `clauses`: Should clauses are ORed (their scores add up), Must clauses required,
    /// MustNot clauses excluded, field filters (doi, year, jcr, lang) applied without affecting scores.
    BuiltQuery build(const std::vector<Clause>& clauses);

    /// Makes `ranked` too, its plain terms made by `leaf` (null: none). For scores read faster, not other ones.
    void set_term_leaf(TermLeaf leaf) { term_leaf_ = std::move(leaf); }

    /// parse_query + build.
    BuiltQuery build(std::string_view text) { return build(parse_query(text)); }

    /// The other language's terms for the words of `text` (read as plain words, not query syntax), weighted
    /// as a query's expansions are; empty without a term list or an entry. Adds what it searches to `built`.
    Xapian::Query translations(std::string_view text, BuiltQuery& built);

private:
    /// A text's query in parts: `match` decides which records match, `boost` only adds to their scores, `pairs`
    /// only to the scores of the best records (BuiltQuery::rerank).
    struct Scored {
        WeightedSum match;
        WeightedSum boost;
        Xapian::Query pairs;
        std::vector<Piece> pieces;  ///< what match and boost search (with a database only), for calibration
        std::size_t pairs_depth = 0;  ///< the best records `pairs` are scored on

        /// `match` and `boost` together: what a required or excluded clause, or a translation, searches.
        WeightedSum all() const {
            WeightedSum both = match;
            both.add(boost);
            return both;
        }
    };

    // `translated`: the text came from the bilingual list, so single characters would only add noise.
    Scored text_query(const Clause& clause, const std::vector<analysis::Token>& tokens, MatchTerms& highlight,
                      std::size_t& budget, bool translated = false);
    Xapian::Query filter_query(const Clause& clause) const;
    // A group of nothing but readable filters, ORed (year:(2019 OR 2021)); empty for any other group.
    Xapian::Query filter_group(const std::vector<Clause>& group) const;
    // The `limit` of `queries` found in the fewest records of the searched database (all of them without a
    // database or a limit), in their order, each at `weight`; adds them to `pieces` with their `texts`, and their
    // indices to `kept_indices`.
    WeightedSum keep_rarest(const std::vector<Xapian::Query>& queries, const std::vector<std::string>& texts,
                            std::size_t limit, double weight, std::vector<Piece>& pieces,
                            std::vector<std::size_t>* kept_indices = nullptr) const;
    // At most how many records of the searched database `q` matches, from its terms' record counts.
    Xapian::doccount most_records(const Xapian::Query& q) const;
    Mass mass(const std::vector<Piece>& pieces) const;
    // How often `p`'s terms occur in a record that has them, on average; `p` is in some record.
    double mean_wdf(const Piece& p) const;
    // `typed`: the pieces the query searches for `tokens` itself, which calibrate the translations' weights.
    WeightedSum expansion_query(const std::vector<analysis::Token>& tokens, BuiltQuery& built, std::size_t& budget,
                                const std::vector<Piece>& typed = {});

    analysis::Analyzer& analyzer_;
    Ranking ranking_;
    const CrossLanguage* cross_;
    const Xapian::Database* vocabulary_;
    TermLeaf term_leaf_;
};

}  // namespace duet::search
