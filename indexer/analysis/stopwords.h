// A stopword list: words too common to help a free-text query.
#pragma once

#include "string_hash.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <functional>

namespace duet::analysis {

/// Folded stopwords from one or more lists.
class StopWords {
public:
    /// Adds the words of `content` (one per line, `#` comments), folded with `fold`.
    void add_lines(std::string_view content, const std::function<std::string(std::string_view)>& fold);

    /// True when the folded, unstemmed `word` is on a list.
    bool contains(std::string_view word) const { return words_.find(word) != words_.end(); }

    /// Number of distinct stopwords.
    std::size_t size() const { return words_.size(); }

private:
    std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

}  // namespace duet::analysis
