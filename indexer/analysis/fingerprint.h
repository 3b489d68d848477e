// A stable 64-bit digest (FNV-1a) for telling analyzers and file contents apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace duet::analysis {

/// Accumulates bytes into a 64-bit FNV-1a digest.
class Fingerprint {
public:
    /// Mixes `bytes` and their length into the digest.
    void add(std::string_view bytes) {
        for (const char c : bytes) mix(static_cast<unsigned char>(c));
        for (std::size_t n = bytes.size(); n != 0; n >>= 8) mix(static_cast<unsigned char>(n & 0xFF));
    }
    /// The digest as 16 lower-case hex digits.
    std::string hex() const {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 15; i >= 0; --i) out[static_cast<std::size_t>(15 - i)] = kDigits[(value_ >> (i * 4)) & 0xF];
        return out;
    }
    /// The digest itself.
    std::uint64_t value() const { return value_; }

private:
    void mix(unsigned char byte) {
        value_ ^= byte;
        value_ *= 0x100000001b3ULL;
    }
    std::uint64_t value_ = 0xcbf29ce484222325ULL;
};

}  // namespace duet::analysis
