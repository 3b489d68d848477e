#include "spelling.h"

#include "schema.h"

namespace duet::search {

namespace {

// How many records write `word` so (0 when none does); see schema::spelling_table_holds for which words count.
Xapian::doccount written_in_records(const Xapian::Database& db, const std::string& word) {
    Xapian::TermIterator it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

// A typed word no record writes, though its stem is in some (inflamation's stem, inflam, is inflamed's), is
// corrected only to a word this many times as common as that stem: Stacking (stack: 4 records) is not
// smacking (1), careers (career: 2) not carers (4), while inflamation (16) is inflammation (223).
constexpr Xapian::doccount kCommonerThanStem = 5;

// The term a word is searched as.
std::string word_term(analysis::Analyzer& analyzer, std::string_view word) {
    for (const analysis::Token& t : analyzer.analyze(word)) {
        if (t.kind == analysis::TokenKind::Word) return schema::term(schema::Field::Text, t.kind, t.term);
    }
    return {};
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words that are written as meant even when the index lacks them: codes with digits (5mmol, Kat8, taa1),
// acronyms and gene symbols (RUNX, OPMLs, aPKCz), and names, capitalised after the query's first word
// (Deltex, Feuerstein-Mims). Correcting these turned "5mmol" into "mmol", "RUNX" into "runs" and "Deltex"
// into "Deleted". `first` is true for the query's first word, capitalised as a sentence starts.
bool written_as_meant(std::string_view word, bool first) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (is_digit(word[i]) || (i > 0 && is_upper(word[i]))) return true;
    }
    return !first && is_upper(word[0]);
}

// A suggestion that is the typed word less a prefix or suffix is usually another word, not a correction:
// unassociated is not associated, immobility not mobility, scapular not scapula. A doubled letter
// (therapyy) is still a typo.
bool drops_an_affix(const std::string& typed, const std::string& suggestion) {
    if (suggestion.size() >= typed.size()) return false;
    const std::size_t at = typed.find(suggestion);
    if (at == std::string::npos) return false;
    if (typed.size() - suggestion.size() != 1) return true;
    const std::size_t dropped = at == 0 ? typed.size() - 1 : 0;
    const std::size_t neighbour = at == 0 ? dropped - 1 : 1;
    return typed[dropped] != typed[neighbour];
}

// One edit (a transposition counts as one), keeping the first letter unless it was left out (reatment): at two
// edits, or with another first letter, Xapian turned real words the index lacks into others it holds (swapping ->
// mapping, downward -> onward, executor -> execution, tegmental -> segmental, nexin -> kexin).
constexpr unsigned kMaxEdits = 1;

bool keeps_first_letter(const std::string& typed, const std::string& suggestion) {
    if (typed.empty() || suggestion.empty()) return false;
    return typed[0] == suggestion[0] || std::string_view(suggestion).substr(1) == typed;
}

// Keeps a capital the reader typed at the start of a word ("Osteoartritis" -> "Osteoarthritis").
std::string in_written_case(std::string suggestion, std::string_view written) {
    if (!written.empty() && is_upper(written[0]) && !suggestion.empty() && suggestion[0] >= 'a' && suggestion[0] <= 'z') {
        suggestion[0] = static_cast<char>(suggestion[0] - 'a' + 'A');
    }
    return suggestion;
}

}  // namespace

std::string did_you_mean(const Xapian::Database& db, analysis::Analyzer& analyzer, std::string_view query) {
    std::string corrected;
    std::size_t copied = 0;  // bytes of `query` already in `corrected`
    bool changed = false;
    const std::vector<analysis::Token> tokens = analyzer.analyze(query);
    const std::size_t first_word = tokens.empty() ? 0 : tokens.front().begin;
    for (const analysis::Token& t : tokens) {
        if (t.kind != analysis::TokenKind::Word || t.script != analysis::Script::Latin || t.stop) continue;
        // Four letters or fewer are too near other words to guess (port, part; polm, poly).
        if (t.begin < copied || t.end - t.begin < 5) continue;
        const std::string typed_term = schema::term(schema::Field::Text, t.kind, t.term);
        const std::string_view written = query.substr(t.begin, t.end - t.begin);
        const std::string word = analyzer.spelling_form(written);
        // A word whose stem some record holds is meant if records also write it so (or the spelling table
        // cannot say, not holding such words); if not, it may be a typo (inflamation).
        const Xapian::doccount stem_records = db.get_termfreq(typed_term);
        if (stem_records > 0 && (!schema::spelling_table_holds(written) || written_in_records(db, word) > 0)) {
            continue;
        }
        if (written_as_meant(written, t.begin == first_word)) continue;
        const std::string suggestion = db.get_spelling_suggestion(word, kMaxEdits);
        if (suggestion.empty() || suggestion == word || !keeps_first_letter(word, suggestion)) continue;
        if (drops_an_affix(word, suggestion)) continue;
        const std::string suggestion_term = word_term(analyzer, suggestion);
        // The spelling table only ever grows (records that are replaced or deleted leave their words in it), so a
        // suggestion counts only if some record still holds it: otherwise it would lead to an empty page.
        if (suggestion_term.empty() || !db.term_exists(suggestion_term)) continue;
        // One that searches the same term finds the same records (randomise, randomised): no news.
        if (suggestion_term == typed_term) continue;
        if (stem_records > 0 && written_in_records(db, suggestion) < kCommonerThanStem * stem_records) continue;
        corrected.append(query.substr(copied, t.begin - copied));
        corrected += in_written_case(suggestion, written);
        copied = t.end;
        changed = true;
    }
    if (!changed) return {};
    corrected.append(query.substr(copied));
    return corrected;
}

}  // namespace duet::search
