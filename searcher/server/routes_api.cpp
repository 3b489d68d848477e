#include "routes.h"

#include "export.h"
#include "params.h"
#include "record_json.h"
#include "result_format.h"
#include "suggest.h"
#include "utf8.h"

#include <xapian.h>

namespace duet::server {

namespace {

constexpr std::size_t kSuggestions = 10;
// Xapian terms are at most 245 bytes: a longer id cannot be in the index.
constexpr std::size_t kMaxIdBytes = 240;

void send_bad_parameter(httplib::Response& res, const ParamError& e) {
    send_json(res, 400, {{"error", {{"code", "bad_parameter"}, {"parameter", e.parameter}, {"message", e.message}}}});
}

// Runs `body` with a searcher of this thread's own. Reads of the index retry themselves when commits
// overtake them (Searcher::read_current); one that still fails discards the searcher. Every failure becomes
// a status here, inside the handler: a broken or replaced index is 503 with what happened, anything else 500
// (a bug).
template <typename Body>
void with_searcher(Services& services, httplib::Response& res, Body&& body) {
    try {
        Lease lease = services.pool.acquire();
        try {
            body(lease);
        } catch (...) {
            lease.discard();  // the next request opens a fresh one rather than reuse a handle in doubt
            throw;
        }
    } catch (const search::IndexUnusable& e) {
        send_error(res, 503, "index_unavailable", e.what());
    } catch (const Xapian::Error& e) {
        send_error(res, 503, "index_unavailable", std::string("cannot read the index: ") + e.get_type() + ": " + e.get_msg());
    } catch (const std::exception& e) {
        send_error(res, 500, "internal", e.what());
    }
}

void search(Services& services, const httplib::Request& req, httplib::Response& res) {
    const auto parsed = parse_search_params(req.params);
    if (const auto* e = std::get_if<ParamError>(&parsed)) return send_bad_parameter(res, *e);
    const auto& p = std::get<SearchParams>(parsed);
    with_searcher(services, res, [&](Lease& lease) {
        nlohmann::json body = search::result_json(lease.searcher().search(p.request));
        body["page"] = p.page;
        body["size"] = p.size;
        send_json(res, 200, body);
    });
}

void suggest(Services& services, const httplib::Request& req, httplib::Response& res) {
    const auto q = text_param(req.params, "q", kMaxQueryBytes);
    if (const auto* e = std::get_if<ParamError>(&q)) return send_bad_parameter(res, *e);
    const std::string& typed = std::get<std::string>(q);
    with_searcher(services, res, [&](Lease& lease) {
        const auto found = lease.searcher().read_current([&](const Xapian::Database& db) {
            return server::suggest(db, lease.analyzer(), services.folding, typed, kSuggestions);
        });
        nlohmann::json list = nlohmann::json::array();
        for (const auto& s : found) list.push_back({{"text", s.text}, {"kind", s.kind}});
        send_json(res, 200, {{"query", typed}, {"suggestions", std::move(list)}});
    });
}

// The id in a /api/NAME/{id} path (the library has percent-decoded it, so DOIs with "/" or %2F arrive
// whole) or in its ?id= parameter; a ParamError when it is missing or not valid UTF-8.
std::variant<std::string, ParamError> requested_id(const httplib::Request& req, std::string_view endpoint) {
    std::string id;
    if (req.matches.size() > 1) {
        id = req.matches[1].str();
        if (!analysis::utf8::is_valid(id)) return ParamError{"id", "parameter \"id\" must be valid UTF-8 text"};
    } else {
        auto given = text_param(req.params, "id", kMaxIdBytes * 4);
        if (auto* e = std::get_if<ParamError>(&given)) return *e;
        id = std::get<std::string>(given);
    }
    if (id.empty()) {
        const std::string path = "/api/" + std::string(endpoint);
        return ParamError{"id", "parameter \"id\" is required: " + path + "/{id} or " + path + "?id=…"};
    }
    return id;
}

void send_not_found(httplib::Response& res, const std::string& id) {
    send_error(res, 404, "not_found", "no record with id \"" + id + "\"");
}

void document(Services& services, const httplib::Request& req, httplib::Response& res) {
    const auto requested = requested_id(req, "doc");
    if (const auto* e = std::get_if<ParamError>(&requested)) return send_bad_parameter(res, *e);
    const std::string& id = std::get<std::string>(requested);
    with_searcher(services, res, [&](Lease& lease) {
        const auto record = id.size() > kMaxIdBytes ? std::nullopt : lease.searcher().find(id);
        if (!record) return send_not_found(res, id);
        send_json(res, 200, record_json(*record));
    });
}

void similar(Services& services, const httplib::Request& req, httplib::Response& res) {
    const auto requested = requested_id(req, "similar");
    if (const auto* e = std::get_if<ParamError>(&requested)) return send_bad_parameter(res, *e);
    const auto paging = parse_paging(req.params);
    if (const auto* e = std::get_if<ParamError>(&paging)) return send_bad_parameter(res, *e);
    const std::string& id = std::get<std::string>(requested);
    const Paging& at = std::get<Paging>(paging);
    with_searcher(services, res, [&](Lease& lease) {
        const auto found = id.size() > kMaxIdBytes ? std::nullopt : lease.searcher().like(id, at.size, at.offset());
        if (!found) return send_not_found(res, id);
        nlohmann::json body = search::result_json(*found);
        body["page"] = at.page;
        body["size"] = at.size;
        send_json(res, 200, body);
    });
}

void export_records(Services& services, const httplib::Request& req, httplib::Response& res) {
    const auto parsed = parse_export_params(req.params);
    if (const auto* e = std::get_if<ParamError>(&parsed)) return send_bad_parameter(res, *e);
    const auto name = text_param(req.params, "format", 16);
    if (const auto* e = std::get_if<ParamError>(&name)) return send_bad_parameter(res, *e);
    const auto format = find_export_format(std::get<std::string>(name));
    if (!format) {
        return send_bad_parameter(res, {"format", "parameter \"format\" must be one of ris|bibtex|csv"});
    }
    const auto& p = std::get<SearchParams>(parsed);
    with_searcher(services, res, [&](Lease& lease) {
        const auto result = lease.searcher().search(p.request);
        std::vector<records::Record> records;
        records.reserve(result.hits.size());
        for (const auto& hit : result.hits) records.push_back(hit.record);
        res.status = 200;
        res.set_header("Content-Disposition",
                       "attachment; filename=\"duet-export." + std::string(format->extension) + "\"");
        res.set_header("Cache-Control", "no-store");
        res.set_content(format->write(records), std::string(format->content_type));
    });
}

void health(Services& services, httplib::Response& res) {
    with_searcher(services, res, [&](Lease& lease) {
        send_json(res, 200, {{"status", "ok"},
                             {"documents", lease.searcher().document_count()},
                             {"revision", lease.searcher().revision()}});
    });
}

}  // namespace

void install_api_routes(httplib::Server& http, Services& services) {
    using httplib::Request;
    using httplib::Response;
    http.Get("/api/search", [&services](const Request& req, Response& res) { search(services, req, res); });
    http.Get("/api/suggest", [&services](const Request& req, Response& res) { suggest(services, req, res); });
    http.Get("/api/doc", [&services](const Request& req, Response& res) { document(services, req, res); });
    http.Get(R"(/api/doc/(.*))", [&services](const Request& req, Response& res) { document(services, req, res); });
    http.Get("/api/similar", [&services](const Request& req, Response& res) { similar(services, req, res); });
    http.Get(R"(/api/similar/(.*))", [&services](const Request& req, Response& res) { similar(services, req, res); });
    http.Get("/api/export", [&services](const Request& req, Response& res) { export_records(services, req, res); });
    http.Get("/healthz", [&services](const Request&, Response& res) { health(services, res); });
}

}  // namespace duet::server
