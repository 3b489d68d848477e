// Parameter parsing and validation, without HTTP: each parameter's accepted forms and its refusals.
#include "params.h"

#include <catch2/catch.hpp>

using namespace duet::server;

namespace {

SearchParams ok(Params params) {
    auto parsed = parse_search_params(params);
    if (auto* e = std::get_if<ParamError>(&parsed)) FAIL(e->message);
    return std::get<SearchParams>(parsed);
}

ParamError refused(Params params) {
    auto parsed = parse_search_params(params);
    REQUIRE(std::holds_alternative<ParamError>(parsed));
    return std::get<ParamError>(parsed);
}

}  // namespace

TEST_CASE("Year ranges: a year, a closed range and open ends") {
    const auto check = [](std::string_view text, std::optional<int> from, std::optional<int> to) {
        INFO(text);
        const auto r = parse_year_range(text);
        REQUIRE(r);
        CHECK(r->from == from);
        CHECK(r->to == to);
    };
    check("2020", 2020, 2020);
    check("2019..2024", 2019, 2024);
    check(" 2019 .. 2024 ", 2019, 2024);
    check(">=2020", 2020, std::nullopt);
    check("<=2020", std::nullopt, 2020);
    check("2020..2020", 2020, 2020);
    for (const char* bad : {"", "20", "20201", "2024..2019", ">2020", "<2020", "=2020", "2019..", "..2020", "abcd",
                            "2019...2024", "-2020", "+2020", "0999", "3000", ">=", "2019..2024..2025"}) {
        INFO(bad);
        CHECK(!parse_year_range(bad));
    }
}

TEST_CASE("Counts are plain decimal digits") {
    CHECK(parse_count("1") == 1u);
    CHECK(parse_count("050") == 50u);
    for (const char* bad : {"", "-1", "+1", "1.0", "1e3", " 1", "0x10", "9999999999"}) {
        INFO(bad);
        CHECK(!parse_count(bad));
    }
}

TEST_CASE("Search parameters become a request: defaults, paging, sort and filters") {
    const auto d = ok({});
    CHECK(d.page == 1);
    CHECK(d.size == 10);
    CHECK(d.request.offset == 0);
    CHECK(d.request.limit == 10);
    CHECK(d.request.facets);
    CHECK(d.request.snippets);
    CHECK(d.request.sort == duet::search::SortBy::Relevance);

    const auto p = ok({{"q", "  干细胞 stem  "}, {"page", "3"}, {"size", "20"}, {"sort", "IF"}, {"year", ">=2020"},
                       {"jcr", "q2"}, {"lang", "ZH"}, {"journal", "Nature"}, {"category", "医学"}});
    CHECK(p.request.query == "干细胞 stem");
    CHECK(p.request.offset == 40);
    CHECK(p.request.limit == 20);
    CHECK(p.request.sort == duet::search::SortBy::ImpactFactor);
    CHECK(p.request.filters.year_from == 2020);
    CHECK(!p.request.filters.year_to);
    CHECK(p.request.filters.jcr == "Q2");
    CHECK(p.request.filters.lang == "zh");
    CHECK(p.request.filters.journal == "Nature");
    CHECK(p.request.filters.category == "医学");

    CHECK(ok({{"page", "100"}, {"size", "10"}}).request.offset == 990);  // the deepest page allowed
    CHECK(ok({{"page", "20"}, {"size", "50"}}).request.offset == 950);
}

TEST_CASE("Full-width digits, letters and spaces in parameters read as ASCII, as Chinese keyboards type them") {
    const auto p = ok({{"year", "\u3000２０１９..２０２４\u3000"}, {"jcr", "ｑ１"}, {"lang", "ＥＮ"}, {"size", "２０"},
                       {"page", "２"}, {"sort", "ｄａｔｅ"}});
    CHECK(p.request.filters.year_from == 2019);
    CHECK(p.request.filters.year_to == 2024);
    CHECK(p.request.filters.jcr == "Q1");
    CHECK(p.request.filters.lang == "en");
    CHECK(p.request.offset == 20);
    CHECK(p.request.limit == 20);
    CHECK(p.request.sort == duet::search::SortBy::Date);
    CHECK(ok({{"year", "＞＝２０２０"}}).request.filters.year_from == 2020);
    // The query and the free-text filters keep their characters, without the spaces around them.
    const auto q = ok({{"q", "\u3000 干细胞\u3000stem\u3000\t"}, {"journal", "\u3000Nature\u3000"}});
    CHECK(q.request.query == "干细胞\u3000stem");
    CHECK(q.request.filters.journal == "Nature");
    // Still refused when the ASCII would be: the message shows what was read.
    CHECK(refused({{"year", "２０"}}).message.find("not \"20\"") != std::string::npos);
}

TEST_CASE("Refusals name the parameter and the values it accepts") {
    auto e = refused({{"sort", "best"}});
    CHECK(e.parameter == "sort");
    CHECK(e.message == "parameter \"sort\" must be one of relevance|date|citations|if, not \"best\"");
    e = refused({{"size", "500"}});
    CHECK(e.message == "parameter \"size\" must be a whole number from 1 to 50, not \"500\"");
    e = refused({{"page", "101"}, {"size", "10"}});
    CHECK(e.parameter == "page");
    CHECK(e.message.find("at most 1000") != std::string::npos);
    e = refused({{"lang", std::string(100, 'x')}});
    CHECK(e.message.find("…") != std::string::npos);  // a long value is cut when echoed
    e = refused({{"jcr", "\xFF"}});
    CHECK(e.parameter == "jcr");
    CHECK(e.message == "parameter \"jcr\" must be valid UTF-8 text");
    e = refused({{"q", std::string(2001, 'q')}});
    CHECK(e.message == "parameter \"q\" must be at most 2000 bytes, not 2001");
}

TEST_CASE("Exports cover the first 200 records without snippets or facets") {
    auto parsed = parse_export_params({{"q", "x"}, {"page", "3"}});
    REQUIRE(std::holds_alternative<SearchParams>(parsed));
    const auto& r = std::get<SearchParams>(parsed).request;
    CHECK(r.offset == 0);
    CHECK(r.limit == kMaxExport);
    CHECK(!r.snippets);
    CHECK(!r.facets);
    CHECK(std::holds_alternative<ParamError>(parse_export_params({{"year", "x"}})));
}
