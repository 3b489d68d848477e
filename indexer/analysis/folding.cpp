#include "folding.h"

#include "utf8.h"

#include <memory>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace duet::analysis {

namespace {

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
        throw std::runtime_error(std::string("ICU NFKC_Casefold data is missing: ") + u_errorName(status));
    }
    return *n;
}

bool is_han(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

// The single code point `s` holds, or -1.
UChar32 single_code_point(const icu::UnicodeString& s) {
    return s.countChar32() == 1 ? s.char32At(0) : -1;
}

}  // namespace

Folding::Folding() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t2s(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t2s) {
        throw std::runtime_error(std::string("ICU transliterator Traditional-Simplified is unavailable: ") +
                                 u_errorName(status));
    }
    const icu::Normalizer2& nfkc = nfkc_casefold();
    // The transliterator maps character by character, so one pass over the Han blocks captures it; this keeps
    // ICU's slow transliteration out of the per-document path.
    const auto add = [&](UChar32 c) {
        if (!is_han(c)) return;
        UErrorCode st = U_ZERO_ERROR;
        icu::UnicodeString s = nfkc.normalize(icu::UnicodeString(c), st);
        if (U_FAILURE(st)) return;
        t2s->transliterate(s);
        const UChar32 folded = single_code_point(s);
        if (folded >= 0 && folded != c) han_.emplace(static_cast<char32_t>(c), static_cast<char32_t>(folded));
    };
    for (UChar32 c = 0x2E80; c < 0xA000; ++c) add(c);    // radicals, CJK unified + extension A
    for (UChar32 c = 0xF900; c < 0xFB00; ++c) add(c);    // compatibility ideographs
    for (UChar32 c = 0x20000; c < 0x2FA20; ++c) add(c);  // extensions B-F and compatibility supplement
}

std::string Folding::fold_word(std::string_view text) const {
    bool ascii = true;
    for (const char ch : text) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    std::string out;
    if (ascii) {
        out.reserve(text.size());
        for (const char ch : text) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = nfkc_casefold().normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
    if (U_FAILURE(status)) return std::string(text);
    folded.toUTF8String(out);
    return out;
}

char32_t Folding::fold_han(char32_t cp) const {
    const auto it = han_.find(cp);
    return it == han_.end() ? cp : it->second;
}

}  // namespace duet::analysis
