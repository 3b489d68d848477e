#include "document_builder.h"

#include "char_class.h"
#include "schema.h"
#include "utf8.h"

#include <algorithm>
#include <set>
#include <string_view>
#include "stored_record.h"


namespace duet {

namespace {

using analysis::Token;
using schema::Field;

// Where the slice of `text` that starts at `from` ends: the whole rest when it is short, else just past the
// first line break, space or Chinese full stop after kSliceBytes. Text with none for kMaxSliceBytes (a
// megabyte of Han characters without punctuation) is cut between two characters there.
constexpr std::size_t kSliceBytes = std::size_t{1} << 16;
constexpr std::size_t kMaxSliceBytes = std::size_t{1} << 20;

std::size_t slice_end(std::string_view text, std::size_t from) {
    if (text.size() - from <= kSliceBytes) return text.size();
    const std::size_t start = from + kSliceBytes;
    std::size_t cut = text.find_first_of("\n ", start);
    if (cut != std::string_view::npos) ++cut;
    constexpr std::string_view kFullStop = "\xE3\x80\x82";  // 。
    const std::size_t stop = text.find(kFullStop, start);
    if (stop != std::string_view::npos && stop + kFullStop.size() < cut) cut = stop + kFullStop.size();
    if (cut - from <= kMaxSliceBytes || from + kMaxSliceBytes >= text.size()) return std::min(cut, text.size());
    return std::max(start, analysis::utf8::boundary_at_or_before(text, from + kMaxSliceBytes));
}

class TermWriter {
public:
    TermWriter(Xapian::Document& doc, analysis::Analyzer& analyzer, std::set<std::string>& spellings)
        : doc_(doc), analyzer_(analyzer), spellings_(spellings) {}

    // Indexes `text` into `field`, each token `wdf` times; each call starts past a gap so phrases never span
    // two texts.
    void add(Field field, const std::string& text, Xapian::termcount wdf = 1) {
        if (text.empty()) return;
        Xapian::termpos& next = next_position_[static_cast<int>(field)];
        // A long text is analysed a slice at a time: tokens take about fifty bytes per byte of Chinese, so a
        // 16 MB record would hold a gigabyte of them at once. No token spans a separator, so the terms and
        // positions are those of one analysis of the whole text.
        for (std::size_t from = 0; from < text.size();) {
            const std::size_t to = slice_end(text, from);
            const std::string_view slice = std::string_view(text).substr(from, to - from);
            tokens_.clear();
            next = analyzer_.analyze(slice, next, tokens_);
            for (const Token& t : tokens_) {
                const std::string term = schema::term(field, t.kind, t.term);
                if (schema::has_positions(t)) {
                    doc_.add_posting(term, t.position, wdf);
                } else {
                    doc_.add_term(term, wdf);
                }
                if (field == Field::Text) remember_spelling(slice, t);
            }
            from = to;
        }
        next += schema::kFieldGap;
    }

private:
    // "Did you mean" suggests words as people write them, so it learns the unstemmed English words.
    void remember_spelling(std::string_view text, const Token& t) {
        if (t.kind != analysis::TokenKind::Word || t.script != analysis::Script::Latin || t.stop) return;
        const std::string_view written = text.substr(t.begin, t.end - t.begin);
        if (schema::spelling_table_holds(written)) spellings_.insert(analyzer_.spelling_form(written));
    }

    Xapian::Document& doc_;
    analysis::Analyzer& analyzer_;
    std::set<std::string>& spellings_;
    std::vector<Token> tokens_;
    Xapian::termpos next_position_[4] = {1, 1, 1, 1};
};

// The language a text is mostly written in, if any: a Chinese abstract that names HPLC, MSCs or mg/L is still
// Chinese, and an English one that quotes 中药 is still English. A Han character counts as three Latin letters,
// about what each carries of a word.
enum class Script { None, Latin, Han };

Script main_script(const std::string& s) {
    std::size_t latin = 0;
    std::size_t han = 0;
    for (std::size_t at = 0; at < s.size();) {
        const analysis::utf8::Decoded d = analysis::utf8::decode(s, at);
        if ((d.cp >= 'a' && d.cp <= 'z') || (d.cp >= 'A' && d.cp <= 'Z')) ++latin;
        if (analysis::classify(d.cp) == analysis::CharClass::Han) ++han;
        at += d.length;
    }
    if (latin == 0 && han == 0) return Script::None;
    return latin > 3 * han ? Script::Latin : Script::Han;
}

// YYYYMMDD with missing parts as zeros, so dates sort as strings.
std::string sortable_date(const std::string& date) {
    std::string digits;
    for (const char c : date) {
        if (c >= '0' && c <= '9') digits += c;
    }
    digits.resize(8, '0');
    return digits;
}

std::string join_keywords(const std::vector<std::string>& keywords) {
    std::string out;
    for (const auto& k : keywords) out += k + "\n";
    return out;
}

}  // namespace

std::vector<std::string> record_languages(const records::Record& r) {
    std::vector<std::string> langs;
    bool en = false;
    bool zh = !r.title_zh.empty() || !r.abstract_zh.empty();
    for (const std::string* text : {&r.title, &r.abstract, &r.body}) {
        const Script script = main_script(*text);
        en = en || script == Script::Latin;
        zh = zh || script == Script::Han;
    }
    if (en) langs.emplace_back("en");
    if (zh) langs.emplace_back("zh");
    return langs;
}

BuiltDocument build_document(const records::Record& r, const std::string& source_key,
                             analysis::Analyzer& analyzer) {
    Xapian::Document doc;
    std::set<std::string> spellings;
    TermWriter terms(doc, analyzer, spellings);
    terms.add(Field::Text, r.title, schema::kTitleWdf);
    terms.add(Field::Text, r.title_zh, schema::kTitleWdf);
    terms.add(Field::Text, r.abstract);
    terms.add(Field::Text, r.abstract_zh);
    terms.add(Field::Text, join_keywords(r.keywords));
    terms.add(Field::Text, r.body);
    terms.add(Field::Title, r.title);
    terms.add(Field::Title, r.title_zh);
    for (const auto& author : r.authors) terms.add(Field::Author, author);
    terms.add(Field::Journal, r.journal);

    doc.add_boolean_term(schema::id_term(r.id));
    doc.add_boolean_term(schema::source_term(source_key));
    if (!r.doi.empty()) doc.add_boolean_term(schema::filter_term(schema::kDoiPrefix, r.doi));
    if (r.year) doc.add_boolean_term(schema::filter_term(schema::kYearPrefix, std::to_string(*r.year)));
    if (!r.journal.empty()) doc.add_boolean_term(schema::filter_term(schema::kJournalPrefix, r.journal));
    if (!r.jcr.empty()) doc.add_boolean_term(schema::filter_term(schema::kJcrPrefix, r.jcr));
    if (!r.category.empty()) doc.add_boolean_term(schema::filter_term(schema::kCategoryPrefix, r.category));
    schema::FacetFields facets{r.year ? std::to_string(*r.year) : std::string(), r.journal, r.jcr, r.category, {}};
    for (const auto& lang : record_languages(r)) {
        doc.add_boolean_term(schema::filter_term(schema::kLangPrefix, lang));
        facets.languages += (facets.languages.empty() ? "" : " ") + lang;
    }

    doc.add_value(schema::slot(schema::Slot::Id), r.id);
    if (!r.date.empty()) doc.add_value(schema::slot(schema::Slot::Date), sortable_date(r.date));
    if (r.year) doc.add_value(schema::slot(schema::Slot::Year), Xapian::sortable_serialise(*r.year));
    if (r.citations) {
        doc.add_value(schema::slot(schema::Slot::Citations), Xapian::sortable_serialise(static_cast<double>(*r.citations)));
    }
    if (r.impact_factor) doc.add_value(schema::slot(schema::Slot::ImpactFactor), Xapian::sortable_serialise(*r.impact_factor));
    if (!r.journal.empty()) doc.add_value(schema::slot(schema::Slot::Journal), r.journal);
    doc.add_value(schema::slot(schema::Slot::Facets), schema::facet_value(facets));

    doc.set_data(encode_stored_record(r));
    return {std::move(doc), std::vector<std::string>(spellings.begin(), spellings.end())};
}

}  // namespace duet
