#include "schema.h"

#include "fingerprint.h"

namespace duet::schema {

std::string_view field_prefix(Field field) {
    switch (field) {
        case Field::Text: return "";
        case Field::Title: return "S";
        case Field::Author: return "A";
        case Field::Journal: return "J";
    }
    return "";
}

std::string term(Field field, analysis::TokenKind kind, std::string_view text) {
    std::string out(field_prefix(field));
    if (kind == analysis::TokenKind::Bigram) out += 'B';
    if (kind == analysis::TokenKind::Unigram) out += 'U';
    out.append(text);
    return out;
}

std::string filter_term(std::string_view prefix, std::string_view value) {
    std::string out(prefix);
    for (const char ch : value) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    return out;
}

unsigned sample_levels(std::string_view id) {
    analysis::Fingerprint digest;
    digest.add(id);
    std::uint64_t bits = digest.value();
    // FNV-1a's low bits mix poorly for short keys that differ only in their last bytes; fold the high ones in.
    bits ^= bits >> 29;
    bits *= 0xbf58476d1ce4e5b9ULL;
    bits ^= bits >> 32;
    unsigned levels = 0;
    while (levels < kSampleLevels && (bits & 1U) == 0) {
        ++levels;
        bits >>= 1;
    }
    return levels;
}

std::string sample_term(unsigned level) { return std::string(kSamplePrefix) + std::to_string(level); }

}  // namespace duet::schema
