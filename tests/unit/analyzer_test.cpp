// Golden tables for the bilingual analyzer: compact "term[pos]" strings, positive and negative cases.
#include "analysis_fixture.h"
#include "schema.h"
#include "stemmer.h"
#include "word_forms.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include <cctype>

using duet::analysis::TokenKind;
using duet::testing::spans;
using duet::testing::terms_of;
using duet::testing::words;

TEST_CASE("English words are folded, stemmed and keep their positions") {
    CHECK(words("Mesenchymal stem cells") == "mesenchym[1] stem[2] cell[3]");
    CHECK(words("The joints of the knee") == "the[1]* joint[2] of[3]* the[4]* knee[5]");
    CHECK(words("Crohn's disease") == "crohn[1] diseas[2]");
    CHECK(words("Crohn\xE2\x80\x99s disease") == "crohn[1] diseas[2]");
    CHECK(words("  ,;  ") == "");
}

TEST_CASE("Full-width and case variants fold to the same terms") {
    CHECK(words("ＭＳＣ") == words("MSC"));
    CHECK(words("ＭＳＣ") == "msc[1]");
    CHECK(words("Straße") == "strass[1]");
}

TEST_CASE("Biomedical compounds match the ways people type them") {
    CHECK(words("TNF-α") == "tnfalpha[1] tnf[1] alpha[2]");
    CHECK(words("TNFα") == "tnfalpha[1] tnf[1] alpha[2]");
    CHECK(words("TNF-alpha") == "tnfalpha[1] tnf[1] alpha[2]");
    CHECK(words("IL-6 and IL6") == "il6[1] il[1] 6[2] and[3]* il6[4]");
    CHECK(words("PD-L1") == "pdl1[1] pd[1] l1[2]");
    CHECK(words("PDL1") == "pdl1[1]");
    CHECK(words("CD4+ T cells") == "cd4[1] t[2] cell[3]");
    CHECK(words("CD4+CD25+ Tregs") == "cd4cd25[1] cd4[1] cd25[2] treg[3]");
    CHECK(words("COVID-19") == "covid19[1] covid[1] 19[2]");
    CHECK(words("1·5 mg") == words("1.5 mg"));  // a decimal written with a middle dot (The Lancet)
    CHECK(words("1.5 mg") == "1.5[1] 1[1] 5[2] mg[3]");
    CHECK(words("马丁·路德") == words("马丁 路德"));
    CHECK(words("NCT01941394") == "nct01941394[1]");
    CHECK(words("anti-inflammatory") == "antiinflammatori[1] anti[1] inflammatori[2]");
    CHECK(words("p < 0.05") == "p[1] 0.05[2] 0[2] 05[3]");
    CHECK(words("NF-κB") == "nfkappab[1] nf[1] kappa[2] b[3]");
}

TEST_CASE("Hyphen-like separators that are not joiners split words") {
    CHECK(words("stem/stromal") == "stem[1] stromal[2]");
    CHECK(words("(13–15)") == "13[1] 15[2]");
    CHECK(words("cells.The") == "cell[1] the[2]*");
}

TEST_CASE("DOIs are one term as well as their parts") {
    const std::string doi = "doi:10.1186/s13287-025-04495-z.";
    const auto joined = terms_of(doi, TokenKind::Joined);
    CHECK(joined == "10.1186/s13287-025-04495-z");
    CHECK(terms_of("https://doi.org/10.1016/S0140-6736(20)30183-5)", TokenKind::Joined) ==
          "10.1016/s0140-6736(20)30183-5");
}

TEST_CASE("Chinese domain terms stay whole") {
    CHECK(words("间充质干细胞") == "间充质干细胞[1]");
    CHECK(words("类风湿性关节炎") == "类风湿性关节炎[1]");
    CHECK(words("利用间充质干细胞治疗类风湿性关节炎") == "利用[1] 间充质干细胞[2] 治疗[3] 类风湿性关节炎[4]");
}

TEST_CASE("Chinese words follow the lexicon, not the accident of context") {
    CHECK(words("北京大学的学生") == "北京大学[1] 的[2]* 学生[3]");
    CHECK(words("研究生命起源") == "研究[1] 生命[2] 起源[3]");
    CHECK(words("研究生") == "研究生[1]");
}

TEST_CASE("Long Chinese words also yield the lexicon words inside them") {
    CHECK(terms_of("间充质干细胞", TokenKind::Subword) == "间充质 干细胞 细胞");
    CHECK(terms_of("干细胞", TokenKind::Subword) == "细胞");
    CHECK(terms_of("细胞", TokenKind::Subword).empty());
}

TEST_CASE("Chinese runs also yield bigrams and unigrams for recall") {
    CHECK(terms_of("干细胞", TokenKind::Bigram) == "干细 细胞");
    CHECK(terms_of("干细胞", TokenKind::Unigram) == "干 细 胞");
    CHECK(terms_of("癌", TokenKind::Bigram).empty());
}

TEST_CASE("Traditional Chinese folds to Simplified for matching only") {
    CHECK(words("類風濕性關節炎") == words("类风湿性关节炎"));
    CHECK(spans("類風濕性關節炎") == "類風濕性關節炎");
}

TEST_CASE("Scripts split by character, whatever the field") {
    CHECK(words("MSC间充质干细胞therapy") == "msc[1] 间充质干细胞[2] therapi[3]");
    CHECK(words("10个月的宝宝") == "10[1] 个[2]* 月[3] 的[4]* 宝宝[5]");
    CHECK(spans("MSC间充质干细胞therapy") == "MSC|间充质干细胞|therapy");
}

TEST_CASE("Irregular and Latin plurals share a term with their singular, look-alikes do not") {
    CHECK(words("mice mouse Mice") == "mous[1] mous[2] mous[3]");
    CHECK(words("women woman") == "woman[1] woman[2]");
    CHECK(words("nuclei nucleus") == "nucleus[1] nucleus[2]");
    CHECK(words("bacteria bacterium") == "bacterium[1] bacterium[2]");
    CHECK(words("criteria criterion") == "criterion[1] criterion[2]");
    // -is nouns take the plural's stem, which their verbs share.
    CHECK(words("diagnoses diagnosis diagnosed") == "diagnos[1] diagnos[2] diagnos[3]");
    CHECK(words("testes testis tests") == "testi[1] testi[2] test[3]");
    // Different words that only look like singular and plural stay apart.
    CHECK(words("plasma plasmon") == "plasma[1] plasmon[2]");
    CHECK(words("pylori pylorus") == "pylori[1] pylorus[2]");
    CHECK(words("bases basis") == "base[1] basi[2]");
}

TEST_CASE("British spellings share a term with American ones") {
    CHECK(words("tumour tumor Tumours antitumour") == "tumor[1] tumor[2] tumor[3] antitumor[4]");
    CHECK(words("randomised randomized randomisation") == "random[1] random[2] random[3]");
    CHECK(words("haemorrhage hemorrhage") == words("hemorrhage hemorrhage"));
    CHECK(words("oesophageal paediatric anaemia") == words("esophageal pediatric anemia"));
    CHECK(words("analysed analyzed centre center") == "analyz[1] analyz[2] center[3] center[4]");
    CHECK(words("programmes program programmed") == "program[1] program[2] program[3]");
    // Both ways from a term or a typed prefix: what text may hold for a term, and what terms a prefix reaches.
    const auto& analyzer = duet::testing::standard_analyzer();
    CHECK(analyzer.listed_forms("mous", 8) == std::vector<std::string>{"mice"});
    CHECK(analyzer.listed_forms("cell", 8).empty());
    CHECK(analyzer.listed_terms_with_prefix("haemorrha", 8) == std::vector<std::string>{"hemorrhag"});
    CHECK(analyzer.listed_terms_with_prefix("haemorrh", 8) == std::vector<std::string>{"hemorrhag", "hemorrhoid"});
    CHECK(analyzer.listed_terms_with_prefix("haem", 3).size() == 3);
    // Rewrites that would give another word are not listed.
    CHECK(words("systemic colorectal chemotherapy") == "system[1] colorect[2] chemotherapi[3]");
}

TEST_CASE("A word-form list maps each form to its line's first word, first mapping kept") {
    duet::analysis::WordForms forms;
    const auto lower = [](std::string_view w) {
        std::string s(w);
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    forms.add_lines("# comment\nmouse Mice  # trailing\n\n\tnucleus nuclei\r\nother mice\nsame same\n", lower);
    CHECK(forms.stem_source("mice") == "mouse");
    CHECK(forms.stem_source("nuclei") == "nucleus");
    CHECK(forms.stem_source("mouse") == "mouse");
    CHECK(forms.stem_source("same") == "same");
    CHECK(forms.stem_source("cells") == "cells");
    CHECK(forms.size() == 2);
}

TEST_CASE("Chinese is never run through the English stemmer") {
    CHECK(words("细胞s") == "细胞[1] s[2]");
}

TEST_CASE("A stemmer that returns nothing leaves the word as it is") {
    // Xapian rejects an empty term, so one such word would fail its whole record. Porter stems "s" to "".
    duet::analysis::AnalyzerConfig config = duet::analysis::AnalyzerConfig::standard(duet::analysis::default_data_dir());
    config.stemmer = "porter";
    duet::analysis::Analyzer porter(config);
    std::string terms;
    for (const auto& t : porter.analyze("s cells")) terms += "[" + t.term + "]";
    CHECK(terms == "[s][cell]");
}

TEST_CASE("The stemmer's memo gives Snowball's stems and stays within its capacity") {
    duet::analysis::Stemmer stemmer("english");
    Xapian::Stem snowball("english");
    const std::vector<std::string> words{"cells", "studies", "studying", "mesenchymal", "arthritis", "cells", "ran"};
    for (int pass = 0; pass < 2; ++pass) {  // the second pass is answered from the memo
        for (const auto& w : words) CHECK(stemmer.stem(w) == snowball(w));
    }
    CHECK(stemmer.remembered() == 6);
    // Past its capacity the memo starts over instead of growing: a million records hold millions of names.
    std::size_t differ = 0;
    for (std::size_t i = 0; i < duet::analysis::Stemmer::kCapacity + 10; ++i) {
        std::string word = "w";
        for (std::size_t n = i; n > 0; n /= 26) word += static_cast<char>('a' + n % 26);
        if (stemmer.stem(word) != snowball(word)) ++differ;
    }
    CHECK(differ == 0);
    CHECK(stemmer.remembered() <= duet::analysis::Stemmer::kCapacity);
    CHECK(stemmer.remembered() > 0);
    CHECK(stemmer.stem("cells") == "cell");
    CHECK_THROWS_WITH(duet::analysis::Stemmer("klingon"), Catch::Contains("unknown stemmer language 'klingon'"));
}

TEST_CASE("Noise never produces broken terms") {
    CHECK(words("🙂🙂 \xF0\x9F") == "");
    CHECK(words("\xC3\x28 ok") == "ok[1]");
    CHECK(words(std::string(300, 'a')) == "");
    CHECK(words("e\xCC\x81t\xC3\xA9") == "été[1]");
}

TEST_CASE("The fingerprint is stable and depends on the word lists") {
    duet::analysis::Analyzer copy(duet::testing::standard_analyzer());
    CHECK(copy.fingerprint() == duet::testing::standard_analyzer().fingerprint());
    CHECK(copy.fingerprint().size() == 16);
}

TEST_CASE("Boolean terms stay within Xapian's limit, one term per value, never splitting a character") {
    using duet::schema::bounded_term;
    CHECK(bounded_term("XJ", "nature") == "XJnature");
    const std::string at_limit(duet::schema::kMaxBooleanTermBytes - 1, 'a');
    CHECK(bounded_term("Q", at_limit) == "Q" + at_limit);

    const std::string han_run = "类" + std::string(400, 'x');
    std::string long_han;
    for (int i = 0; i < 100; ++i) long_han += "关节";  // 600 bytes, 3 per character
    for (const std::string& value : {std::string(300, 'a'), han_run, long_han}) {
        const std::string term = bounded_term("XC", value);
        CHECK(term.size() <= duet::schema::kMaxBooleanTermBytes);
        CHECK(duet::schema::maybe_cut(term));
        CHECK(term.compare(0, 2, "XC") == 0);
        CHECK(term[term.size() - duet::schema::kDigestTailBytes] == '#');
        const std::string kept = term.substr(2, term.size() - 2 - duet::schema::kDigestTailBytes);
        CHECK(value.compare(0, kept.size(), kept) == 0);
        CHECK(kept.size() % (value == long_han ? 3 : 1) == 0);  // whole characters only
        CHECK(bounded_term("XC", value + "!") != term);       // values differing past the cut stay apart
    }
    CHECK(duet::schema::filter_term("XJ", "Journal " + std::string(300, 'J')) ==
          duet::schema::filter_term("XJ", "journal " + std::string(300, 'j')));
}
