// Batch evaluation: reads queries, writes a TREC run for trec_eval-style scoring.
#pragma once

#include "searcher.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace duet::search {

/// A query to run, with its id.
struct RunQuery {
    std::string id;
    std::string text;
};

/// Reads `qid<TAB>query` lines or BEIR `{"_id","text"}` JSON lines; bad lines are reported through `problems`
/// as "line N: what" and skipped.
std::vector<RunQuery> read_run_queries(std::istream& in, std::vector<std::string>& problems);

/// Writes `qid Q0 docid rank score duet` lines, best `depth` per query.
void write_run(Searcher& searcher, const std::vector<RunQuery>& queries, std::size_t depth, std::ostream& out);

}  // namespace duet::search
