// The knobs of ranking, tuned on training data only (see bench/README.md); defaults are the tuned values.
#pragma once

#include <cstddef>

namespace duet::search {

/// Xapian's built-in weighting schemes Duet can rank with (built-in, so xapian-tcpsrv shards know them too).
enum class Weighting { ineb2, bm25 };

/// Weights of the query's parts and the weighting scheme's parameters.
struct Ranking {
    double bigram = 0.5;          ///< Han bigrams relative to whole words: word matches rank above bigram-only ones
    double unigram = 1.5;         ///< single Han characters of runs the segmenter split (0: off; one-character queries always use them)
    double expansion = 0.7;       ///< other-language terms from the bilingual list, relative to typed words
    bool calibrate_expansions = true;  ///< weigh translations by the typed words they translate in this database
    std::size_t max_expansions = 16;  ///< query terms that may bring in translations
    double proximity = 1.0;       ///< weight of adjacent non-Han query words found side by side (0: off)
    std::size_t proximity_window = 2;  ///< how near, in word positions (2: next to each other)
    std::size_t proximity_max_words = 2;  ///< texts of at most this many words get those pairs (0: any length):
                                          ///< a two-word query names one thing, a claim's neighbours need not
    double long_proximity = 0.15;  ///< weight of the pairs of longer texts (0: off)
    std::size_t long_proximity_window = 4;  ///< how near the words of a longer text's pair stand
    std::size_t rerank_depth = 30;  ///< the best records of a first pass that pairs are then scored on
    std::size_t long_rerank_depth = 10;  ///< the same for a longer text's pairs: fetching more records costs the
                                         ///< first pass its pruning, and these pairs weigh little
    Weighting weighting = Weighting::ineb2;  ///< the scheme: DFR IneB2 ranked above BM25 on every large set
    double ineb2_c = 2.0;         ///< IneB2's document length normalisation
    double bm25_k1 = 1.0;         ///< BM25 term frequency saturation (weighting bm25)
    double bm25_b = 0.5;          ///< BM25 document length normalisation (weighting bm25)
    std::size_t max_prefix_terms = 64;  ///< words a prefix* may expand to (the most frequent ones)
    std::size_t max_terms = 256;  ///< terms beyond this (a pasted page of text) are ignored
    std::size_t max_words = 24;   ///< words (and, apart, bigrams) a text searches, the rarest (0: all): a pasted
                                  ///< paragraph is searched by its most telling words
    std::size_t max_unigrams = 10;  ///< distinct Han unigrams a text adds, the rarest (0: all): more only cost time
};

}  // namespace duet::search
