// RIS, BibTeX and CSV of records, as golden strings: quoting, escaping and keys.
#include "export.h"

#include <catch2/catch.hpp>

using duet::records::Record;
using namespace duet::server;

namespace {

Record paper() {
    Record r;
    r.id = "10.1/x_y";
    r.title = "Mesenchymal stem cells & 50% of {knee} OA_cases";
    r.title_zh = "间充质干细胞";
    r.authors = {"Ying-Feng Gao", "张三", "Tom and Jerry"};
    r.journal = "Stem Cell Research & Therapy";
    r.year = 2025;
    r.date = "2025-07-16";
    r.doi = "10.1/x_y";
    r.url = "https://doi.org/10.1/x_y";
    r.abstract = "Line one,\nline \"two\"";
    r.impact_factor = 7.1;
    r.citations = 3;
    r.jcr = "Q1";
    return r;
}

}  // namespace

TEST_CASE("RIS: a JOUR block per record, an AU line per author, one line per value") {
    CHECK(to_ris({paper()}) ==
          "TY  - JOUR\r\n"
          "TI  - Mesenchymal stem cells & 50% of {knee} OA_cases\r\n"
          "TT  - 间充质干细胞\r\n"
          "AU  - Ying-Feng Gao\r\n"
          "AU  - 张三\r\n"
          "AU  - Tom and Jerry\r\n"
          "T2  - Stem Cell Research & Therapy\r\n"
          "PY  - 2025\r\n"
          "DA  - 2025-07-16\r\n"
          "DO  - 10.1/x_y\r\n"
          "UR  - https://doi.org/10.1/x_y\r\n"
          "AB  - Line one, line \"two\"\r\n"
          "ER  - \r\n\r\n");
    Record zh;
    zh.title_zh = "仅中文";
    CHECK(to_ris({zh}) == "TY  - JOUR\r\nTI  - 仅中文\r\nER  - \r\n\r\n");
    CHECK(to_ris({}).empty());
}

TEST_CASE("BibTeX: escaped specials, braced names, unique keys") {
    const std::string out = to_bibtex({paper(), paper()});
    CHECK(out.starts_with("@article{gao2025mesenchymal,\n"
                          "  title = {Mesenchymal stem cells \\& 50\\% of \\{knee\\} OA\\_cases},\n"
                          "  note = {间充质干细胞},\n"
                          "  author = {Ying-Feng Gao and {张三} and {Tom and Jerry}},\n"
                          "  journal = {Stem Cell Research \\& Therapy},\n"
                          "  year = {2025},\n"
                          "  doi = {10.1/x_y},\n"
                          "  url = {https://doi.org/10.1/x_y},\n"
                          "  abstract = {Line one, line \"two\"},\n"
                          "}\n\n"));
    CHECK(out.find("@article{gao2025mesenchymalb,\n") != std::string::npos);
    Record odd;
    odd.title = "}{\\ ~^#$";
    const std::string escaped = to_bibtex({odd});
    CHECK(escaped == "@article{duet,\n  title = {\\}\\{\\textbackslash{} \\textasciitilde{}\\textasciicircum{}\\#\\$},\n}\n\n");
}

TEST_CASE("Volume and issue, first and last page: apart in RIS and BibTeX") {
    CHECK(split_volume("16 1").volume == "16");
    CHECK(split_volume("16 1").issue == "1");
    CHECK(split_volume(" ").volume.empty());  // the seeds have blank volumes
    CHECK(split_volume("12(3)").volume == "12(3)");
    CHECK(split_volume("Suppl 2").volume == "Suppl 2");
    CHECK(split_volume("Suppl 2").issue.empty());
    CHECK(split_pages("466-472").first == "466");
    CHECK(split_pages("466-472").last == "472");
    CHECK(split_pages("e123\u2013e130").last == "e130");  // an en dash
    CHECK(split_pages("379").first == "379");
    CHECK(split_pages("379").last.empty());
    CHECK(split_pages("1-2-3").first == "1-2-3");

    Record r;
    r.title = "T";
    r.volume = "16 1";
    r.pages = "466-472";
    CHECK(to_ris({r}) ==
          "TY  - JOUR\r\nTI  - T\r\nVL  - 16\r\nIS  - 1\r\nSP  - 466\r\nEP  - 472\r\nER  - \r\n\r\n");
    CHECK(to_bibtex({r}) ==
          "@article{duett,\n  title = {T},\n  volume = {16},\n  number = {1},\n  pages = {466--472},\n}\n\n");
}

TEST_CASE("CSV: BOM, header, RFC 4180 quoting, CRLF, formulas defused") {
    Record formula;
    formula.id = "f";
    formula.title = "=HYPERLINK(\"x\")";
    const std::string out = to_csv({paper(), formula});
    const std::string bom = "\xEF\xBB\xBF";
    const std::string header =
        "id,title,title_zh,authors,journal,year,date,volume,issue,pages,doi,url,citations,impact_factor,jcr,"
        "abstract\r\n";
    CHECK(out == bom + header +
                     "10.1/x_y,Mesenchymal stem cells & 50% of {knee} OA_cases,间充质干细胞,Ying-Feng Gao; 张三; Tom and "
                     "Jerry,Stem Cell Research & Therapy,2025,2025-07-16,,,,10.1/x_y,https://doi.org/10.1/x_y,3,7.1,Q1,"
                     "\"Line one,\nline \"\"two\"\"\"\r\n"
                     "f,\"'=HYPERLINK(\"\"x\"\")\",,,,,,,,,,,,,,\r\n");
    // Volume and issue in columns of their own, as RIS and BibTeX give them.
    Record issued = paper();
    issued.volume = "16 1";
    issued.pages = "466-472";
    CHECK(to_csv({issued}).find(",2025-07-16,16,1,466-472,") != std::string::npos);
    CHECK(to_csv({}) == bom + header);
}

TEST_CASE("Export formats by name") {
    CHECK(find_export_format("ris")->extension == "ris");
    CHECK(find_export_format("bibtex")->extension == "bib");
    CHECK(find_export_format("csv")->content_type == "text/csv; charset=utf-8");
    CHECK(!find_export_format("RIS"));
    CHECK(!find_export_format(""));
}
