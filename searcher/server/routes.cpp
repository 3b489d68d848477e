#include "routes.h"

namespace duet::server {

namespace {

bool is_api(const std::string& path) { return path.starts_with("/api/") || path == "/api"; }

struct StatusText {
    std::string_view code;
    std::string_view reason;
};

// The HTTP library answers some requests itself (malformed, too long, too big) with an empty body.
StatusText status_text(int status) {
    switch (status) {
        case 400: return {"bad_request", "Bad Request"};
        case 404: return {"not_found", "Not Found"};
        case 405: return {"method_not_allowed", "Method Not Allowed"};
        case 413: return {"payload_too_large", "Payload Too Large"};
        case 414: return {"uri_too_long", "URI Too Long"};
        case 416: return {"range_not_satisfiable", "Range Not Satisfiable"};
        case 431: return {"headers_too_large", "Request Header Fields Too Large"};
        case 503: return {"unavailable", "Service Unavailable"};
        default: return status >= 500 ? StatusText{"internal", "Internal Server Error"} : StatusText{"bad_request", "Error"};
    }
}

void send_text(httplib::Response& res, int status, const std::string& text) {
    res.status = status;
    res.set_content(text + "\n", "text/plain; charset=utf-8");
}

void not_allowed(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    // Answered before any body is read: close, or the unread body would be taken for the next request.
    res.set_header("Connection", "close");
    if (is_api(req.path)) {
        send_error(res, 405, "method_not_allowed", req.method + " is not supported here; use GET");
    } else {
        send_text(res, 405, "405 Method Not Allowed");
    }
}

void page_file(const Services& services, const httplib::Request& req, httplib::Response& res) {
    auto file = services.files.get(req.path);
    if (!file) return send_text(res, 404, "404 Not Found");
    res.status = 200;
    // The page changes with the code; revalidating is cheap on loopback and never shows a stale app.
    res.set_header("Cache-Control", "no-cache");
    if (file->content_type.starts_with("text/html")) {
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                       "form-action 'self'; frame-ancestors 'none'");
    }
    res.set_content(std::move(file->body), std::string(file->content_type));
}

}  // namespace

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    // Results must never be cached across a commit.
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message) {
    send_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

bool refuse_method(const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") return false;
    not_allowed(req, res);
    return true;
}

void install_fallback_routes(httplib::Server& http, Services& services) {
    using httplib::Request;
    using httplib::Response;
    http.Get("/api(/.*)?", [](const Request& req, Response& res) {
        send_error(res, 404, "not_found",
                   "no endpoint " + req.path + "; try /api/search, /api/suggest, /api/doc/{id}, /api/similar/{id}, /api/export");
    });
    http.Get(".*", [&services](const Request& req, Response& res) { page_file(services, req, res); });
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const Request& req, Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours: already explained
        const StatusText text = status_text(res.status);
        if (is_api(req.path)) {
            send_error(res, res.status, text.code, text.reason);
        } else {
            send_text(res, res.status, std::to_string(res.status) + " " + std::string(text.reason));
        }
        return httplib::Server::HandlerResponse::Handled;
    }));
}

}  // namespace duet::server
