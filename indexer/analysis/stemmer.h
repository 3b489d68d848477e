// English word stems: Xapian's Snowball stemmer, after the word-form list, behind a bounded memo of the words seen.
#pragma once

#include "string_hash.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Xapian { class Stem; }

namespace duet::analysis {

class WordForms;

/// One Snowball stemmer with a memo. Not thread-safe, like Xapian::Stem; an analyzer copy owns its own.
class Stemmer {
public:
    /// Throws std::runtime_error naming `language` when Xapian knows no such stemmer. A listed form (mice) is
    /// stemmed as its line's first word (mouse); `forms` may be null and must outlive the stemmer.
    explicit Stemmer(const std::string& language, const WordForms* forms = nullptr);
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;
    ~Stemmer();

    /// The stem of `word` (folded, letters only), or the word itself when the stemmer returns nothing.
    const std::string& stem(std::string_view word);

    /// Words remembered now (for tests).
    std::size_t remembered() const { return memo_.size(); }

    /// How many words the memo holds before it starts over.
    static constexpr std::size_t kCapacity = 1 << 16;

private:
    std::unique_ptr<Xapian::Stem> stem_;
    const WordForms* forms_;
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> memo_;
};

}  // namespace duet::analysis
