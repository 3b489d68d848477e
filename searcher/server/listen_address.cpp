#include "listen_address.h"

namespace duet::server {

namespace {

std::optional<int> parse_port(std::string_view text) {
    if (text.empty() || text.size() > 5) return std::nullopt;
    int port = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        port = port * 10 + (c - '0');
    }
    if (port > 65535) return std::nullopt;
    return port;
}

}  // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
    ListenAddress out;
    std::string_view port = text;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find("]:");
        if (close == std::string_view::npos || close == 1) return std::nullopt;
        out.host = std::string(text.substr(1, close - 1));
        port = text.substr(close + 2);
    } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
        if (colon == 0 || text.substr(0, colon).find(':') != std::string_view::npos) return std::nullopt;
        out.host = std::string(text.substr(0, colon));
        port = text.substr(colon + 1);
    }
    const auto p = parse_port(port);
    if (!p) return std::nullopt;
    out.port = *p;
    return out;
}

}  // namespace duet::server
