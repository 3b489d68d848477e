// Bilingual term pairs: a Chinese query also searches the English words for its terms, and vice versa.
#pragma once

#include "analyzer.h"
#include "token.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace duet::search {

/// A term found in a query and what it adds in the other language.
struct Expansion {
    std::string source;                ///< the query's term as folded text (骨关节炎, or "rheumatoid arthritis" stems)
    std::vector<std::string> targets;  ///< the other language's terms, as written in the term list
    bool to_english = false;           ///< targets are English (a Chinese source)
};

/// Which queries a pair widens: both languages', or only Chinese ones (a common word such as 患者 must reach
/// English records, but an English query's "patient" gains little from 患者 and pays for its long posting list).
enum class PairDirection { both, zh_to_en };

/// Zh<->en term pairs, matched on analyzer terms so that spelling variants, Traditional characters and
/// English inflections all find their entry.
class CrossLanguage {
public:
    /// Reads `zh<TAB>en[<TAB>zh>en]` lines (`#` comments); throws std::runtime_error naming the file (and line)
    /// when it cannot read it or a line has an unknown third field.
    static CrossLanguage load(const std::filesystem::path& file, analysis::Analyzer& analyzer);

    /// Duet's term list under a data directory (lexicon/bilingual/zh-en-medical.tsv).
    static std::filesystem::path standard_list(const std::filesystem::path& data_dir) {
        return data_dir / "lexicon" / "bilingual" / "zh-en-medical.tsv";
    }

    /// Adds one pair (exposed for tests).
    void add(const std::string& zh, const std::string& en, analysis::Analyzer& analyzer,
             PairDirection direction = PairDirection::both);

    /// The longest entries found in `tokens` (the analyzer's tokens of one query text); an entry inside a
    /// longer one that also matched is left out.
    std::vector<Expansion> expand(const std::vector<analysis::Token>& tokens) const;

private:
    void match_han(const std::vector<std::string>& chars, std::vector<Expansion>& out) const;
    void match_latin(const std::vector<std::string>& stems, std::vector<Expansion>& out) const;

    std::unordered_map<std::string, std::vector<std::string>> zh_to_en_;  // folded Han text -> English
    std::unordered_map<std::string, std::vector<std::string>> en_to_zh_;  // stems joined by ' ' -> Chinese
    std::size_t max_zh_chars_ = 0;
    std::size_t max_en_words_ = 0;
    std::size_t pairs_ = 0;
};

}  // namespace duet::search
