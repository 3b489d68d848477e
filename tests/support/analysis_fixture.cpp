#include "analysis_fixture.h"

namespace duet::testing {

const analysis::Analyzer& standard_analyzer() {
    static const analysis::Analyzer analyzer(analysis::AnalyzerConfig::standard(analysis::default_data_dir()));
    return analyzer;
}

namespace {

std::vector<analysis::Token> tokens_of(std::string_view text) {
    analysis::Analyzer analyzer(standard_analyzer());
    return analyzer.analyze(text);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

}  // namespace

std::string words(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : tokens_of(text)) {
        if (t.kind != analysis::TokenKind::Word && t.kind != analysis::TokenKind::Joined) continue;
        out.push_back(t.term + "[" + std::to_string(t.position) + "]" + (t.stop ? "*" : ""));
    }
    return join(out, " ");
}

std::string terms_of(std::string_view text, analysis::TokenKind kind) {
    std::vector<std::string> out;
    for (const auto& t : tokens_of(text)) {
        if (t.kind == kind) out.push_back(t.term);
    }
    return join(out, " ");
}

std::string spans(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : tokens_of(text)) {
        if (t.kind == analysis::TokenKind::Word) out.emplace_back(text.substr(t.begin, t.end - t.begin));
    }
    return join(out, "|");
}

}  // namespace duet::testing
