// Reads a --listen value: host:port, [v6]:port or a bare port.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duet::server {

/// Where to accept connections; port 0 asks the system for a free one.
struct ListenAddress {
    std::string host = "127.0.0.1";
    int port = 8080;
};

/// "127.0.0.1:8080", "localhost:0", "[::1]:8080", "0.0.0.0:80" or "8080" (loopback); nullopt when malformed.
std::optional<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace duet::server
