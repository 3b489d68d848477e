#include "schema.h"

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

}  // namespace duet::schema
