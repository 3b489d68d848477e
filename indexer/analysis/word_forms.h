// English word forms the stemmer does not join (mice/mouse, nuclei/nucleus, tumour/tumor).
#pragma once

#include "string_hash.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace duet::analysis {

/// Irregular and Latin/Greek plurals and British spellings, each mapped to the word whose stem it takes.
class WordForms {
public:
    /// Adds the lines of `content` (forms of one word, space-separated, `#` comments), folded with `fold`.
    /// A form already mapped keeps its first mapping, so a later file cannot silently re-route it.
    void add_lines(std::string_view content, const std::function<std::string(std::string_view)>& fold);

    /// The word to stem in place of the folded `word`: its line's first word, or `word` itself.
    std::string_view stem_source(std::string_view word) const {
        const auto it = forms_.find(word);
        return it == forms_.end() ? word : std::string_view(it->second);
    }

    /// Calls `fn(form, word)` for each form and the word whose stem it takes.
    template <typename Fn>
    void for_each(Fn&& fn) const {
        for (const auto& [form, word] : forms_) fn(form, word);
    }

    /// Number of forms mapped to another word.
    std::size_t size() const { return forms_.size(); }

private:
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> forms_;
};

}  // namespace duet::analysis
