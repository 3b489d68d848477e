#include "result_format.h"

#include "utf8.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>

namespace duet::search {

namespace {

namespace utf8 = analysis::utf8;

constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[22m";

// C0 and C1 controls (and DEL) are how escape sequences reach a terminal; a record must not carry one.
bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

void append_for_terminal(std::string& out, char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
        out += ' ';
    } else if (!is_control(cp)) {
        utf8::append(out, cp);
    }
}

// The code point an entity body (between & and ;) names, for the entities escape_html writes and
// numeric references; anything else is left as literal text.
std::optional<char32_t> entity_value(std::string_view name) {
    if (name == "amp") return U'&';
    if (name == "lt") return U'<';
    if (name == "gt") return U'>';
    if (name == "quot") return U'"';
    if (name == "apos") return U'\'';
    if (name == "nbsp") return U' ';
    if (name.size() < 2 || name[0] != '#') return std::nullopt;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6) return std::nullopt;
    char32_t value = 0;
    for (const char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return U'\uFFFD';
    return value;
}

/// Plain record text made safe for a terminal (no control characters, line breaks become spaces).
std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        append_for_terminal(out, d.cp);
        at += d.length;
    }
    return out;
}

double round_to(double value, double scale) { return std::round(value * scale) / scale; }

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json hit_json(const Hit& hit) {
    const records::Record& r = hit.record;
    nlohmann::json j;
    j["id"] = r.id;
    j["rank"] = hit.rank;
    j["score"] = round_to(hit.score, 1e4);
    j["shard"] = hit.shard;
    j["title"] = r.title;
    j["title_zh"] = r.title_zh;
    j["title_html"] = hit.title_html;
    j["title_zh_html"] = hit.title_zh_html;
    j["authors"] = r.authors;
    j["journal"] = r.journal;
    j["year"] = or_null(r.year);
    j["date"] = r.date;
    j["doi"] = r.doi;
    j["url"] = r.url;
    j["citations"] = or_null(r.citations);
    j["impact_factor"] = or_null(r.impact_factor);
    j["jcr"] = r.jcr;
    j["category"] = r.category;
    j["snippets"] = hit.snippets;
    return j;
}

// "Did you mean" and the cross-language terms, when there are any.
std::string notes(const SearchResult& result) {
    std::string out;
    if (!result.suggestion.empty()) out += fmt::format("Did you mean \"{}\"?\n", terminal_safe(result.suggestion));
    if (!result.expansions.empty()) {
        std::string terms;
        for (const auto& e : result.expansions) terms += (terms.empty() ? "" : ", ") + terminal_safe(e);
        out += fmt::format("Also searched: {}\n", terms);
    }
    return out;
}

std::string header(const SearchResult& result) {
    const std::string query = terminal_safe(result.query);
    if (result.total == 0) {
        return fmt::format("No results for \"{}\" ({:.2f} ms)\n", query, result.took_ms) + notes(result);
    }
    std::string line = fmt::format("{}{} result{} for \"{}\" ({:.2f} ms)", result.total_exact ? "" : "about ",
                                   result.total, result.total == 1 ? "" : "s", query, result.took_ms);
    if (!result.hits.empty()) {
        line += fmt::format(", showing {}-{}", result.offset + 1, result.offset + result.hits.size());
    }
    return line + "\n" + notes(result);
}

std::string authors_line(const std::vector<std::string>& authors) {
    constexpr std::size_t kShown = 3;
    std::string line;
    for (std::size_t i = 0; i < authors.size() && i < kShown; ++i) {
        if (i > 0) line += ", ";
        line += terminal_safe(authors[i]);
    }
    if (authors.size() > kShown) line += " et al.";
    return line;
}

std::string source_line(const records::Record& r) {
    std::string line;
    const auto add = [&line](const std::string& part) {
        if (part.empty()) return;
        if (!line.empty()) line += " · ";
        line += terminal_safe(part);
    };
    add(r.journal);
    add(r.year ? std::to_string(*r.year) : std::string());
    add(r.doi);
    return line;
}

// The highlighted form when the searcher made one, else the plain field.
std::string shown(const std::string& html, const std::string& plain, bool ansi) {
    return html.empty() ? terminal_safe(plain) : html_to_terminal(html, ansi);
}

void append_hit(std::string& out, const Hit& hit, bool ansi) {
    const records::Record& r = hit.record;
    const std::string number = fmt::format("{}. ", hit.rank);
    // Continuation lines line up under the title, past the rank.
    const std::string indent(number.size(), ' ');
    const auto line = [&](const std::string& text) {
        if (!text.empty()) out += fmt::format("{}{}\n", indent, text);
    };
    std::string title = r.title.empty() ? shown(hit.title_zh_html, r.title_zh, ansi)
                                         : shown(hit.title_html, r.title, ansi);
    if (title.empty()) title = "(untitled)";
    out += fmt::format("\n{}{}\n", number, title);
    if (!r.title.empty()) line(shown(hit.title_zh_html, r.title_zh, ansi));
    line(authors_line(r.authors));
    line(source_line(r));
    line(fmt::format("score {:.4f}", hit.score));
    for (const std::string& snippet : hit.snippets) line(html_to_terminal(snippet, ansi));
}

}  // namespace

std::string html_to_terminal(std::string_view html, bool ansi) {
    std::string out;
    out.reserve(html.size());
    bool bold = false;
    for (std::size_t at = 0; at < html.size();) {
        if (html[at] == '<') {
            const std::size_t close = html.find('>', at);
            if (close == std::string_view::npos) break;  // a cut-off tag carries no text
            const std::string_view tag = html.substr(at + 1, close - at - 1);
            if (ansi && tag == "mark" && !bold) out += kBoldOn;
            if (ansi && tag == "/mark" && bold) out += kBoldOff;
            if (tag == "mark" || tag == "/mark") bold = tag == "mark";
            at = close + 1;
            continue;
        }
        if (html[at] == '&') {
            const std::size_t semi = html.find(';', at);
            if (semi != std::string_view::npos && semi - at <= 10) {
                if (const auto cp = entity_value(html.substr(at + 1, semi - at - 1))) {
                    append_for_terminal(out, *cp);
                    at = semi + 1;
                    continue;
                }
            }
        }
        const utf8::Decoded d = utf8::decode(html, at);
        append_for_terminal(out, d.cp);
        at += d.length;
    }
    // Bold must not leak into the next line when a fragment was cut inside a mark.
    if (ansi && bold) out += kBoldOff;
    return out;
}

nlohmann::json result_json(const SearchResult& result) {
    nlohmann::json j;
    j["query"] = result.query;
    j["total"] = result.total;
    j["total_exact"] = result.total_exact;
    j["offset"] = result.offset;
    j["limit"] = result.limit;
    j["took_ms"] = round_to(result.took_ms, 100);
    j["hits"] = nlohmann::json::array();
    for (const Hit& hit : result.hits) j["hits"].push_back(hit_json(hit));
    j["facets"] = nlohmann::json::object();
    for (const Facet& facet : result.facets) {
        nlohmann::json values = nlohmann::json::array();
        for (const FacetValue& v : facet.values) values.push_back({{"value", v.value}, {"count", v.count}});
        j["facets"][facet.name] = {{"exact", facet.exact}, {"values", std::move(values)}};
    }
    j["suggestion"] = result.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.suggestion);
    j["expansions"] = result.expansions;
    return j;
}

std::string result_text(const SearchResult& result, bool ansi) {
    std::string out = header(result);
    for (const Hit& hit : result.hits) append_hit(out, hit, ansi);
    return out;
}

}  // namespace duet::search
