// The Chinese word list with frequencies that the segmenter scores splits with.
#pragma once

#include "string_hash.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace duet::analysis {

/// Words (folded, Simplified, Han only) with frequencies; every proper prefix is stored with frequency 0 so
/// a scan can stop at the first string that starts no word.
class Lexicon {
public:
    /// An empty lexicon sized for jieba's dictionary with its prefixes, so loading never rehashes.
    Lexicon() { entries_.reserve(kExpectedEntries); }

    /// Adds or raises a word's frequency; `word` must already be folded.
    void add(std::string_view word, std::uint64_t frequency);

    /// Frequency of `word` (0 for a prefix that is not itself a word), or -1 when nothing starts with it.
    std::int64_t lookup(std::string_view word) const;

    /// Natural log of the sum of all frequencies.
    double log_total() const;

    /// Number of whole words.
    std::size_t size() const { return words_; }

    /// Longest word in characters.
    std::size_t max_chars() const { return max_chars_; }

private:
    static constexpr std::size_t kExpectedEntries = 700'000;
    std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>> entries_;
    std::uint64_t total_ = 0;
    std::size_t words_ = 0;
    std::size_t max_chars_ = 1;
};

/// Adds the `word freq [tag]` lines of `content` (space or tab separated, `#` comments) to `lexicon`,
/// folding each word with `fold` and skipping words that are not purely Han.
void add_lexicon_lines(std::string_view content, const std::function<std::string(std::string_view)>& fold,
                       Lexicon& lexicon);

}  // namespace duet::analysis
