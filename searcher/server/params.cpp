#include "params.h"

#include "ascii_forms.h"
#include "utf8.h"

#include <algorithm>
#include <array>

namespace duet::server {

namespace {

using Result = std::variant<SearchParams, ParamError>;

// Echoing a value helps the client see what arrived; a long or broken one is cut, never copied whole.
std::string shown(std::string_view value) {
    constexpr std::size_t kShown = 40;
    if (!analysis::utf8::is_valid(value)) return "(invalid UTF-8)";
    const std::size_t cut = analysis::utf8::boundary_at_or_before(value, std::min(kShown, value.size()));
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string out = "\"";
    out.append(value.substr(0, cut));
    if (cut < value.size()) out += "…";
    out += '"';
    return out;
}

ParamError bad(const std::string& name, const std::string& allowed, std::string_view value) {
    std::string message = "parameter \"";
    message.append(name).append("\" must be ").append(allowed).append(", not ").append(shown(value));
    return {name, message};
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<int> parse_year(std::string_view text) {
    if (text.size() != 4) return std::nullopt;
    const auto n = parse_count(text);
    if (!n || *n < 1000 || *n > 2999) return std::nullopt;
    return static_cast<int>(*n);
}

// Without the spaces and tabs around it, the ideographic space (U+3000) of Chinese keyboards included.
std::string_view trim(std::string_view text) {
    constexpr std::string_view kWide = "\xE3\x80\x80";
    for (;;) {
        if (text.starts_with(' ') || text.starts_with('\t')) {
            text.remove_prefix(1);
        } else if (text.starts_with(kWide)) {
            text.remove_prefix(kWide.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (text.ends_with(' ') || text.ends_with('\t')) {
            text.remove_suffix(1);
        } else if (text.ends_with(kWide)) {
            text.remove_suffix(kWide.size());
        } else {
            break;
        }
    }
    return text;
}

// Parses each known parameter in turn; the first problem wins.
class Reader {
public:
    explicit Reader(const Params& params) : params_(params) {}

    // The trimmed value of `name`, empty when absent or blank: an empty form field does not filter. Full-width
    // digits, letters and spaces, as Chinese keyboards type them (２０１９, Ｑ１), read as ASCII.
    std::optional<ParamError> text(const std::string& name, std::string& out) {
        auto got = single_param(params_, name);
        if (auto* e = std::get_if<ParamError>(&got)) return *e;
        const auto& value = std::get<std::optional<std::string>>(got);
        out = value ? std::string(trim(analysis::ascii_forms(*value))) : std::string();
        return std::nullopt;
    }

    std::optional<ParamError> count(const std::string& name, std::size_t lo, std::size_t hi, std::size_t& out) {
        std::string value;
        if (auto e = text(name, value)) return e;
        if (value.empty()) return std::nullopt;
        const auto n = parse_count(value);
        if (!n || *n < lo || *n > hi) {
            return bad(name, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), value);
        }
        out = *n;
        return std::nullopt;
    }

    // A value from a closed list, compared without case; `out` gets the list's spelling.
    template <std::size_t N>
    std::optional<ParamError> choice(const std::string& name, const std::array<std::string_view, N>& allowed,
                                     std::string& out) {
        std::string value;
        if (auto e = text(name, value)) return e;
        if (value.empty()) return std::nullopt;
        for (const auto a : allowed) {
            if (lower_ascii(value) == lower_ascii(a)) {
                out = a;
                return std::nullopt;
            }
        }
        std::string list;
        for (const auto a : allowed) list += (list.empty() ? "" : "|") + std::string(a);
        return bad(name, "one of " + list, value);
    }

private:
    const Params& params_;
};

constexpr std::size_t kMaxFilterBytes = 300;

Result parse(const Params& params) {
    Reader read(params);
    SearchParams out;
    search::SearchRequest& request = out.request;
    request.facets = true;

    auto q = text_param(params, "q", kMaxQueryBytes);
    if (auto* e = std::get_if<ParamError>(&q)) return *e;
    request.query = std::get<std::string>(q);

    const auto paging = parse_paging(params);
    if (auto* e = std::get_if<ParamError>(&paging)) return *e;
    const Paging& at = std::get<Paging>(paging);
    out.page = at.page;
    out.size = at.size;
    request.offset = at.offset();
    request.limit = at.size;

    std::string sort;
    if (auto e = read.choice<4>("sort", {"relevance", "date", "citations", "if"}, sort)) return *e;
    if (sort == "date") request.sort = search::SortBy::Date;
    if (sort == "citations") request.sort = search::SortBy::Citations;
    if (sort == "if") request.sort = search::SortBy::ImpactFactor;

    std::string year;
    if (auto e = read.text("year", year)) return *e;
    if (!year.empty()) {
        const auto range = parse_year_range(year);
        if (!range) return bad("year", "a year 1000..2999 or a range: 2020, 2019..2024, >=2020 or <=2020", year);
        request.filters.year_from = range->from;
        request.filters.year_to = range->to;
    }

    search::Filters& f = request.filters;
    if (auto e = read.choice<4>("jcr", {"Q1", "Q2", "Q3", "Q4"}, f.jcr)) return *e;
    if (auto e = read.choice<2>("lang", {"zh", "en"}, f.lang)) return *e;
    for (auto [name, field] : {std::pair{"journal", &f.journal}, std::pair{"category", &f.category}}) {
        auto value = text_param(params, name, kMaxFilterBytes);
        if (auto* e = std::get_if<ParamError>(&value)) return *e;
        *field = std::get<std::string>(value);
    }
    return out;
}

}  // namespace

std::variant<Paging, ParamError> parse_paging(const Params& params) {
    Reader read(params);
    Paging out;
    if (auto e = read.count("page", 1, kMaxDepth, out.page)) return *e;
    if (auto e = read.count("size", 1, kMaxPageSize, out.size)) return *e;
    if (out.page * out.size > kMaxDepth) {
        return ParamError{"page", "parameter \"page\" times \"size\" must be at most " + std::to_string(kMaxDepth) +
                                      " (page " + std::to_string(out.page) + " of size " + std::to_string(out.size) +
                                      " is too deep): narrow the query or add filters instead"};
    }
    return out;
}

std::variant<std::optional<std::string>, ParamError> single_param(const Params& params, const std::string& name) {
    const auto [first, last] = params.equal_range(name);
    if (first == last) return std::optional<std::string>();
    if (std::next(first) != last) return ParamError{name, "parameter \"" + name + "\" must be given at most once"};
    if (!analysis::utf8::is_valid(first->second)) {
        return ParamError{name, "parameter \"" + name + "\" must be valid UTF-8 text"};
    }
    return std::optional<std::string>(first->second);
}

std::variant<std::string, ParamError> text_param(const Params& params, const std::string& name, std::size_t max_bytes) {
    auto got = single_param(params, name);
    if (auto* e = std::get_if<ParamError>(&got)) return *e;
    const auto& value = std::get<std::optional<std::string>>(got);
    const std::string text = value ? std::string(trim(*value)) : std::string();
    if (text.size() > max_bytes) {
        return ParamError{name, "parameter \"" + name + "\" must be at most " + std::to_string(max_bytes) +
                                    " bytes, not " + std::to_string(text.size())};
    }
    return text;
}

std::variant<SearchParams, ParamError> parse_search_params(const Params& params) { return parse(params); }

std::variant<SearchParams, ParamError> parse_export_params(const Params& params) {
    Result result = parse(params);
    if (auto* p = std::get_if<SearchParams>(&result)) {
        p->request.offset = 0;
        p->request.limit = kMaxExport;
        p->request.snippets = false;
        p->request.facets = false;
    }
    return result;
}

std::optional<YearRange> parse_year_range(std::string_view text) {
    text = trim(text);
    if (text.starts_with(">=")) {
        const auto y = parse_year(trim(text.substr(2)));
        if (!y) return std::nullopt;
        return YearRange{y, std::nullopt};
    }
    if (text.starts_with("<=")) {
        const auto y = parse_year(trim(text.substr(2)));
        if (!y) return std::nullopt;
        return YearRange{std::nullopt, y};
    }
    if (const auto dots = text.find(".."); dots != std::string_view::npos) {
        const auto from = parse_year(trim(text.substr(0, dots)));
        const auto to = parse_year(trim(text.substr(dots + 2)));
        if (!from || !to || *from > *to) return std::nullopt;
        return YearRange{from, to};
    }
    const auto y = parse_year(text);
    if (!y) return std::nullopt;
    return YearRange{y, y};
}

std::optional<std::size_t> parse_count(std::string_view text) {
    // Nine digits cannot overflow size_t; anything longer is not a page number anyone means.
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::size_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

}  // namespace duet::server
