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
    records::Record record;             ///< stored display fields
    std::string title_html;             ///< title with matches in <mark>, otherwise escaped
    std::string title_zh_html;          ///< Chinese title likewise (empty if none)
    std::vector<std::string> snippets;  ///< fragments of the text, matches in <mark>, otherwise escaped
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
};

}  // namespace duet::search
