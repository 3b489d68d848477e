#include "analyzer.h"

#include "char_class.h"
#include "compound.h"
#include "fingerprint.h"
#include "folding.h"
#include "lexicon.h"
#include "segmenter.h"
#include "stemmer.h"
#include "stopwords.h"
#include "utf8.h"
#include "word_forms.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#ifndef DUET_DATA_DIR
#define DUET_DATA_DIR "."
#endif

namespace duet::analysis {

namespace {

// Bump when a rule below changes what terms text produces: indexes built before must be rebuilt.
constexpr std::string_view kRulesVersion = "duet-analyzer-5";

// Longer "words" are base64, URLs or line noise; Xapian's own limit is 245 bytes with the prefix.
constexpr std::size_t kMaxTermBytes = 100;

constexpr std::string_view kJiebaDictionary = "/usr/lib/python3/dist-packages/jieba/dict.txt";

std::string read_file(const std::filesystem::path& path, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + std::string(what) + " " + path.string() +
                                 " (run scripts/setup.sh, or set DUET_DATA_DIR to the directory holding "
                                 "stopwords/ and lexicon/)");
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// Biomedical writing spells Greek letters both ways (TNF-α, TNF-alpha); the name is what matches both.
std::string_view greek_name(char32_t cp) {
    static constexpr std::string_view kNames[] = {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
        "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};
    if (cp >= 0x3B1 && cp <= 0x3C9) return kNames[cp - 0x3B1];
    return {};
}

std::string spell_greek(std::string_view folded) {
    std::string out;
    for (std::size_t at = 0; at < folded.size();) {
        const utf8::Decoded d = utf8::decode(folded, at);
        const std::string_view name = greek_name(d.cp);
        if (name.empty()) {
            out.append(folded.substr(at, d.length));
        } else {
            out.append(name);
        }
        at += d.length;
    }
    return out;
}

// Snowball strips possessives written with ' only; ’ (U+2019) is as common in typeset text.
std::string straighten_apostrophes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
            out += '\'';
            i += 3;
        } else {
            out += s[i++];
        }
    }
    return out;
}

bool has_digit(std::string_view s) {
    for (const char c : s) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

bool all_ascii_letters(std::string_view s) {
    for (const char c : s) {
        if (!(c >= 'a' && c <= 'z')) return false;
    }
    return !s.empty();
}

// The second members, each once and at most `limit`, of the pairs in the sorted `list` whose first member starts
// with `prefix`.
std::vector<std::string> seconds_with_prefix(const std::vector<std::pair<std::string, std::string>>& list,
                                             std::string_view prefix, std::size_t limit) {
    std::vector<std::string> out;
    auto it = std::lower_bound(list.begin(), list.end(), prefix,
                               [](const auto& entry, std::string_view p) { return entry.first < p; });
    for (; it != list.end() && it->first.compare(0, prefix.size(), prefix) == 0 && out.size() < limit; ++it) {
        if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
    }
    return out;
}

}  // namespace

struct Analyzer::Shared {
    Folding folding;
    std::shared_ptr<Lexicon> lexicon = std::make_shared<Lexicon>();
    StopWords stopwords;
    WordForms word_forms;
    std::vector<std::pair<std::string, std::string>> forms_by_term;  ///< (term, listed form), sorted
    std::vector<std::pair<std::string, std::string>> terms_by_form;  ///< (listed form, its term), sorted
    std::string language;
    std::string fingerprint;
};

AnalyzerConfig AnalyzerConfig::standard(const std::filesystem::path& data_dir) {
    AnalyzerConfig config;
    config.lexicons = {std::filesystem::path(kJiebaDictionary), data_dir / "lexicon" / "zh-medical.txt"};
    config.stopwords = {data_dir / "stopwords" / "en.txt", data_dir / "stopwords" / "zh.txt"};
    config.word_forms = {data_dir / "lexicon" / "en-word-forms.txt"};
    return config;
}

std::filesystem::path default_data_dir() {
    if (const char* dir = std::getenv("DUET_DATA_DIR"); dir != nullptr && *dir != '\0') return dir;
    return DUET_DATA_DIR;
}

Analyzer::Analyzer(const AnalyzerConfig& config) {
    auto shared = std::make_shared<Shared>();
    Fingerprint digest;
    digest.add(kRulesVersion);
    digest.add(config.stemmer);
    // Lexicon entries are Han only, and fold_han already covers NFKC for Han; skipping ICU here saves most
    // of the start-up time.
    const auto fold_han_word = [&](std::string_view word) {
        std::string folded;
        for (std::size_t at = 0; at < word.size();) {
            const utf8::Decoded d = utf8::decode(word, at);
            utf8::append(folded, shared->folding.fold_han(d.cp));
            at += d.length;
        }
        return folded;
    };
    const auto fold = [&](std::string_view word) {
        std::string folded = shared->folding.fold_word(word);
        return fold_han_word(folded);
    };
    for (const auto& file : config.lexicons) {
        const std::string content = read_file(file, "lexicon");
        digest.add(content);
        add_lexicon_lines(content, fold_han_word, *shared->lexicon);
    }
    for (const auto& file : config.stopwords) {
        const std::string content = read_file(file, "stopword list");
        digest.add(content);
        shared->stopwords.add_lines(content, fold);
    }
    for (const auto& file : config.word_forms) {
        const std::string content = read_file(file, "word-form list");
        digest.add(content);
        shared->word_forms.add_lines(content, fold);
    }
    stemmer_ = std::make_unique<Stemmer>(config.stemmer, &shared->word_forms);
    shared->word_forms.for_each([&](const std::string& form, const std::string& source) {
        const std::string& term = stemmer_->stem(source);
        shared->forms_by_term.emplace_back(term, form);
        shared->terms_by_form.emplace_back(form, term);
    });
    std::sort(shared->forms_by_term.begin(), shared->forms_by_term.end());
    std::sort(shared->terms_by_form.begin(), shared->terms_by_form.end());
    shared->language = config.stemmer;
    shared->fingerprint = digest.hex();
    segmenter_ = std::make_unique<Segmenter>(shared->lexicon);
    shared_ = std::move(shared);
}

Analyzer::Analyzer(const Analyzer& other)
    : shared_(other.shared_),
      stemmer_(std::make_unique<Stemmer>(other.shared_->language, &other.shared_->word_forms)),
      segmenter_(std::make_unique<Segmenter>(*other.segmenter_)) {}

Analyzer::~Analyzer() = default;

const std::string& Analyzer::fingerprint() const { return shared_->fingerprint; }

std::vector<std::string> Analyzer::listed_forms(std::string_view term_prefix, std::size_t limit) const {
    return seconds_with_prefix(shared_->forms_by_term, term_prefix, limit);
}

std::vector<std::string> Analyzer::listed_terms_with_prefix(std::string_view prefix, std::size_t limit) const {
    return seconds_with_prefix(shared_->terms_by_form, prefix, limit);
}

char32_t Analyzer::han_match_form(char32_t cp) const { return shared_->folding.fold_han(cp); }

std::string Analyzer::spelling_form(std::string_view word) const {
    return straighten_apostrophes(shared_->folding.fold_word(word));
}

std::vector<Token> Analyzer::analyze(std::string_view text) {
    std::vector<Token> out;
    analyze(text, 1, out);
    return out;
}

std::uint32_t Analyzer::analyze(std::string_view text, std::uint32_t first_position, std::vector<Token>& out) {
    std::uint32_t position = first_position;
    std::uint32_t chunk = out.empty() ? 0 : out.back().chunk + 1;
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        const CharClass cls = d.valid ? classify(d.cp) : CharClass::Other;
        if (cls == CharClass::Han) {
            position = add_han_run(text, at, position, chunk++, out);
        } else if (is_word_char(cls) && cls != CharClass::Mark) {
            position = add_compound(text, at, position, chunk++, out);
        } else {
            at += d.length;
        }
    }
    return position;
}

std::string Analyzer::word_term(std::string_view folded) {
    // Digits mark codes (il6, nct01941394) that a stemmer would only damage.
    if (has_digit(folded)) return std::string(folded);
    return stemmer_->stem(folded);
}

std::uint32_t Analyzer::add_compound(std::string_view text, std::size_t& at, std::uint32_t position,
                                     std::uint32_t chunk, std::vector<Token>& out) {
    const Compound compound = scan_compound(text, at);
    at = compound.end;
    std::vector<std::string> folded;
    for (const Part& part : compound.parts) {
        const std::string word = straighten_apostrophes(shared_->folding.fold_word(text.substr(part.begin, part.end - part.begin)));
        folded.push_back(part.greek ? spell_greek(word) : word);
    }
    if (compound.parts.size() > 1) {
        std::string joined;
        if (compound.doi) {
            joined = shared_->folding.fold_word(text.substr(compound.begin, compound.end - compound.begin));
        } else {
            for (std::size_t i = 0; i < folded.size(); ++i) {
                if (compound.parts[i].keep_dot) joined += '.';
                joined += folded[i];
            }
            if (all_ascii_letters(joined)) joined = word_term(joined);
        }
        if (joined.size() <= kMaxTermBytes) {
            const std::uint32_t end = static_cast<std::uint32_t>(compound.parts.back().end);
            out.push_back({std::move(joined), position, static_cast<std::uint32_t>(compound.begin), end,
                           TokenKind::Joined, Script::Latin, false, chunk});
        }
    }
    for (std::size_t i = 0; i < folded.size(); ++i, ++position) {
        if (folded[i].empty() || folded[i].size() > kMaxTermBytes) continue;
        const Part& part = compound.parts[i];
        const bool stop = shared_->stopwords.contains(folded[i]);
        out.push_back({word_term(folded[i]), position, static_cast<std::uint32_t>(part.begin),
                       static_cast<std::uint32_t>(part.end), TokenKind::Word, Script::Latin, stop, chunk});
    }
    return position;
}

void Analyzer::add_subwords(const std::u32string& run, const std::vector<std::uint32_t>& offset, std::size_t from,
                            std::size_t length, std::uint32_t position, std::uint32_t chunk, std::vector<Token>& out) {
    // Like jieba's cut_for_search: a query for 干细胞 should find 间充质干细胞 as a word, not only by bigrams.
    if (length < 3) return;
    const Lexicon& lexicon = *shared_->lexicon;
    for (std::size_t start = from; start < from + length; ++start) {
        std::string word;
        utf8::append(word, run[start]);
        for (std::size_t end = start + 2; end <= from + length; ++end) {
            utf8::append(word, run[end - 1]);
            if (end - start == length) break;  // the word itself
            const std::int64_t frequency = lexicon.lookup(word);
            if (frequency < 0) break;
            if (frequency > 0) {
                out.push_back({word, position, offset[start], offset[end], TokenKind::Subword, Script::Han, false, chunk});
            }
        }
    }
}

std::uint32_t Analyzer::add_han_run(std::string_view text, std::size_t& at, std::uint32_t position,
                                    std::uint32_t chunk, std::vector<Token>& out) {
    std::u32string run;
    std::vector<std::uint32_t> offset;  // byte offset of each character in the original, plus the end
    while (at < text.size()) {
        const utf8::Decoded d = utf8::decode(text, at);
        if (!d.valid || classify(d.cp) != CharClass::Han) break;
        offset.push_back(static_cast<std::uint32_t>(at));
        run.push_back(shared_->folding.fold_han(d.cp));
        at += d.length;
    }
    offset.push_back(static_cast<std::uint32_t>(at));
    const auto chars = [&](std::size_t from, std::size_t count) {
        std::string s;
        for (std::size_t i = from; i < from + count; ++i) utf8::append(s, run[i]);
        return s;
    };
    std::vector<std::uint32_t> position_of(run.size());
    std::size_t from = 0;
    for (const std::size_t length : segmenter_->split(run)) {
        std::string word = chars(from, length);
        const bool stop = shared_->stopwords.contains(word);
        out.push_back({std::move(word), position, offset[from], offset[from + length], TokenKind::Word, Script::Han,
                       stop, chunk});
        for (std::size_t i = from; i < from + length; ++i) position_of[i] = position;
        add_subwords(run, offset, from, length, position, chunk, out);
        from += length;
        ++position;
    }
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
        out.push_back({chars(i, 2), position_of[i], offset[i], offset[i + 2], TokenKind::Bigram, Script::Han, false,
                       chunk});
    }
    for (std::size_t i = 0; i < run.size(); ++i) {
        std::string ch = chars(i, 1);
        const bool stop = shared_->stopwords.contains(ch);
        out.push_back({std::move(ch), position_of[i], offset[i], offset[i + 1], TokenKind::Unigram, Script::Han,
                       stop, chunk});
    }
    return position;
}

}  // namespace duet::analysis
