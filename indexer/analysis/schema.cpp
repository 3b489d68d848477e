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

}  // namespace duet::schema
