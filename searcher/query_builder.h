// Builds Xapian queries from parsed clauses; every text leaf goes through the one analyzer.
#pragma once

#include "analyzer.h"
#include "match_terms.h"
#include "query_syntax.h"
#include "ranking.h"

#include <xapian.h>

namespace duet::search {

/// A query ready to run and the terms its results should highlight.
struct BuiltQuery {
    Xapian::Query query;  ///< empty (matches nothing) when the text held no searchable words
    MatchTerms highlight;
};

/// Turns clauses into a query. Holds a reference to the analyzer; not thread-safe, like the analyzer.
class QueryBuilder {
public:
    explicit QueryBuilder(analysis::Analyzer& analyzer, Ranking ranking = {})
        : analyzer_(analyzer), ranking_(ranking) {}

    /// The query for `clauses`: Should clauses are ORed (BM25 sums them), Must clauses required,
    /// MustNot clauses excluded, field filters (doi, year, jcr, lang) applied without affecting scores.
    BuiltQuery build(const std::vector<Clause>& clauses);

    /// parse_query + build.
    BuiltQuery build(std::string_view text) { return build(parse_query(text)); }

private:
    Xapian::Query text_query(const Clause& clause, MatchTerms& highlight, std::size_t& budget);
    Xapian::Query filter_query(const Clause& clause) const;

    analysis::Analyzer& analyzer_;
    Ranking ranking_;
};

}  // namespace duet::search
