#include "spelling.h"

#include "schema.h"

namespace duet::search {

namespace {

// The spelling table only ever grows (records that are replaced or deleted leave their words in it), so a
// suggestion counts only if some record still holds it: otherwise it would lead to an empty page.
bool still_indexed(const Xapian::Database& db, analysis::Analyzer& analyzer, const std::string& word) {
    for (const analysis::Token& t : analyzer.analyze(word)) {
        if (t.kind == analysis::TokenKind::Word && db.term_exists(schema::term(schema::Field::Text, t.kind, t.term))) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::string did_you_mean(const Xapian::Database& db, analysis::Analyzer& analyzer, std::string_view query) {
    std::string corrected;
    std::size_t copied = 0;  // bytes of `query` already in `corrected`
    bool changed = false;
    for (const analysis::Token& t : analyzer.analyze(query)) {
        if (t.kind != analysis::TokenKind::Word || t.script != analysis::Script::Latin || t.stop) continue;
        if (t.begin < copied || t.end - t.begin < 4) continue;
        if (db.term_exists(schema::term(schema::Field::Text, t.kind, t.term))) continue;
        const std::string word = analyzer.spelling_form(query.substr(t.begin, t.end - t.begin));
        const std::string suggestion = db.get_spelling_suggestion(word, 2);
        if (suggestion.empty() || suggestion == word || !still_indexed(db, analyzer, suggestion)) continue;
        corrected.append(query.substr(copied, t.begin - copied));
        corrected += suggestion;
        copied = t.end;
        changed = true;
    }
    if (!changed) return {};
    corrected.append(query.substr(copied));
    return corrected;
}

}  // namespace duet::search
