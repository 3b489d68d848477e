// Query building checked as exact Xapian::Query descriptions: what each kind of input searches for.
#include "analysis_fixture.h"
#include "cross_language.h"
#include "query_builder.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <set>

namespace {

// The query's structure without the tuned extras (unigrams), which have their own test.
std::string describe(const std::string& text) {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::search::Ranking ranking;
    ranking.unigram = 0;
    duet::search::QueryBuilder builder(analyzer, ranking);
    return builder.build(text).query.get_description();
}

}  // namespace

TEST_CASE("English words are stemmed and ORed, stopwords drop unless nothing else is left") {
    CHECK(describe("osteoarthritis knee") == "Query((osteoarthr@1 OR knee@2))");
    CHECK(describe("the knee -mouse the") == "Query((knee@2 AND_NOT mous@1))");
    CHECK(describe("the of") == "Query((the@1 OR of@2))");
}

TEST_CASE("Typed words also score as pairs on the best records, a longer text's pairs less and further apart, Han words none") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::search::QueryBuilder builder(analyzer);
    const auto rerank = [&](const std::string& text) { return builder.build(text).rerank.get_description(); };
    // The pair never joins the query itself: it is scored on the records that query ranks best.
    CHECK(builder.build("heart failure").query.get_description() == "Query((heart@1 OR failur@2))");
    CHECK(rerank("heart failure") == "Query(1 * (heart NEAR 2 failur))");
    // Stopwords are indexed without positions: a pair steps over them, as a phrase does.
    CHECK(rerank("heart of failure") == "Query(1 * (heart NEAR 3 failur))");
    CHECK(rerank("congestive heart failure") ==
          "Query(0.14999999999999999445 * ((congest NEAR 4 heart) OR (heart NEAR 4 failur)))");
    // Words either side of an explicit OR are alternatives, not one name.
    CHECK(rerank("heart OR failure") == "Query()");
    CHECK(rerank("heart failure OR renal failure") ==
          "Query((1 * (heart NEAR 2 failur) OR 1 * (renal NEAR 2 failur)))");
    CHECK(rerank("心力衰竭 heart") == "Query()");
    // A group's pair counts unless the group is excluded; filters do not count as words.
    CHECK(rerank("(heart failure) AND year:2020") == "Query(1 * (heart NEAR 2 failur))");
    CHECK(rerank("knee -(heart failure)") == "Query()");
    CHECK(rerank("-(heart failure)") == "Query()");
    // A longer text's pairs reorder fewer of the best records: fetching more would cost the first pass its pruning.
    CHECK(builder.build("heart failure").rerank_depth == 30);
    CHECK(builder.build("congestive heart failure").rerank_depth == 10);
    CHECK(builder.build("(congestive heart failure) OR (heart failure)").rerank_depth == 30);
    CHECK(builder.build("knee").rerank_depth == 0);
    duet::search::Ranking no_long_pairs;
    no_long_pairs.long_proximity = 0;
    CHECK(duet::search::QueryBuilder(analyzer, no_long_pairs).build("congestive heart failure").rerank.empty());

    // Only the words a text searches pair up; one left out between two widens their window, as a stopword does.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 5; ++i) {
        Xapian::Document doc;
        doc.add_term("patient");  // in every record: the commonest of the text's words
        if (i == 0) doc.add_term("fractur");
        if (i < 2) doc.add_term("vitamin");
        if (i < 3) doc.add_term("elder");
        db.add_document(doc);
    }
    duet::search::Ranking three_words;
    three_words.max_words = 3;
    duet::search::QueryBuilder rarest(analyzer, three_words, nullptr, &db);
    const duet::search::BuiltQuery pasted = rarest.build("vitamin patients elderly fractures");
    CHECK(pasted.query.get_description() == "Query((vitamin@1 OR elder@3 OR fractur@4))");
    CHECK(pasted.rerank.get_description() ==
          "Query(0.14999999999999999445 * ((vitamin NEAR 5 elder) OR (elder NEAR 4 fractur)))");
}

TEST_CASE("A compound searches its joined form or its parts as a phrase, as one word") {
    CHECK(describe("IL-6") == "Query((il6 SYNONYM (il@1 PHRASE 2 6@2)))");
    CHECK(describe("IL6") == "Query(il6@1)");
}

TEST_CASE("A compound whose joined form the index lacks searches its parts as a phrase alone") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("il6");
    db.add_document(doc);
    duet::search::QueryBuilder builder(analyzer, duet::search::Ranking{}, nullptr, &db);
    CHECK(builder.build("IL-6").query.get_description() == "Query((il6 SYNONYM (il@1 PHRASE 2 6@2)))");
    CHECK(builder.build("TNF-6").query.get_description() == "Query((tnf@1 PHRASE 2 6@2))");
}

TEST_CASE("Chinese searches words, with bigrams at half weight for recall") {
    CHECK(describe("间充质干细胞") ==
          "Query((间充质干细胞@1 OR 0.5 * B间充 OR 0.5 * B充质 OR 0.5 * B质干 OR 0.5 * B干细 OR 0.5 * B细胞))");
    CHECK(describe("癌") == "Query(U癌)");
    CHECK(describe("類風濕") == describe("类风湿"));
}

TEST_CASE("The tuned defaults search no title copy, and add Han unigrams only to scores") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::search::QueryBuilder builder(analyzer);
    // Titles weigh through their frequency in the text field (schema::kTitleWdf), not through S terms.
    // Characters of a run the segmenter split sit on the right of AND_MAYBE: a record with 移 alone does not match.
    CHECK(builder.build("knee 骨髓干细胞治疗").query.get_description() ==
          "Query(((knee@1 OR 骨髓@2 OR 干细胞治疗@3 OR 0.5 * B骨髓 OR 0.5 * B髓干 OR 0.5 * B干细 OR 0.5 * B细胞 OR "
          "0.5 * B胞治 OR 0.5 * B治疗) AND_MAYBE (1.5 * U骨 OR 1.5 * U髓 OR 1.5 * U干 OR 1.5 * U细 OR 1.5 * U胞 OR "
          "1.5 * U治 OR 1.5 * U疗)))");
    // A run that is one word gets no characters: its bigrams already say the same.
    CHECK(builder.build("干细胞").query.get_description() == "Query((干细胞@1 OR 0.5 * B干细 OR 0.5 * B细胞))");
    // A required clause needs its words, bigrams or characters, as before; excluded ones exclude them all.
    CHECK(builder.build("+骨髓干细胞治疗 -胚胎").query.get_description() ==
          "Query(((骨髓@1 OR 干细胞治疗@2 OR 0.5 * B骨髓 OR 0.5 * B髓干 OR 0.5 * B干细 OR 0.5 * B细胞 OR 0.5 * B胞治 OR "
          "0.5 * B治疗 OR 1.5 * U骨 OR 1.5 * U髓 OR 1.5 * U干 OR 1.5 * U细 OR 1.5 * U胞 OR 1.5 * U治 OR 1.5 * U疗) "
          "AND_NOT (胚胎@1 OR 0.5 * B胚胎)))");
    // A one-character query is its character.
    CHECK(builder.build("癌").query.get_description() == "Query(U癌)");
}

TEST_CASE("A long Chinese query's scores take its ten rarest distinct characters") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // 糖 is in one record, 尿 in two, … 药 in seventeen: the record counts rank the characters by rarity.
    const std::string chars = "糖尿病患血控制不好应调整饮食和用药";
    for (int records = 1; records <= 17; ++records) {
        Xapian::Document doc;
        for (int c = 0; c < records; ++c) doc.add_term("U" + chars.substr(static_cast<std::size_t>(17 - c - 1) * 3, 3));
        db.add_document(doc);
    }
    duet::search::QueryBuilder builder(analyzer, duet::search::Ranking{}, nullptr, &db);
    const std::string query = builder.build("糖尿病患者血糖控制不好应该怎么调整饮食和用药").query.get_description();
    // 糖 appears twice in the query but is searched once; 调整饮食用药, the commonest, are left out (和 is a stopword).
    CHECK(query.find("AND_MAYBE (1.5 * U糖 OR 1.5 * U尿 OR 1.5 * U病 OR 1.5 * U患 OR 1.5 * U血 OR 1.5 * U控 OR "
                     "1.5 * U制 OR 1.5 * U不 OR 1.5 * U好 OR 1.5 * U应))") != std::string::npos);
    // Without a database to rank them, every distinct character stays.
    duet::search::QueryBuilder unranked(analyzer);
    CHECK(unranked.build("糖尿病患者血糖控制不好应该怎么调整饮食和用药").query.get_description().find(
              "(1.5 * U糖 OR 1.5 * U尿 OR 1.5 * U病 OR 1.5 * U患 OR 1.5 * U血 OR 1.5 * U控 OR 1.5 * U制 OR 1.5 * U不 OR "
              "1.5 * U好 OR 1.5 * U应 OR 1.5 * U调 OR 1.5 * U整 OR 1.5 * U饮 OR 1.5 * U食 OR 1.5 * U用 OR 1.5 * U药))") !=
          std::string::npos);
}

TEST_CASE("A pasted paragraph searches its rarest words, and a number is as common as its parts") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // cherri is in six records, melon in seven, banana in eight, appl in nine; grape, 1 and 8 in all ten.
    const std::vector<std::string> by_rarity = {"cherri", "melon", "banana", "appl", "grape"};
    for (std::size_t records = 1; records <= 10; ++records) {
        Xapian::Document doc;
        for (std::size_t i = 0; i < std::min(records, by_rarity.size()); ++i) {
            doc.add_term(by_rarity[by_rarity.size() - 1 - i]);
        }
        doc.add_term("1");
        doc.add_term("8");
        db.add_document(doc);
    }
    duet::search::Ranking ranking;
    ranking.max_words = 3;
    duet::search::QueryBuilder builder(analyzer, ranking, nullptr, &db);
    // The three rarest, in the order typed; 1.8 (a phrase of 1 and 8, each in every record) is left out.
    const auto pasted = builder.build("apple banana cherry grape melon 1.8");
    CHECK(pasted.query.get_description() == "Query((banana@2 OR cherri@3 OR melon@5))");
    // Only what is searched is highlighted.
    CHECK(std::set<std::string>(pasted.highlight.words.begin(), pasted.highlight.words.end()) ==
          std::set<std::string>{"banana", "cherri", "melon"});
    // Up to the limit every word stays.
    CHECK(builder.build("apple 1.8 grape").query.get_description() ==
          "Query((appl@1 OR (1@2 PHRASE 2 8@3) OR grape@4))");
}

TEST_CASE("AND requires the clauses on both sides, and parentheses group") {
    CHECK(describe("stem AND cells") == "Query((stem@1 AND cell@1))");
    // OR is what a space does; each side is a text of its own (the query positions restart).
    CHECK(describe("stem OR cells") == "Query((stem@1 OR cell@1))");
    CHECK(describe("stem cells") == "Query((stem@1 OR cell@2))");
    CHECK(describe("(stem OR bone) AND marrow") == "Query(((stem@1 OR bone@1) AND marrow@1))");
    CHECK(describe("stem AND (bone OR marrow) therapy") ==
          "Query(((stem@1 AND (bone@1 OR marrow@1)) AND_MAYBE therapi@1))");
    CHECK(describe("NOT (stem OR bone) marrow") == "Query((marrow@1 AND_NOT (stem@1 OR bone@1)))");
    CHECK(describe("-(stem bone) marrow") == "Query((marrow@1 AND_NOT (stem@1 OR bone@2)))");
    CHECK(describe("knee AND NOT hip") == "Query((knee@1 AND_NOT hip@1))");
    // A field before a group applies to each of its clauses; a group of filters is one filter.
    CHECK(describe("title:(stem cells)") == "Query((Sstem@1 OR Scell@2))");
    CHECK(describe("year:(2019 OR 2021) knee") == "Query((knee@1 FILTER (Y2019 OR Y2021)))");
    CHECK(describe("knee -(jcr:Q1 OR jcr:Q2)") == "Query((knee@1 AND_NOT (XQq1 OR XQq2)))");
    // What cannot be read as syntax is words: a dangling AND, unbalanced parentheses.
    CHECK(describe("AND knee") == "Query(knee@1)");
    CHECK(describe("knee AND") == "Query(knee@1)");
    CHECK(describe("knee) hip (") == "Query((knee@1 OR hip@2))");
    CHECK(describe("((((((((((knee))))))))))") == "Query(knee@1)");
}

TEST_CASE("Each prefix of a query keeps its wildcard beside other words and prefixes") {
    CHECK(describe("mesench*") == "Query(WILDCARD SYNONYM mesench)");
    CHECK(describe("mesench* cells") == "Query((WILDCARD SYNONYM mesench OR cell@1))");
    CHECK(describe("osteo* mesench*") == "Query((WILDCARD SYNONYM osteo OR WILDCARD SYNONYM mesench))");
    CHECK(describe("细胞* 糖尿*") == "Query((WILDCARD SYNONYM 细胞 OR WILDCARD SYNONYM 糖尿))");
}

TEST_CASE("Mixed English and Chinese queries build without error") {
    CHECK(describe("MSC 间充质干细胞 therapy") ==
          "Query((msc@1 OR 间充质干细胞@2 OR therapi@3 OR 0.5 * B间充 OR 0.5 * B充质 OR 0.5 * B质干 OR 0.5 * B干细 OR "
          "0.5 * B细胞))");
}

TEST_CASE("Phrases, required and excluded words") {
    CHECK(describe("\"stem cells\"") == "Query((stem@1 PHRASE 2 cell@2))");
    CHECK(describe("+rheumatoid -osteoarthritis") == "Query((rheumatoid@1 AND_NOT osteoarthr@1))");
    CHECK(describe("NOT mouse rat") == "Query((rat@1 AND_NOT mous@1))");
    // 生命 is not a phrase inside 生命里, whose words are 生命/里.
    CHECK(describe("\"生命 里\"") == "Query((生命@1 PHRASE 2 里@2))");
    // Stopwords have no positions: the phrase spans them; a phrase of only stopwords wants all of them.
    CHECK(describe("\"cancer of the lung\"") == "Query((cancer@1 PHRASE 4 lung@4))");
    CHECK(describe("\"to be or not\"") == "Query((to@1 AND be@2 AND or@3 AND not@4))");
}

TEST_CASE("Field filters restrict without scoring, unreadable ones search their words") {
    CHECK(describe("year:2019..2024 jcr:Q1 stem") ==
          "Query((stem@1 FILTER (VALUE_RANGE 1 \\xcf\\xe3 \\xcf\\xe8 AND XQq1)))");
    CHECK(describe("year:2020") == "Query((<alldocuments> FILTER Y2020))");
    CHECK(describe("doi:https://doi.org/10.1186/S13287-025-04495-z") ==
          "Query((<alldocuments> FILTER XDOI10.1186/s13287-025-04495-z))");
    CHECK(describe("year:abc") == "Query(abc@1)");
    CHECK(describe("title:stem") == "Query(Sstem@1)");
}

TEST_CASE("Optional filters of one field mean either value, required ones all") {
    CHECK(describe("year:2019 year:2021 knee") == "Query((knee@1 FILTER (Y2019 OR Y2021)))");
    CHECK(describe("year:2019 year:2021 knee") == describe("year:(2019 OR 2021) knee"));
    CHECK(describe("year:2019 jcr:Q1 year:2021 jcr:Q2") ==
          "Query((<alldocuments> FILTER ((Y2019 OR Y2021) AND (XQq1 OR XQq2))))");
    CHECK(describe("+year:2019 +year:2021") == "Query((<alldocuments> FILTER (Y2019 AND Y2021)))");
    CHECK(describe("year:2019 AND year:2021") == describe("+year:2019 +year:2021"));
}

TEST_CASE("Full-width syntax characters work as their ASCII forms") {
    CHECK(describe("\xEF\xBC\x88stem OR bone\xEF\xBC\x89 AND marrow") == describe("(stem OR bone) AND marrow"));  // （ ）
    CHECK(describe("title\xEF\xBC\x9Astem") == "Query(Sstem@1)");                                               // ：
    CHECK(describe("knee\xE3\x80\x80\xEF\xBC\x8Dmouse") == describe("knee -mouse"));  // U+3000 and －
    CHECK(describe("\xEF\xBC\x8Bknee hip") == describe("+knee hip"));                     // ＋
    CHECK(describe("\xEF\xBC\x82stem cells\xEF\xBC\x82") == describe("\"stem cells\""));  // ＂
    CHECK(describe("mesench\xEF\xBC\x8A") == describe("mesench*"));                      // ＊
    CHECK(describe("干细胞\xEF\xBC\x88小鼠\xEF\xBC\x89") == describe("干细胞(小鼠)"));
    // Filter values too: year:２０１９ was searched as the word 2019, and jcr:Ｑ1 matched nothing.
    CHECK(describe("cell year:２０１９") == describe("cell year:2019"));
    CHECK(describe("cell year:２０１９..２０２１") == describe("cell year:2019..2021"));
    CHECK(describe("cell jcr:Ｑ１") == describe("cell jcr:Q1"));
    CHECK(describe("cell ｌａｎｇ：ｚｈ") == describe("cell lang:zh"));
}

TEST_CASE("Input with nothing searchable gives an empty query, not an error") {
    for (const std::string q : {"", "   ", "\"", "+", "-", "()", "AND OR", "🙂", "\xFF"}) {
        CHECK(describe(q) == "Query()");
    }
}

TEST_CASE("Cross-language terms widen free text at lower weight, in both directions") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::search::CrossLanguage cross;
    cross.add("骨关节炎", "osteoarthritis", analyzer);
    cross.add("类风湿关节炎", "rheumatoid arthritis", analyzer);
    cross.add("關節", "joint", analyzer);  // entries are folded like everything else
    cross.add("高血压", "high blood pressure", analyzer);
    duet::search::Ranking ranking;
    ranking.unigram = 0;
    duet::search::QueryBuilder builder(analyzer, ranking, &cross);

    auto built = builder.build("骨关节炎");
    CHECK(built.expansions == std::vector<std::string>{"osteoarthritis"});
    CHECK(built.query.get_description() ==
          "Query((骨关节炎@1 OR 0.5 * B骨关 OR 0.5 * B关节 OR 0.5 * B节炎 OR 0.69999999999999995559 * osteoarthr@1))");
    CHECK(built.highlight.words.count("osteoarthr") == 1);

    built = builder.build("Rheumatoid arthritis of the knee joints");
    CHECK(built.expansions == std::vector<std::string>{"类风湿关节炎", "關節"});

    // A translation of several words needs all of them, in any order: positions are checked for typed phrases only.
    CHECK(builder.build("高血压").query.get_description() ==
          "Query((高血压@1 OR 0.5 * B高血 OR 0.5 * B血压 OR 0.69999999999999995559 * (high@1 AND blood@2 AND pressur@3)))");

    // The longest entry wins: 类风湿关节炎 does not also bring in 关节's translation.
    built = builder.build("类风湿关节炎");
    CHECK(built.expansions == std::vector<std::string>{"rheumatoid arthritis"});

    // Translations that analyse to one term (mice and mouse are both mous) are searched once, at full weight.
    cross.add("小鼠", "mice", analyzer);
    cross.add("小鼠", "mouse", analyzer);
    built = builder.build("小鼠");
    CHECK(built.expansions == std::vector<std::string>{"mice", "mouse"});
    CHECK(built.query.get_description() == "Query((小鼠@1 OR 0.5 * B小鼠 OR 0.69999999999999995559 * mous@1))");

    // A required word may be met in either language: 骨关节炎 AND 高血压 finds English records too.
    CHECK(builder.build("骨关节炎 AND 高血压").query.get_description() ==
          "Query(((骨关节炎@1 OR 0.5 * B骨关 OR 0.5 * B关节 OR 0.5 * B节炎 OR 0.69999999999999995559 * osteoarthr@1) AND "
          "(高血压@1 OR 0.5 * B高血 OR 0.5 * B血压 OR 0.69999999999999995559 * (high@1 AND blood@2 AND pressur@3))))");
    CHECK(builder.build("+osteoarthritis").expansions == std::vector<std::string>{"骨关节炎"});

    // Excluded and phrase clauses are not widened.
    CHECK(builder.build("-骨关节炎 knee").expansions.empty());
    CHECK(builder.build("\"骨关节炎\"").expansions.empty());
}

TEST_CASE("A translation weighs what the typed word it stands for weighs, where both languages are indexed") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    duet::search::CrossLanguage cross;
    cross.add("乳腺癌", "breast cancer", analyzer);
    duet::search::Ranking ranking;
    ranking.unigram = 0;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // Nine English records say "breast cancer" three times each: in this index it is a common phrase.
    for (int i = 0; i < 9; ++i) {
        Xapian::Document doc;
        doc.add_term("XLen");
        doc.add_term("breast", 3);
        doc.add_term("cancer", 3);
        db.add_document(doc);
    }
    const auto query = [&](bool calibrate, duet::search::Weighting weighting = duet::search::Weighting::ineb2) {
        duet::search::Ranking r = ranking;
        r.calibrate_expansions = calibrate;
        r.weighting = weighting;
        return duet::search::QueryBuilder(analyzer, r, &cross, &db).build("乳腺癌").query.get_description();
    };
    // No Chinese record: nothing competes across languages, and the weights stay as tuned.
    CHECK(query(true) == query(false));
    CHECK(query(false) == "Query((乳腺癌@1 OR 0.5 * B乳腺 OR 0.5 * B腺癌 OR 0.69999999999999995559 * "
                         "(breast@1 AND cancer@2)))");

    // One Chinese record, which has 乳腺癌 once. A Chinese record with it scores its word and both bigrams (at
    // half weight), each in one record of ten and said once there: 2 log(11) × (1 + 1) / 1 under IneB2, whose
    // weights grow with how often a term recurs in the records that have it, (occurrences + 1) / records. An
    // English record scores two words, each in nine of ten records and said 27 times in them:
    // 2 log(11/9) × (27 + 1) / 9. The translation is scaled by their ratio, so both records weigh alike before
    // the expansion weight.
    Xapian::Document chinese;
    chinese.add_term("XLzh");
    chinese.add_term("乳腺癌");
    chinese.add_term("B乳腺");
    chinese.add_term("B腺癌");
    db.add_document(chinese);
    // The calibration of a translation `part`: the weights it is scaled by, multiplied, over the expansion weight.
    const auto factor_in = [&](const std::string& description, const std::string& part) {
        std::size_t end = description.find(" * " + part);
        REQUIRE(end != std::string::npos);
        double weight = 1.0;
        for (;;) {
            const std::size_t from = description.find_last_of("( ", end - 1) + 1;
            weight *= std::stod(description.substr(from, end - from));
            // The next scale out: "0.7 * 7.68 * part", or a group's, "0.7 * (7.68 * part OR …)".
            const std::size_t open = description[from - 1] == '(' ? from - 1 : from;
            if (open < 3 || description.compare(open - 3, 3, " * ") != 0) break;
            end = open - 3;
        }
        return weight / ranking.expansion;
    };
    const std::string calibrated = query(true);
    const double factor = factor_in(calibrated, "(breast@1 AND cancer@2)");
    CHECK(factor == Approx((2 * std::log(11.0) * 2.0) / (2 * std::log(11.0 / 9.0) * 28.0 / 9.0)));
    // BM25 saturates a term's frequency instead: only rarity counts.
    CHECK(factor_in(query(true, duet::search::Weighting::bm25), "(breast@1 AND cancer@2)") ==
          Approx(std::log(11.0) / std::log(11.0 / 9.0)));
    CHECK(factor_in(query(false), "(breast@1 AND cancer@2)") == Approx(1.0));
    // A record's similar records reach the other language through its title's translations, weighed alike.
    duet::search::QueryBuilder builder(analyzer, ranking, &cross, &db);
    duet::search::BuiltQuery similar;
    CHECK(factor_in(builder.translations("乳腺癌", similar).get_description(), "(breast@1 AND cancer@2)") ==
          Approx(factor));

    // An English query reaches the Chinese record the same way, and a hyphenated compound whose joined form no
    // record has (breast-cancer) is searched as the phrase of its words, so it weighs as the words do.
    const auto english = [&](const std::string& text) {
        return factor_in(duet::search::QueryBuilder(analyzer, ranking, &cross, &db).build(text).query
                             .get_description(), "乳腺癌@1");
    };
    CHECK(english("breast cancer") == Approx(1.0 / factor));
    CHECK(english("breast-cancer") == Approx(english("breast cancer")));

    // A typed word no record has (骨关节炎, nor its bigrams) counts as in one record, said there as often as its
    // translation is said in the records that have it (twice): nothing says otherwise.
    cross.add("骨关节炎", "osteoarthritis", analyzer);
    for (int i = 0; i < 3; ++i) {
        Xapian::Document doc;
        doc.add_term("XLen");
        doc.add_term("osteoarthr", 2);
        db.add_document(doc);
    }
    const double all = static_cast<double>(db.get_doccount()) + 1.0;
    const std::string absent = duet::search::QueryBuilder(analyzer, ranking, &cross, &db).build("骨关节炎").query
                                   .get_description();
    CHECK(factor_in(absent, "osteoarthr@1") == Approx((1 + 3 * 0.5) * std::log(all) * (2.0 + 1) / (std::log(all / 3) * 7.0 / 3.0)));
}

TEST_CASE("A one-way pair widens Chinese queries only, and the list file marks it zh>en") {
    duet::analysis::Analyzer analyzer(duet::testing::standard_analyzer());
    const duet::testing::TempDir dir;
    {
        std::ofstream list(dir / "pairs.tsv");
        list << "# comment\n骨关节炎\tosteoarthritis\n患者\tpatient\tzh>en\n病患\tpatient\n";
    }
    const auto cross = duet::search::CrossLanguage::load(dir / "pairs.tsv", analyzer);
    duet::search::Ranking ranking;
    ranking.unigram = 0;
    duet::search::QueryBuilder builder(analyzer, ranking, &cross);

    CHECK(builder.build("骨关节炎患者").expansions == std::vector<std::string>{"osteoarthritis", "patient"});
    // "patient" reaches 病患 (a two-way pair) and not 患者 (one-way).
    CHECK(builder.build("osteoarthritis patients").expansions == std::vector<std::string>{"骨关节炎", "病患"});
    // Overlapping entries that give the same word list it once.
    CHECK(builder.build("病患者").expansions == std::vector<std::string>{"patient"});

    {
        std::ofstream list(dir / "bad.tsv");
        list << "骨关节炎\tosteoarthritis\n患者\tpatient\ten>zh\n";
    }
    CHECK_THROWS_WITH(duet::search::CrossLanguage::load(dir / "bad.tsv", analyzer),
                      Catch::Contains("bad.tsv:2: unknown third field 'en>zh'"));
}
