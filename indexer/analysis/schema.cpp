#include "schema.h"

#include "fingerprint.h"
#include "utf8.h"

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

std::string bounded_term(std::string_view prefix, std::string_view value) {
    std::string out(prefix);
    if (prefix.size() + value.size() <= kMaxBooleanTermBytes) return out.append(value);
    analysis::Fingerprint digest;
    digest.add(value);
    const std::string tail = "#" + digest.hex();  // kDigestTailBytes
    const std::size_t room = kMaxBooleanTermBytes - prefix.size() - tail.size();
    const std::size_t keep = analysis::utf8::boundary_at_or_before(value, room);
    return out.append(value.substr(0, keep)).append(tail);
}

std::string filter_term(std::string_view prefix, std::string_view value) {
    std::string folded;
    folded.reserve(value.size());
    for (const char ch : value) folded += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    return bounded_term(prefix, folded);
}

std::string id_term(std::string_view id) { return bounded_term(kIdPrefix, id); }

std::string source_term(std::string_view file_key) { return bounded_term(kSourcePrefix, file_key); }

std::string file_stamp_key(std::string_view file_key) { return bounded_term(kMetaFilePrefix, file_key); }

}  // namespace duet::schema
