// Where Chinese words are split: lexicon words and ICU's dictionary words compete in a max-probability route.
#pragma once

#include "lexicon.h"

#include <memory>
#include <string>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace duet::analysis {

/// Splits runs of folded Han characters into words. Not thread-safe (ICU break iterators keep state):
/// copy one per thread; copies share the lexicon.
class Segmenter {
public:
    /// Uses `lexicon` for domain terms; throws std::runtime_error if ICU's Chinese break data is missing.
    explicit Segmenter(std::shared_ptr<const Lexicon> lexicon);
    Segmenter(const Segmenter& other);
    Segmenter& operator=(const Segmenter&) = delete;
    ~Segmenter();

    /// Word lengths, in characters, that cover `run` (folded Han code points) from left to right.
    std::vector<std::size_t> split(const std::u32string& run) const;

private:
    // Word boundaries ICU's own dictionary proposes, as a flag per character index.
    std::vector<std::size_t> icu_word_ends(const std::u32string& run) const;

    std::shared_ptr<const Lexicon> lexicon_;
    std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace duet::analysis
