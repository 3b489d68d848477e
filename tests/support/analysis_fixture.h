// Test support: one standard analyzer per test binary, and compact golden strings of tokens.
#pragma once

#include "analyzer.h"

#include <string>
#include <string_view>
#include <vector>

namespace duet::testing {

/// The standard analyzer, loaded from the repository's data files (loaded once; copy it to mutate).
const analysis::Analyzer& standard_analyzer();

/// "term[pos] term[pos]" for the Word and Joined tokens of `text`; stopwords are marked with a trailing "*".
std::string words(std::string_view text);

/// "term term" for the tokens of `kind`.
std::string terms_of(std::string_view text, analysis::TokenKind kind);

/// The original text each Word token covers, joined by "|": shows offsets slice the input.
std::string spans(std::string_view text);

}  // namespace duet::testing
