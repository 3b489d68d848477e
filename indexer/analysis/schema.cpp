#include "schema.h"

#include "fingerprint.h"
#include "utf8.h"

#include <array>
#include <charconv>

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

namespace {

// The fields in the order a facet value holds them: the writer and the reader walk this one list.
template <typename Fields>
auto in_value_order(Fields& f) {
    return std::array{&f.year, &f.journal, &f.jcr, &f.category, &f.languages};
}

}  // namespace

std::string facet_value(const FacetFields& fields) {
    std::string out;
    for (const std::string* field : in_value_order(fields)) {
        out += std::to_string(field->size());
        out += ':';
        out += *field;
    }
    return out;
}

std::optional<FacetFields> parse_facet_value(std::string_view value) {
    FacetFields fields;
    std::size_t at = 0;
    for (std::string* field : in_value_order(fields)) {
        const std::size_t colon = value.find(':', at);
        if (colon == std::string_view::npos) return std::nullopt;
        std::size_t length = 0;
        const auto [end, error] = std::from_chars(value.data() + at, value.data() + colon, length);
        if (colon == at || error != std::errc() || end != value.data() + colon) return std::nullopt;
        if (length > value.size() - colon - 1) return std::nullopt;
        field->assign(value.substr(colon + 1, length));
        at = colon + 1 + length;
    }
    if (at != value.size()) return std::nullopt;
    return fields;
}

}  // namespace duet::schema
