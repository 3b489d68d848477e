// The server's URL space: which handler answers which path, and the HTTP status of every outcome.
#pragma once

#include "server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace duet::server {

/// Installs /api/search, /api/suggest, /api/doc, /api/export and /healthz.
void install_api_routes(httplib::Server& http, Services& services);

/// Installs the page's static files, the JSON 404 for unknown /api/ paths, and
/// bodies for errors the HTTP library produces itself (400, 413, 414 …).
void install_fallback_routes(httplib::Server& http, Services& services);

/// Answers 405 for any method but GET and HEAD, before the library reads a body (which, without a
/// Content-Length, it would wait for); true when it did. Call it from the pre-routing hook.
bool refuse_method(const httplib::Request& req, httplib::Response& res);

/// Sends `body` as JSON with `status`; invalid UTF-8 in strings becomes U+FFFD rather than failing.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

/// Sends {"error":{"code","message"}} with `status`.
void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message);

}  // namespace duet::server
