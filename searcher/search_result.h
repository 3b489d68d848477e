// One page of search results, as the CLI prints it and the HTTP API returns it.
#pragma once

#include "record.h"

#include <cstdint>
#include <string>
#include <vector>

namespace duet::search {

/// One ranked record with its highlighted fragments.
struct Hit {
    std::size_t rank = 0;               ///< 1-based rank over the whole result list
    double score = 0;                   ///< relevance weight (BM25)
    std::size_t shard = 0;              ///< which shard database the record lives in (0 when not sharded)
    records::Record record;             ///< stored display fields
    std::string title_html;             ///< title with matches in <mark>, otherwise escaped
    std::string title_zh_html;          ///< Chinese title likewise (empty if none)
    std::vector<std::string> snippets;  ///< fragments of the text, matches in <mark>, otherwise escaped
};

/// One value of a facet and how many matching records have it.
struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
};

/// Counts of one facet (year, journal, jcr, category, lang) over the matching records.
struct Facet {
    std::string name;
    std::vector<FacetValue> values;  ///< most frequent first (years: newest first)
    bool exact = true;               ///< false when counted over a sample of a very large result set
};

/// A page of results.
struct SearchResult {
    std::string query;              ///< the query as typed
    std::uint64_t total = 0;        ///< number of matching records (estimated when `total_exact` is false)
    bool total_exact = true;
    std::size_t offset = 0;
    std::size_t limit = 0;
    double took_ms = 0;             ///< time spent searching and building snippets
    std::vector<Hit> hits;
    std::vector<Facet> facets;      ///< filled when the request asked for facets
    std::string suggestion;         ///< "did you mean" (empty when none)
    std::vector<std::string> expansions;  ///< terms the engine added to the query (cross-language)
};

}  // namespace duet::search
