// Sorts code points into the classes the tokenizer cares about.
#pragma once

#include <cstdint>

namespace duet::analysis {

/// How a code point behaves when splitting text into tokens.
enum class CharClass : std::uint8_t {
    Han,         ///< a Chinese character: segmented with the lexicon
    Letter,      ///< a letter of any other script (Latin, Greek, full-width Latin, kana …)
    Greek,       ///< a Greek letter: TNFα splits into tnf + alpha
    Digit,       ///< a decimal digit of any width
    Mark,        ///< a combining mark: stays with the letter before it
    Apostrophe,  ///< ' or ’: inside a word (Crohn's) it is part of the word
    Hyphen,      ///< -, ‐, ‑, −, －, _: joins the parts of a compound (IL-6)
    Plus,        ///< + and ＋: joins (CD4+CD25+) and may end a compound (CD4+)
    Dot,         ///< . ． and ·: joins digits (2.5, 2·5) and DOIs
    Slash,       ///< / and ／: joins only inside DOIs
    Other,       ///< spaces, punctuation, symbols, emoji: separate tokens
};

/// The class of `cp`.
CharClass classify(char32_t cp);

/// True for classes that can make up the body of a word.
inline bool is_word_char(CharClass c) {
    return c == CharClass::Letter || c == CharClass::Greek || c == CharClass::Digit || c == CharClass::Mark;
}

}  // namespace duet::analysis
