// English word stems: Xapian's Snowball stemmer behind a bounded memo of the words it has seen.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Xapian { class Stem; }

namespace duet::analysis {

/// One Snowball stemmer with a memo. Not thread-safe, like Xapian::Stem; an analyzer copy owns its own.
class Stemmer {
public:
    /// Throws std::runtime_error naming `language` when Xapian knows no such stemmer.
    explicit Stemmer(const std::string& language);
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
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unique_ptr<Xapian::Stem> stem_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo_;
};

}  // namespace duet::analysis
