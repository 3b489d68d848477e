#include "cross_language.h"

#include <fstream>
#include <map>
#include <stdexcept>

namespace duet::search {

namespace {

using analysis::Token;
using analysis::TokenKind;

// The folded Han text of a term list entry: its unigrams in order (the analyzer folds Traditional forms).
std::string han_key(const std::vector<Token>& tokens, std::size_t& chars) {
    std::string key;
    chars = 0;
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::Unigram) continue;
        key += t.term;
        ++chars;
    }
    return key;
}

// The stems of an English entry joined by spaces; compounds contribute their parts, as the query does.
std::string latin_key(const std::vector<Token>& tokens, std::size_t& words) {
    std::string key;
    words = 0;
    for (const Token& t : tokens) {
        if (t.kind != TokenKind::Word || t.script != analysis::Script::Latin) continue;
        if (!key.empty()) key += ' ';
        key += t.term;
        ++words;
    }
    return key;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    for (const auto& v : list) {
        if (v == value) return;
    }
    list.push_back(value);
}

// Keeps matches that no other match contains; `spans` are [begin, end) over one sequence.
template <typename Emit>
void longest_matches(std::size_t n, std::size_t max_len, const Emit& lookup) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    for (std::size_t begin = 0; begin < n; ++begin) {
        for (std::size_t end = std::min(n, begin + max_len); end > begin; --end) {
            if (lookup(begin, end, false)) {
                found.emplace_back(begin, end);
                break;  // the longest entry starting here
            }
        }
    }
    for (const auto& [b, e] : found) {
        bool inside = false;
        for (const auto& [b2, e2] : found) inside = inside || (b2 <= b && e <= e2 && (e2 - b2) > (e - b));
        if (!inside) lookup(b, e, true);
    }
}

}  // namespace

CrossLanguage CrossLanguage::load(const std::filesystem::path& file, analysis::Analyzer& analyzer) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read bilingual term list " + file.string());
    CrossLanguage cl;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::size_t tab2 = line.find('\t', tab + 1);
        PairDirection direction = PairDirection::both;
        if (tab2 != std::string::npos) {
            if (line.compare(tab2 + 1, std::string::npos, "zh>en") != 0) {
                throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": unknown third field '" +
                                         line.substr(tab2 + 1) + "' (expected zh>en or nothing)");
            }
            direction = PairDirection::zh_to_en;
        }
        cl.add(line.substr(0, tab), line.substr(tab + 1, tab2 == std::string::npos ? tab2 : tab2 - tab - 1), analyzer,
               direction);
    }
    return cl;
}

void CrossLanguage::add(const std::string& zh, const std::string& en, analysis::Analyzer& analyzer,
                        PairDirection direction) {
    std::size_t chars = 0;
    std::size_t words = 0;
    const std::string zh_key = han_key(analyzer.analyze(zh), chars);
    const std::string en_key = latin_key(analyzer.analyze(en), words);
    if (zh_key.empty() || en_key.empty() || chars < 2) return;
    add_unique(zh_to_en_[zh_key], en);
    max_zh_chars_ = std::max(max_zh_chars_, chars);
    if (direction == PairDirection::both) {
        add_unique(en_to_zh_[en_key], zh);
        max_en_words_ = std::max(max_en_words_, words);
    }
    ++pairs_;
}

void CrossLanguage::match_han(const std::vector<std::string>& chars, std::vector<Expansion>& out) const {
    longest_matches(chars.size(), max_zh_chars_, [&](std::size_t b, std::size_t e, bool emit) {
        if (e - b < 2) return false;
        std::string key;
        for (std::size_t i = b; i < e; ++i) key += chars[i];
        const auto it = zh_to_en_.find(key);
        if (it == zh_to_en_.end()) return false;
        if (emit) out.push_back({key, it->second, true});
        return true;
    });
}

void CrossLanguage::match_latin(const std::vector<std::string>& stems, std::vector<Expansion>& out) const {
    longest_matches(stems.size(), max_en_words_, [&](std::size_t b, std::size_t e, bool emit) {
        std::string key;
        for (std::size_t i = b; i < e; ++i) key += (i > b ? " " : "") + stems[i];
        const auto it = en_to_zh_.find(key);
        if (it == en_to_zh_.end()) return false;
        if (emit) out.push_back({key, it->second, false});
        return true;
    });
}

std::vector<Expansion> CrossLanguage::expand(const std::vector<Token>& tokens) const {
    std::vector<Expansion> out;
    if (pairs_ == 0) return out;
    // Han characters per run (chunk), and the English word stems of the whole text in order.
    std::map<std::uint32_t, std::vector<std::string>> runs;
    std::vector<std::string> stems;
    for (const Token& t : tokens) {
        if (t.kind == TokenKind::Unigram) runs[t.chunk].push_back(t.term);
        if (t.kind == TokenKind::Word && t.script == analysis::Script::Latin) stems.push_back(t.term);
    }
    for (const auto& [chunk, chars] : runs) match_han(chars, out);
    match_latin(stems, out);
    return out;
}

}  // namespace duet::search
