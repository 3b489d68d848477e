#include "stemmer.h"

#include "word_forms.h"

#include <stdexcept>

#include <xapian.h>

namespace duet::analysis {

Stemmer::Stemmer(const std::string& language, const WordForms* forms) : forms_(forms) {
    try {
        stem_ = std::make_unique<Xapian::Stem>(language);
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("unknown stemmer language '" + language + "': " + e.get_msg());
    }
}

Stemmer::~Stemmer() = default;

const std::string& Stemmer::stem(std::string_view word) {
    // Snowball was a twentieth of an index run's CPU, while a few thousand words make up most of any text.
    if (const auto it = memo_.find(word); it != memo_.end()) return it->second;
    // A memo that only grows would hold every typo and name of a million records; starting over keeps the
    // common words, which come back at once.
    if (memo_.size() >= kCapacity) memo_.clear();
    std::string key(word);
    std::string stem = (*stem_)(forms_ == nullptr ? key : std::string(forms_->stem_source(key)));
    // Some stemmers (Porter on "s") return nothing, and Xapian rejects an empty term.
    if (stem.empty()) stem = key;
    return memo_.emplace(std::move(key), std::move(stem)).first->second;
}

}  // namespace duet::analysis
