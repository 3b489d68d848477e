#include "segmenter.h"

#include "utf8.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace duet::analysis {

namespace {

// ICU-only words get the frequency of jieba's rarest entries: they beat a split into single characters,
// never a lexicon word.
constexpr double kIcuWordFrequency = 2.0;

}  // namespace

Segmenter::Segmenter(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {
    UErrorCode status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status) || !breaker_) {
        throw std::runtime_error(std::string("ICU Chinese word break data is unavailable: ") + u_errorName(status));
    }
}

Segmenter::Segmenter(const Segmenter& other)
    : lexicon_(other.lexicon_), breaker_(other.breaker_->clone()) {}

Segmenter::~Segmenter() = default;

std::vector<std::size_t> Segmenter::icu_word_ends(const std::u32string& run) const {
    icu::UnicodeString text;
    std::vector<std::size_t> char_at_unit;  // UTF-16 index -> character index
    for (std::size_t i = 0; i < run.size(); ++i) {
        const int32_t before = text.length();
        text.append(static_cast<UChar32>(run[i]));
        for (int32_t u = before; u < text.length(); ++u) char_at_unit.push_back(i);
    }
    char_at_unit.push_back(run.size());
    breaker_->setText(text);
    // ends[i] = end (exclusive, in characters) of the ICU word starting at character i, or 0.
    std::vector<std::size_t> ends(run.size(), 0);
    int32_t start = breaker_->first();
    for (int32_t stop = breaker_->next(); stop != icu::BreakIterator::DONE; start = stop, stop = breaker_->next()) {
        ends[char_at_unit[static_cast<std::size_t>(start)]] = char_at_unit[static_cast<std::size_t>(stop)];
    }
    return ends;
}

std::vector<std::size_t> Segmenter::split(const std::u32string& run) const {
    const std::size_t n = run.size();
    if (n <= 1) return n == 1 ? std::vector<std::size_t>{1} : std::vector<std::size_t>{};
    // UTF-8 of the run with the byte offset of every character, for lexicon look-ups by string_view.
    std::string bytes;
    std::vector<std::size_t> offset(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        offset[i] = bytes.size();
        utf8::append(bytes, run[i]);
    }
    offset[n] = bytes.size();
    const std::vector<std::size_t> icu_ends = icu_word_ends(run);
    const double log_total = lexicon_->log_total();
    const std::size_t max_chars = lexicon_->max_chars();

    // best[i]: best log-probability of covering run[i..n); length[i]: the first word of that cover.
    std::vector<double> best(n + 1, 0.0);
    std::vector<std::size_t> length(n + 1, 1);
    for (std::size_t i = n; i-- > 0;) {
        best[i] = -std::numeric_limits<double>::infinity();
        const auto consider = [&](std::size_t len, double frequency) {
            const double score = std::log(frequency) - log_total + best[i + len];
            if (score > best[i]) {
                best[i] = score;
                length[i] = len;
            }
        };
        consider(1, 1.0);
        for (std::size_t len = 1; len <= max_chars && i + len <= n; ++len) {
            const std::int64_t frequency =
                lexicon_->lookup(std::string_view(bytes).substr(offset[i], offset[i + len] - offset[i]));
            if (frequency < 0) break;
            if (frequency > 0) consider(len, static_cast<double>(frequency));
        }
        const std::size_t icu_end = icu_ends[i];
        if (icu_end > i + 1 && lexicon_->lookup(std::string_view(bytes).substr(
                                   offset[i], offset[icu_end] - offset[i])) <= 0) {
            consider(icu_end - i, kIcuWordFrequency);
        }
    }
    std::vector<std::size_t> words;
    for (std::size_t i = 0; i < n; i += length[i]) words.push_back(length[i]);
    return words;
}

}  // namespace duet::analysis
