#include "lexicon.h"

#include "char_class.h"
#include "lines.h"
#include "utf8.h"

#include <charconv>
#include <cmath>

namespace duet::analysis {

void Lexicon::add(std::string_view word, std::uint64_t frequency) {
    if (word.empty() || frequency == 0) return;
    std::size_t chars = 0;
    for (std::size_t at = 0; at < word.size();) {
        at += utf8::decode(word, at).length;
        ++chars;
        if (at < word.size()) entries_.try_emplace(std::string(word.substr(0, at)), 0);
    }
    auto [it, inserted] = entries_.try_emplace(std::string(word), frequency);
    if (!inserted && it->second == 0) inserted = true;  // it was only a prefix until now
    if (inserted) {
        ++words_;
        total_ += frequency;
    } else if (frequency > it->second) {
        total_ += frequency - it->second;
    }
    if (frequency > it->second) it->second = frequency;
    if (chars > max_chars_) max_chars_ = chars;
}

std::int64_t Lexicon::lookup(std::string_view word) const {
    const auto it = entries_.find(word);
    return it == entries_.end() ? -1 : static_cast<std::int64_t>(it->second);
}

double Lexicon::log_total() const { return std::log(static_cast<double>(total_ == 0 ? 1 : total_)); }

namespace {

bool all_han(std::string_view word) {
    for (std::size_t at = 0; at < word.size();) {
        const utf8::Decoded d = utf8::decode(word, at);
        if (!d.valid || classify(d.cp) != CharClass::Han) return false;
        at += d.length;
    }
    return !word.empty();
}

}  // namespace

void add_lexicon_lines(std::string_view content, const std::function<std::string(std::string_view)>& fold,
                       Lexicon& lexicon) {
    for_each_line(content, [&](std::string_view line) {
        if (line.empty() || line[0] == '#') return;
        const std::size_t sep = line.find_first_of(" \t");
        const std::string_view word = line.substr(0, sep);
        std::uint64_t frequency = 1;
        if (sep != std::string_view::npos) {
            const std::size_t from = line.find_first_not_of(" \t", sep);
            if (from != std::string_view::npos) std::from_chars(line.data() + from, line.data() + line.size(), frequency);
        }
        if (all_han(word)) lexicon.add(fold(word), frequency);
    });
}

}  // namespace duet::analysis
