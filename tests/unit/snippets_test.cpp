// Snippets: highlights come from token offsets, fragments are the best windows, output is always valid UTF-8.
#include "analysis_fixture.h"
#include "result_format.h"
#include "snippets.h"
#include "utf8.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using duet::analysis::TokenKind;
using duet::search::display_width;
using duet::search::highlight_html;
using duet::search::lead_fragment;
using duet::search::MatchTerms;
using duet::search::snippet_fragments;
using duet::search::SnippetOptions;

namespace {

// What the query builder highlights for a plain query: its non-stop words (and subwords), every Han bigram
// (and a lone Han character as a unigram).
MatchTerms terms_for(std::string_view query) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    const auto tokens = analyzer.analyze(query);
    std::size_t han_chars = 0;
    for (const auto& t : tokens) han_chars += t.kind == TokenKind::Unigram ? 1 : 0;
    MatchTerms terms;
    for (const auto& t : tokens) {
        const bool word = t.kind == TokenKind::Word || t.kind == TokenKind::Joined || t.kind == TokenKind::Subword;
        if (word && !t.stop) terms.words.insert(t.term);
        if (t.kind == TokenKind::Bigram) terms.bigrams.insert(t.term);
        if (t.kind == TokenKind::Unigram && han_chars == 1) terms.unigrams.insert(t.term);
    }
    return terms;
}

MatchTerms words(std::initializer_list<const char*> list) {
    MatchTerms terms;
    for (const char* w : list) terms.words.insert(w);
    return terms;
}

std::string highlight(std::string_view text, const MatchTerms& terms) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    return highlight_html(text, terms, analyzer);
}

std::vector<std::string> fragments(std::string_view text, const MatchTerms& terms, std::size_t count,
                                   std::size_t width) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    return snippet_fragments(text, terms, analyzer, SnippetOptions{count, width});
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

const std::string kEllipsis = "…";

// A fragment as plain text without its ellipses: what the reader sees of the original.
std::string plain(const std::string& fragment) {
    std::string text = duet::search::html_to_terminal(fragment, false);
    if (text.rfind(kEllipsis, 0) == 0) text.erase(0, kEllipsis.size());
    if (text.size() >= kEllipsis.size() && text.compare(text.size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0) {
        text.erase(text.size() - kEllipsis.size());
    }
    return text;
}

// The original with whitespace runs collapsed, as fragments show it.
std::string collapsed(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (ws) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

TEST_CASE("Highlights are escaped and marked by token offsets") {
    CHECK(highlight("Rheumatoid <b> & TNF-α", words({"tnfalpha", "rheumatoid"})) ==
          "<mark>Rheumatoid</mark> &lt;b&gt; &amp; <mark>TNF-α</mark>");
    CHECK(highlight(R"(He said "it's" <i>)", words({})) == "He said &quot;it&#39;s&quot; &lt;i&gt;");
    CHECK(highlight("MESENCHYMAL Stem cells", terms_for("mesenchymal stem")) ==
          "<mark>MESENCHYMAL</mark> <mark>Stem</mark> cells");
    CHECK(highlight("", terms_for("stem")).empty());
}

TEST_CASE("Highlights match terms, not substrings") {
    CHECK(highlight("cellular cells", terms_for("cell")) == "cellular <mark>cells</mark>");
    CHECK(highlight("研究生", terms_for("生命")) == "研究生");
    CHECK(highlight("研究生命起源", terms_for("生命")) == "研究<mark>生命</mark>起源");
}

TEST_CASE("A Chinese word matched by its word term and its bigrams gets one mark") {
    const std::string marked = highlight("利用间充质干细胞治疗类风湿性关节炎", terms_for("间充质干细胞"));
    CHECK(marked == "利用<mark>间充质干细胞</mark>治疗类风湿性关节炎");
    CHECK(count_of(marked, "<mark>") == 1);
    // Part of a word, found through bigrams only, is marked as one stretch too.
    CHECK(highlight("间充质干细胞", terms_for("干细胞")) == "间充质<mark>干细胞</mark>");
}

TEST_CASE("Sentences are analysed only when they may hold a match, and offsets stay those of the whole text") {
    // Only the second sentence holds a query character; its mark must sit at its place in the whole text.
    CHECK(highlight("研究背景很长。\n本文研究类风湿关节炎。IL-6 升高", terms_for("类风湿 IL-6")) ==
          "研究背景很长。 本文研究<mark>类风湿</mark>关节炎。<mark>IL-6</mark> 升高");  // line breaks render as spaces
    // Traditional sentences are judged by their folded characters.
    CHECK(highlight("無關句子。類風濕性關節炎", terms_for("类风湿")) == "無關句子。<mark>類風濕</mark>性關節炎");
    // English sentences on one line are judged one by one: the marks still sit where the words are.
    CHECK(highlight("Background was long. Mice were studied; e.g. 10 mice. Results? Stem cells helped! Done.",
                    terms_for("mouse stem")) ==
          "Background was long. <mark>Mice</mark> were studied; e.g. 10 <mark>mice</mark>. Results? "
          "<mark>Stem</mark> cells helped! Done.");
    // An English query skips Chinese sentences but still finds its words in mixed ones.
    CHECK(highlight("中文句子。含有 stem cells 的句子", terms_for("stem")) == "中文句子。含有 <mark>stem</mark> cells 的句子");
}

TEST_CASE("The sentence filter never hides a match: stems unlike their words, Greek letters, DOIs, prefixes") {
    // A sentence is analysed when it holds a query term's folded text or a stem less its last letter.
    CHECK(highlight("One study.\nWe were hoping.", terms_for("studies hope")) ==
          "One <mark>study</mark>. We were <mark>hoping</mark>.");
    CHECK(highlight("Skies. Dying cells.", terms_for("sky die")) == "<mark>Skies</mark>. <mark>Dying</mark> cells.");
    CHECK(highlight("Cells.\nDying cells.\nLying, tying.", terms_for("die lie tie")) ==
          "Cells. <mark>Dying</mark> cells. <mark>Lying</mark>, <mark>tying</mark>.");
    CHECK(highlight("Its possibility.", terms_for("possibly")) == "Its <mark>possibility</mark>.");
    CHECK(highlight("Serum TNFα rose.", terms_for("TNF alpha")) == "Serum <mark>TNFα</mark> rose.");
    CHECK(highlight("See 10.1186/S13287-025-04495-z.", terms_for("10.1186/s13287-025-04495-z")) ==
          "See <mark>10.1186/S13287-025-04495-z</mark>.");
    CHECK(highlight("COVID-19 and IL6.", terms_for("covid19 IL-6")) == "<mark>COVID-19</mark> and <mark>IL6</mark>.");
    CHECK(highlight("K-Ras(G12C) inhibitors", terms_for("KRAS")) == "<mark>K-Ras</mark>(G12C) inhibitors");
    MatchTerms prefix;
    prefix.prefixes.insert("mesench");
    CHECK(highlight("Mesenchymal cells.", prefix) == "<mark>Mesenchymal</mark> cells.");
    // A Chinese sentence holding only some characters of a query word has nothing to mark.
    CHECK(highlight("细节。干细胞", terms_for("干细胞")) == "细节。<mark>干细胞</mark>");
}

TEST_CASE("The sentence filter finds every word of the seeds when searched for alone") {
    // Each word, searched by itself and alone in a sentence after an unrelated one, is marked: whatever the
    // stemmer makes of it, the filter lets its sentence be analysed.
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    std::set<std::string> words;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(DUET_TEST_DATA) / "seeds")) {
        const std::string text = read_file(entry.path());
        for (const auto& t : analyzer.analyze(text)) {
            if (t.kind == TokenKind::Word && t.script == duet::analysis::Script::Latin && !t.stop) {
                words.insert(text.substr(t.begin, t.end - t.begin));
            }
        }
    }
    REQUIRE(words.size() > 500);
    for (const std::string& word : words) {
        INFO(word);
        CHECK(highlight("Zzz qqq. " + word + ".", terms_for(word)) == "Zzz qqq. <mark>" + word + "</mark>.");
    }
}

TEST_CASE("Folded forms highlight the original text") {
    CHECK(highlight("類風濕性關節炎患者", terms_for("类风湿")) == "<mark>類風濕</mark>性關節炎患者");
    CHECK(highlight("ＭＳＣ therapy", terms_for("msc")) == "<mark>ＭＳＣ</mark> therapy");
    CHECK(highlight("naïve café", terms_for("naïve café")) == "<mark>naïve</mark> <mark>café</mark>");
}

TEST_CASE("Touching ranges merge, ranges apart stay apart") {
    CHECK(highlight("TNF-α levels", terms_for("TNF-α")) == "<mark>TNF-α</mark> levels");
    CHECK(highlight("TNFα levels", words({"tnf", "alpha"})) == "<mark>TNFα</mark> levels");
    CHECK(highlight("TNF-α levels", words({"tnf", "alpha"})) == "<mark>TNF</mark>-<mark>α</mark> levels");
    CHECK(highlight("stem cells", terms_for("stem cell")) == "<mark>stem</mark> <mark>cells</mark>");
    CHECK(highlight("MSC间充质干细胞therapy", terms_for("msc 间充质干细胞")) ==
          "<mark>MSC间充质干细胞</mark>therapy");
}

TEST_CASE("Whitespace runs collapse to one space, nothing else changes") {
    CHECK(highlight("  stem\n\n  cells\t ", terms_for("cells")) == "stem <mark>cells</mark>");
    CHECK(highlight("干细胞\n治疗", terms_for("治疗")) == "干细胞 <mark>治疗</mark>");
}

TEST_CASE("Malformed UTF-8 in the text becomes U+FFFD") {
    const std::string text = "stem \xC3 cells \xE5\xB9";
    const std::string marked = highlight(text, terms_for("stem"));
    CHECK(duet::analysis::utf8::is_valid(marked));
    CHECK(marked.rfind("<mark>stem</mark> \xEF\xBF\xBD cells", 0) == 0);
}

TEST_CASE("Display width counts Han and full-width characters twice") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("干细胞") == 6);
    CHECK(display_width("ＭＳＣ") == 6);
    CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
    CHECK(display_width("，。") == 4);
}

TEST_CASE("No match, no fragments") {
    CHECK(fragments("Mesenchymal stem cells in osteoarthritis.", terms_for("rheumatoid"), 2, 160).empty());
    CHECK(fragments("", terms_for("stem"), 2, 160).empty());
    CHECK(fragments("stem cells", MatchTerms{}, 2, 160).empty());
    CHECK(fragments("stem cells", terms_for("stem"), 0, 160).empty());
}

TEST_CASE("A short text is one whole fragment without ellipses") {
    const auto f = fragments("Mesenchymal stem cells & joints.", terms_for("joint"), 2, 160);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "Mesenchymal stem cells &amp; <mark>joints</mark>.");
}

TEST_CASE("Fragments cut at word boundaries with ellipses where text is left out") {
    const std::string text =
        "Osteoarthritis remains a major challenge for clinicians and researchers. In this regard, injections "
        "of mesenchymal stem cells are emerging as a promising choice to mitigate pain in knee patients.";
    const auto f = fragments(text, terms_for("mesenchymal"), 1, 60);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "…regard, injections of <mark>mesenchymal</mark> stem cells are emerging as…");
    CHECK(display_width(plain(f[0])) <= 60);
    // At the start of the text: no leading ellipsis.
    const auto start = fragments(text, terms_for("osteoarthritis"), 1, 40);
    REQUIRE(start.size() == 1);
    CHECK(start[0] == "<mark>Osteoarthritis</mark> remains a major challenge…");
    // At the end: the spare width goes before the match, no trailing ellipsis.
    const auto end = fragments(text, terms_for("patients"), 1, 40);
    REQUIRE(end.size() == 1);
    CHECK(end[0] == "…to mitigate pain in knee <mark>patients</mark>.");
}

TEST_CASE("Chinese fragments cut between characters and never gain spaces") {
    const std::string text = "类风湿性关节炎是一种慢性系统性自身免疫疾病，其特征是持续的关节炎症和进行性骨破坏。"
                             "间充质干细胞因其免疫调节和再生特性而成为一种有前途的治疗选择。";
    const auto f = fragments(text, terms_for("间充质干细胞"), 1, 30);
    REQUIRE(f.size() == 1);
    // A third of the spare width goes before the match: 破坏。 (6 columns) of 18.
    CHECK(f[0] == "…破坏。<mark>间充质干细胞</mark>因其免疫调节…");
    CHECK(f[0].find(' ') == std::string::npos);
    CHECK(display_width(plain(f[0])) <= 30);
    CHECK(text.find(plain(f[0])) != std::string::npos);
}

TEST_CASE("The window with the most distinct terms wins, then the most matches, then the earliest") {
    const std::string text =
        "stem stem stem alpha bravo charlie delta echo foxtrot golf hotel india juliet stem therapy kilo lima "
        "mike november oscar papa quebec romeo sierra stem stem tango uniform victor whiskey xray yankee zulu "
        "one two stem therapy three four five six seven eight nine ten eleven twelve";
    const MatchTerms terms = terms_for("stem therapy");
    // Two distinct terms beat three matches of one; of the two windows with both, the earlier wins.
    const auto best = fragments(text, terms, 1, 30);
    REQUIRE(best.size() == 1);
    CHECK(best[0] == "…juliet <mark>stem</mark> <mark>therapy</mark> kilo lima…");
    // The next best is the later window with both terms, not the one with more matches of one term.
    const auto two = fragments(text, terms, 2, 30);
    REQUIRE(two.size() == 2);
    CHECK(two[0] == best[0]);
    CHECK(two[1] == "…one two <mark>stem</mark> <mark>therapy</mark> three…");
    // With one term only, three matches beat two, and the fragments come out in text order.
    const auto stems = fragments(text, terms_for("stem"), 2, 30);
    REQUIRE(stems.size() == 2);
    CHECK(stems[0] == "<mark>stem</mark> <mark>stem</mark> <mark>stem</mark> alpha bravo…");
    CHECK(stems[1] == "…sierra <mark>stem</mark> <mark>stem</mark> tango uniform…");
}

TEST_CASE("A Chinese word counts once, not once per bigram it also matches") {
    const std::string text = "间充质干细胞和间充质干细胞都是研究对象。患者接受了长期的随访观察和系统评估。细胞治疗有效。";
    const auto best = fragments(text, terms_for("间充质干细胞 治疗"), 1, 16);
    REQUIRE(best.size() == 1);
    // The spare columns before the match hold only 。, which belongs to the sentence before: left out.
    CHECK(best[0] == "…<mark>细胞治疗</mark>有效。");
}

TEST_CASE("Fragments are in text order and do not overlap") {
    std::string text;
    for (int i = 0; i < 20; ++i) text += "Cells divide and grow; stem cells renew themselves in the niche. ";
    const auto f = fragments(text, terms_for("stem niche"), 3, 50);
    REQUIRE(f.size() == 3);
    std::size_t from = 0;
    for (const auto& fragment : f) {
        const std::string p = plain(fragment);
        const std::size_t at = text.find(p, from);
        REQUIRE(at != std::string::npos);
        from = at + p.size();
        CHECK(display_width(p) <= 50);
    }
}

TEST_CASE("A fragment never starts on a combining mark") {
    // Decomposed "é" throughout: e + U+0301.
    std::string text;
    for (int i = 0; i < 30; ++i) text += "ce\xCC\x81" "e\xCC\x81" "e\xCC\x81";
    text += " target ";
    for (int i = 0; i < 30; ++i) text += "e\xCC\x81";
    for (std::size_t width = 4; width < 40; ++width) {
        for (const auto& f : fragments(text, terms_for("target"), 1, width)) {
            const std::string p = plain(f);
            CHECK(duet::analysis::utf8::is_valid(f));
            CHECK(p.rfind("\xCC\x81", 0) != 0);
        }
    }
}

TEST_CASE("A match wider than the window is cut, still valid") {
    const auto f = fragments("x 10.1186/s13287-025-04495-z y", terms_for("10.1186/s13287-025-04495-z"), 1, 10);
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "…<mark>10.1186/s1</mark>…");
}

TEST_CASE("Every fragment of mixed text and the seeds is valid UTF-8, bounded and taken from the original") {
    std::vector<std::string> texts = {
        "MSC间充质干细胞therapy 治疗類風濕性關節炎 (RA) with ＭＳＣｓ; TNF-α, IL-6 & NF-κB: naïve e\xCC\x81 "
        "细胞。 stem cells—干细胞—stromal 😀 cells.\n\n间充质干细胞 therapy 治疗",
    };
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(DUET_TEST_DATA) / "seeds")) {
        texts.push_back(read_file(entry.path()));
    }
    const std::vector<MatchTerms> queries = {terms_for("干细胞 治疗"), terms_for("MSC stem cells"),
                                             terms_for("类风湿 TNF-α"), terms_for("癌"), terms_for("therapy 细胞")};
    std::size_t seen = 0;
    for (const auto& text : texts) {
        const std::string original = collapsed(text);
        for (const auto& terms : queries) {
            for (std::size_t width : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 160}) {
                for (const auto& f : fragments(text, terms, 3, width)) {
                    ++seen;
                    const std::string p = plain(f);
                    CHECK(duet::analysis::utf8::is_valid(f));
                    CHECK(display_width(p) <= width);
                    CHECK(original.find(p) != std::string::npos);
                    CHECK(p.rfind("\xCC", 0) != 0);  // no combining mark (U+0300..U+033F) first
                    CHECK(p.rfind("。", 0) != 0);
                    CHECK(p.rfind("，", 0) != 0);
                    CHECK(count_of(f, "<mark>") == count_of(f, "</mark>"));
                }
            }
        }
    }
    CHECK(seen > 100);
}

TEST_CASE("The lead fragment is the start of the text cut to width") {
    CHECK(lead_fragment("  Short & sweet.  ", SnippetOptions{}) == "Short &amp; sweet.");
    CHECK(lead_fragment("", SnippetOptions{}).empty());
    const std::string english = "Mesenchymal stem cells are multipotent progenitor stromal cells with potential.";
    CHECK(lead_fragment(english, SnippetOptions{1, 30}) == "Mesenchymal stem cells are…");
    CHECK(lead_fragment("间充质干细胞是多能祖细胞基质细胞", SnippetOptions{1, 13}) == "间充质干细胞…");
    // A word longer than the width is cut inside, on a character boundary.
    CHECK(lead_fragment("Pneumonoultramicroscopic", SnippetOptions{1, 10}) == "Pneumonoul…");
    CHECK(lead_fragment("間充質幹細胞", SnippetOptions{1, 5}) == "間充…");
}
