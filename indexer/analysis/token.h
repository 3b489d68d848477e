// The analyzer's output unit: a term with its position and its byte range in the original text.
#pragma once

#include <cstdint>
#include <string>

namespace duet::analysis {

/// What produced a token; the schema maps each kind to its own term space.
enum class TokenKind : std::uint8_t {
    Word,     ///< an English stem, a Chinese lexicon word, or one part of a compound
    Joined,   ///< a compound written as one word (TNF-α -> tnfalpha); shares its first part's position
    Subword,  ///< a lexicon word inside a longer Chinese word (干细胞 in 间充质干细胞); shares its position
    Bigram,   ///< two adjacent Han characters, indexed for recall
    Unigram,  ///< one Han character, so one-character queries find words containing it
};

/// The writing system a token came from; Han text is never stemmed.
enum class Script : std::uint8_t { Latin, Han };

/// One term occurrence. `begin`/`end` slice the original (unnormalised) text.
struct Token {
    std::string term;           ///< normalised, folded (and for English, stemmed) text
    std::uint32_t position = 0; ///< word position; Bigram/Unigram take the position of the word holding their first character
    std::uint32_t begin = 0;    ///< byte offset of the first byte in the original text
    std::uint32_t end = 0;      ///< byte offset one past the last byte
    TokenKind kind = TokenKind::Word;
    Script script = Script::Latin;
    bool stop = false;          ///< on a stopword list: indexed, but free-text queries skip it
    std::uint32_t chunk = 0;    ///< tokens of one compound or one Han run share a chunk number
};

}  // namespace duet::analysis
