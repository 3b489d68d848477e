// Folds text for matching only: NFKC + case folding, and Traditional to Simplified Chinese.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace duet::analysis {

/// Immutable folding tables; safe to share between threads.
class Folding {
public:
    /// Builds the Traditional->Simplified table from ICU; throws std::runtime_error if ICU lacks it.
    Folding();

    /// NFKC + Unicode case folding of a non-Han word (ＭＳＣ -> msc, Straße -> strasse).
    std::string fold_word(std::string_view text) const;

    /// Folds one Han character: compatibility forms to unified, Traditional to Simplified (類 -> 类).
    char32_t fold_han(char32_t cp) const;

private:
    // Only characters whose fold differs are stored (about 3,000 of them).
    std::unordered_map<char32_t, char32_t> han_;
};

}  // namespace duet::analysis
