#include "request_log.h"

#include <fmt/format.h>

namespace duet::server {

namespace {

constexpr std::size_t kMaxTarget = 300;

std::string printable(std::string_view text, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < text.size() && i < max; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            out += fmt::format("\\x{:02X}", c);
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > max) out += "…";
    return out;
}

}  // namespace

std::string log_line(std::string_view method, std::string_view target, int status, std::optional<double> ms) {
    return fmt::format("{} {} {} {}", method.empty() ? "-" : printable(method, 16),
                       target.empty() ? "-" : printable(target, kMaxTarget), status,
                       ms ? fmt::format("{:.1f} ms", *ms) : std::string("- ms"));
}

}  // namespace duet::server
