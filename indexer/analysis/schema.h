// The index schema: every term prefix, value slot and metadata key lives here and only here.
#pragma once

#include "token.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace duet::schema {

/// Bump when the layout below changes; the searcher refuses indexes of another version.
inline constexpr int kFormatVersion = 7;  // 7: every facet of a record in one value (Slot::Facets)

/// Searchable text fields. Text holds everything; the others repeat their words under a prefix
/// so that title:, author: and journal: can search them alone.
enum class Field { Text, Title, Author, Journal };

/// The prefix of a field's terms ("" for Text).
std::string_view field_prefix(Field field);

/// The term a token is indexed and searched as in `field`: field prefix + kind marker + token text.
/// Words, subwords and joined compounds share a space; Han bigrams ("B") and unigrams ("U") have their own.
std::string term(Field field, analysis::TokenKind kind, std::string_view text);

/// True when `token` is indexed with positions. Phrases need words, not bigrams; stopwords are left out
/// (a quarter of all words, and positions are about half the cost of writing) and a phrase steps over them.
inline bool has_positions(const analysis::Token& token) {
    return !token.stop && (token.kind == analysis::TokenKind::Word || token.kind == analysis::TokenKind::Joined ||
                           token.kind == analysis::TokenKind::Subword);
}

/// True when the spelling table ("did you mean") holds a Latin, non-stop word written so: 4 to 30 ASCII letters.
/// Longer words are rarely typos, and other scripts are not corrected.
inline bool spelling_table_holds(std::string_view written) {
    if (written.size() < 4 || written.size() > 30) return false;
    for (const char c : written) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
}

/// Within-document frequency of each title token in Text: a title word counts as three body words, so BM25
/// weighs titles without searching a title copy (BM25F-style; tuned with bench/quality.sh, see HACKING.md).
inline constexpr Xapian::termcount kTitleWdf = 3;

/// Gap between positions of consecutive field texts, so phrases never match across fields.
inline constexpr Xapian::termpos kFieldGap = 100;

// Boolean (filter) terms. Values after the prefix are folded to lower case unless noted.
inline constexpr std::string_view kIdPrefix = "Q";          ///< + record id (as given): one document per id
inline constexpr std::string_view kSourcePrefix = "XF";     ///< + source file key: which file a record came from
inline constexpr std::string_view kDoiPrefix = "XDOI";      ///< + normalised DOI
inline constexpr std::string_view kYearPrefix = "Y";        ///< + four-digit year
inline constexpr std::string_view kJournalPrefix = "XJ";    ///< + folded journal name
inline constexpr std::string_view kJcrPrefix = "XQ";        ///< + q1..q4
inline constexpr std::string_view kLangPrefix = "XL";       ///< + zh or en: languages the record has text in
inline constexpr std::string_view kCategoryPrefix = "XC";   ///< + category (RegionCategory)

/// Xapian refuses terms longer than 245 bytes; boolean terms and file-stamp keys are kept to that (the very
/// limit, so that every term an older index could hold is unchanged).
inline constexpr std::size_t kMaxBooleanTermBytes = 245;

/// `prefix` + `value`, or, when that is longer than kMaxBooleanTermBytes, the prefix, the value's first
/// whole characters, '#' and a 64-bit digest of the whole value: still one term per value, the same at
/// index and query time.
std::string bounded_term(std::string_view prefix, std::string_view value);

/// Bytes bounded_term() ends a cut term with: '#' and 16 hex digits.
inline constexpr std::size_t kDigestTailBytes = 17;

/// A cut term keeps at least this many bytes before its digest tail, prefix included (the cut backs up over
/// at most three bytes of a character); a scan by prefix reaches every cut term when it is this short.
inline constexpr std::size_t kCutTermKeepsBytes = kMaxBooleanTermBytes - kDigestTailBytes - 3;

/// True when `term` may have been cut by bounded_term().
inline bool maybe_cut(std::string_view term) { return term.size() >= kCutTermKeepsBytes + kDigestTailBytes; }

/// A filter term: `prefix` + `value` with ASCII letters lower-cased (bounded), the same at index and query time.
std::string filter_term(std::string_view prefix, std::string_view value);

/// The boolean term that names the document of record `id`.
std::string id_term(std::string_view id);

/// The boolean term every record read from the file `file_key` carries.
std::string source_term(std::string_view file_key);

/// Value slots, for sorting and facets.
enum class Slot : Xapian::valueno {
    Date = 0,          ///< YYYYMMDD (missing parts as 00): sorts as a string
    Year = 1,          ///< sortable_serialise(year)
    Citations = 2,     ///< sortable_serialise(count)
    ImpactFactor = 3,  ///< sortable_serialise(IF)
    Journal = 4,       ///< journal name as displayed
    Id = 7,            ///< the record id: breaks ties the same way however the index is sharded
    Facets = 9,        ///< facet_value(): year, journal, JCR quartile, category and languages together
    // 5, 6 and 8 held the JCR quartile, category and languages apart until format 7.
};

/// The Xapian slot number of `slot`.
inline Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

/// What a record's facets show, as text.
struct FacetFields {
    std::string year;       ///< decimal ("2019"), empty when unknown
    std::string journal;    ///< as displayed
    std::string jcr;        ///< "Q1".."Q4"
    std::string category;   ///< RegionCategory as displayed
    std::string languages;  ///< as the record's XL terms name them, space-separated ("en", "zh", "en zh")
};

/// The one value (Slot::Facets) that holds all of a record's facets: counting facets then reads one value per
/// matching record, not five (each a seek of its own when the matches are far apart). Each field is written as
/// its length, ':', and its bytes, so any text round-trips.
std::string facet_value(const FacetFields& fields);

/// The fields of a facet_value(); std::nullopt when `value` is not one.
std::optional<FacetFields> parse_facet_value(std::string_view value);

// Database metadata keys.
inline constexpr std::string_view kMetaFormat = "duet.format";      ///< kFormatVersion as text
inline constexpr std::string_view kMetaAnalyzer = "duet.analyzer";  ///< the analyzer's fingerprint
inline constexpr std::string_view kMetaFilePrefix = "duet.file:";   ///< + file key (bounded) -> FileStamp text
inline constexpr std::string_view kMetaLastRun = "duet.last_run";   ///< when the last run ended and what it did

/// The metadata key of a file's stamp: kMetaFilePrefix + file key, bounded like a term.
std::string file_stamp_key(std::string_view file_key);

}  // namespace duet::schema
