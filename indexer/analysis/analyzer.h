// The one bilingual analyzer: the only place text becomes terms, at index time, query time and for snippets.
#pragma once

#include "token.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace duet::analysis {

class Folding;
class Lexicon;
class Segmenter;
class Stemmer;
class StopWords;

/// The files an analyzer is built from. Their contents (not their paths) make up the fingerprint.
struct AnalyzerConfig {
    std::vector<std::filesystem::path> lexicons;   ///< `word freq` lists; later files add to earlier ones
    std::vector<std::filesystem::path> stopwords;  ///< one word per line
    std::vector<std::filesystem::path> word_forms; ///< English forms the stemmer does not join, one word a line
    std::string stemmer = "english";               ///< a Snowball language known to Xapian::Stem

    /// Duet's standard analyzer: Debian's jieba dictionary plus data_dir/lexicon and data_dir/stopwords.
    static AnalyzerConfig standard(const std::filesystem::path& data_dir);
};

/// Where stopwords/ and lexicon/ live: $DUET_DATA_DIR, else the directory chosen at build time.
std::filesystem::path default_data_dir();

/// Turns UTF-8 text into tokens. Not thread-safe (the stemmer and ICU keep state); copy one per thread,
/// copies share the loaded word lists.
class Analyzer {
public:
    /// Loads the word lists named by `config`; throws std::runtime_error naming a file that cannot be read.
    explicit Analyzer(const AnalyzerConfig& config);
    Analyzer(const Analyzer& other);
    Analyzer& operator=(const Analyzer&) = delete;
    ~Analyzer();

    /// Appends the tokens of `text` to `out`; positions start at `first_position`. Returns the next free position.
    std::uint32_t analyze(std::string_view text, std::uint32_t first_position, std::vector<Token>& out);

    /// The tokens of `text`, positions from 1.
    std::vector<Token> analyze(std::string_view text);

    /// The folded, unstemmed form of one English word as written (spelling suggestions work on these).
    std::string spelling_form(std::string_view word) const;

    /// The word-form list's forms whose term starts with `term_prefix` (mice for mous, tumour for tumor), at most
    /// `limit`; usually none. Text may hold a match for a term without holding the term's letters.
    std::vector<std::string> listed_forms(std::string_view term_prefix, std::size_t limit) const;

    /// The terms of the word-form list's forms that start with the folded, unstemmed `prefix` (haemorrh gives
    /// hemorrhag), at most `limit`: a British prefix* must still reach words indexed under American stems.
    std::vector<std::string> listed_terms_with_prefix(std::string_view prefix, std::size_t limit) const;

    /// The character a Han character is matched as (Traditional and compatibility forms folded: 類 -> 类).
    char32_t han_match_form(char32_t cp) const;

    /// A hex digest of the rules and word lists; an index built with another fingerprint must be rebuilt.
    const std::string& fingerprint() const;

private:
    struct Shared;
    std::uint32_t add_han_run(std::string_view text, std::size_t& at, std::uint32_t position, std::uint32_t chunk,
                              std::vector<Token>& out);
    void add_subwords(const std::u32string& run, const std::vector<std::uint32_t>& offset, std::size_t from,
                      std::size_t length, std::uint32_t position, std::uint32_t chunk, std::vector<Token>& out);
    std::uint32_t add_compound(std::string_view text, std::size_t& at, std::uint32_t position, std::uint32_t chunk,
                               std::vector<Token>& out);
    std::string word_term(std::string_view folded);

    std::shared_ptr<const Shared> shared_;
    std::unique_ptr<Stemmer> stemmer_;
    std::unique_ptr<Segmenter> segmenter_;
};

}  // namespace duet::analysis
