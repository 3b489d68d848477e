#include "server.h"

#include "request_log.h"
#include "routes.h"

#include <chrono>
#include <sys/socket.h>
#include <optional>

namespace duet::server {

namespace {

// A worker thread handles a request from routing to logging, so the start time can wait in a
// thread_local between the pre-routing hook and the logger.
thread_local std::optional<std::chrono::steady_clock::time_point> request_start;

// Browsers keep idle connections open, and each holds a worker: let them go soon.
constexpr time_t kKeepAliveSeconds = 2;
// No endpoint takes a body.
constexpr std::size_t kMaxPayload = 64 * 1024;

}  // namespace

Server::Server(const ServerConfig& config, const analysis::Analyzer& prototype)
    : pool_(config.db, prototype, config.threads, config.cross),
      files_(config.web),
      services_{pool_, folding_, files_} {
    const std::size_t threads = config.threads == 0 ? 1 : config.threads;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_.set_keep_alive_timeout(kKeepAliveSeconds);
    // Headers and body go out in separate writes; with Nagle's algorithm the body would wait for the
    // client's delayed ACK (40 ms on Linux) on every keep-alive request.
    http_.set_tcp_nodelay(true);
    // The library's default adds SO_REUSEPORT, which lets a second server bind the same port and take
    // half the requests; only SO_REUSEADDR (restart without waiting for TIME_WAIT) is wanted.
    http_.set_socket_options([](socket_t sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http_.set_payload_max_length(kMaxPayload);
    http_.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
    http_.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        request_start = std::chrono::steady_clock::now();
        return refuse_method(req, res) ? httplib::Server::HandlerResponse::Handled
                                       : httplib::Server::HandlerResponse::Unhandled;
    });
    if (config.log) {
        http_.set_logger([log = config.log](const httplib::Request& req, const httplib::Response& res) {
            std::optional<double> ms;
            if (request_start) {
                ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - *request_start).count();
            }
            request_start.reset();
            log(log_line(req.method, req.target, res.status, ms));
        });
    }
    install_api_routes(http_, services_);
    install_fallback_routes(http_, services_);
    // Handlers catch everything themselves; reaching this is a bug, but it must still not crash the server.
    http_.set_exception_handler([log = config.log](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        if (log) log("BUG: uncaught exception in the handler for " + req.path);
        send_error(res, 500, "internal", "internal error");
    });
}

int Server::bind(const std::string& host, int port) {
    if (port == 0) return http_.bind_to_any_port(host);
    return http_.bind_to_port(host, port) ? port : -1;
}

bool Server::listen() { return http_.listen_after_bind(); }

void Server::stop() { http_.stop(); }

bool Server::is_running() const { return http_.is_running(); }

}  // namespace duet::server
