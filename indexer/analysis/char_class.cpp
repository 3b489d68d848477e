#include "char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace duet::analysis {

namespace {

CharClass classify_ascii(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::Letter;
    if (cp >= '0' && cp <= '9') return CharClass::Digit;
    switch (cp) {
        case '\'': return CharClass::Apostrophe;
        case '-': case '_': return CharClass::Hyphen;
        case '+': return CharClass::Plus;
        case '.': return CharClass::Dot;
        case '/': return CharClass::Slash;
        default: return CharClass::Other;
    }
}

}  // namespace

CharClass classify(char32_t cp) {
    if (cp < 0x80) return classify_ascii(cp);
    switch (cp) {
        case 0x2019: case 0xFF07: return CharClass::Apostrophe;
        case 0x2010: case 0x2011: case 0x2212: case 0xFE63: case 0xFF0D: case 0xFF3F: return CharClass::Hyphen;
        case 0xFF0B: return CharClass::Plus;
        case 0x00B7: case 0xFF0E: return CharClass::Dot;  // The Lancet writes decimals with a middle dot: 1·5
        case 0xFF0F: return CharClass::Slash;
        default: break;
    }
    const auto c = static_cast<UChar32>(cp);
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script == USCRIPT_HAN && u_isalpha(c)) return CharClass::Han;
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
        return CharClass::Mark;
    }
    if (u_isdigit(c)) return CharClass::Digit;
    if (u_isalpha(c)) return U_SUCCESS(status) && script == USCRIPT_GREEK ? CharClass::Greek : CharClass::Letter;
    return CharClass::Other;
}

}  // namespace duet::analysis
