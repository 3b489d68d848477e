// One line per request for the server's log: method, target, status, milliseconds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duet::server {

/// "GET /api/search?q=x 200 3.1 ms". The target is cut to 300 bytes and control bytes shown as \xNN, so a
/// request cannot forge or garble log lines; `ms` is nullopt when the request was never routed (shown "-").
std::string log_line(std::string_view method, std::string_view target, int status, std::optional<double> ms);

}  // namespace duet::server
