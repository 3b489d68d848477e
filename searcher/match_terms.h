// The analyzer terms a query searches for, by kind: what snippets highlight.
#pragma once

#include "token.h"

#include <string>
#include <unordered_set>

namespace duet::search {

/// Terms (without field prefixes) that count as matches when highlighting text.
struct MatchTerms {
    std::unordered_set<std::string> words;     ///< Word, Subword and Joined terms
    std::unordered_set<std::string> bigrams;   ///< Han bigrams
    std::unordered_set<std::string> unigrams;  ///< Han single characters
    std::unordered_set<std::string> prefixes;  ///< words matched by prefix (mesench*)

    /// Adds another query's terms (a parenthesised group's).
    void merge(const MatchTerms& other) {
        words.insert(other.words.begin(), other.words.end());
        bigrams.insert(other.bigrams.begin(), other.bigrams.end());
        unigrams.insert(other.unigrams.begin(), other.unigrams.end());
        prefixes.insert(other.prefixes.begin(), other.prefixes.end());
    }

    /// True when a token of this kind and term is one of the query's.
    bool matches(const analysis::Token& token) const {
        switch (token.kind) {
            case analysis::TokenKind::Word:
            case analysis::TokenKind::Joined:
            case analysis::TokenKind::Subword: return words.count(token.term) != 0 || has_prefix(token.term);
            case analysis::TokenKind::Bigram: return bigrams.count(token.term) != 0;
            case analysis::TokenKind::Unigram: return unigrams.count(token.term) != 0;
        }
        return false;
    }
    bool empty() const { return words.empty() && bigrams.empty() && unigrams.empty() && prefixes.empty(); }

    /// True when `term` starts with one of the prefixes.
    bool has_prefix(const std::string& term) const {
        for (const auto& p : prefixes) {
            if (term.compare(0, p.size(), p) == 0) return true;
        }
        return false;
    }
};

}  // namespace duet::search
