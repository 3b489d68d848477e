#include "run_mode.h"

#include <istream>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace duet::search {

namespace {

std::string as_string(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return {};
}

}  // namespace

std::vector<RunQuery> read_run_queries(std::istream& in, std::vector<std::string>& problems) {
    std::vector<RunQuery> queries;
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        if (line[line.find_first_not_of(" \t")] == '{') {
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object() || !j.contains("_id") || !j.contains("text")) {
                problems.push_back(fmt::format("line {}: expected a JSON object with \"_id\" and \"text\"", n));
                continue;
            }
            queries.push_back({as_string(j["_id"]), as_string(j["text"])});
            continue;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) {
            problems.push_back(fmt::format("line {}: expected `qid<TAB>query`", n));
            continue;
        }
        queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return queries;
}

void write_run(Searcher& searcher, const std::vector<RunQuery>& queries, std::size_t depth, std::ostream& out) {
    for (const RunQuery& q : queries) {
        std::size_t rank = 1;
        for (const RankedId& r : searcher.rank(q.text, depth)) {
            out << fmt::format("{} Q0 {} {} {:.6f} duet\n", q.id, r.id, rank++, r.score);
        }
    }
}

}  // namespace duet::search
