#include "query_builder.h"

#include "doi.h"
#include "schema.h"
#include "spaced_words.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

namespace duet::search {

namespace {

using analysis::Token;
using analysis::TokenKind;
using schema::Field;

Field field_of(const std::string& name) {
    if (name == "title") return Field::Title;
    if (name == "author") return Field::Author;
    if (name == "journal") return Field::Journal;
    return Field::Text;
}

bool is_filter_field(const std::string& name) {
    return name == "doi" || name == "year" || name == "jcr" || name == "lang";
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

// Adds a term to the ones the result says were added, unless it is listed already.
void add_expansion(BuiltQuery& built, const std::string& term) {
    if (std::find(built.expansions.begin(), built.expansions.end(), term) == built.expansions.end()) {
        built.expansions.push_back(term);
    }
}

std::optional<int> parse_year(std::string_view s) {
    int year = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), year);
    if (ec != std::errc() || end != s.data() + s.size() || year < 0 || year > 9999) return std::nullopt;
    return year;
}

Xapian::Query year_range(std::optional<int> from, std::optional<int> to) {
    const auto slot = schema::slot(schema::Slot::Year);
    if (from && to) {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(*from),
                             Xapian::sortable_serialise(*to));
    }
    if (from) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, Xapian::sortable_serialise(*from));
    if (to) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, Xapian::sortable_serialise(*to));
    return Xapian::Query();
}

// year:2020, year:2019..2024, year:>=2020, year:<2000. Unreadable -> empty query (the caller treats it as text).
Xapian::Query year_filter(std::string_view v) {
    if (const auto dots = v.find(".."); dots != std::string_view::npos) {
        const auto from = parse_year(v.substr(0, dots));
        const auto to = parse_year(v.substr(dots + 2));
        return (from || to) ? year_range(from, to) : Xapian::Query();
    }
    if (v.substr(0, 2) == ">=") return year_range(parse_year(v.substr(2)), std::nullopt);
    if (v.substr(0, 2) == "<=") return year_range(std::nullopt, parse_year(v.substr(2)));
    if (v.substr(0, 1) == ">") {
        const auto y = parse_year(v.substr(1));
        return y ? year_range(*y + 1, std::nullopt) : Xapian::Query();
    }
    if (v.substr(0, 1) == "<") {
        const auto y = parse_year(v.substr(1));
        return y ? year_range(std::nullopt, *y - 1) : Xapian::Query();
    }
    const auto y = parse_year(v);
    return y ? Xapian::Query(schema::filter_term(schema::kYearPrefix, std::to_string(*y))) : Xapian::Query();
}

}  // namespace

Xapian::Query QueryBuilder::filter_group(const std::vector<Clause>& group) const {
    std::vector<Xapian::Query> alternatives;
    for (const Clause& c : group) {
        if (c.occur != Clause::Occur::Should) return Xapian::Query();
        Xapian::Query q = c.group.empty() ? (is_filter_field(c.field) ? filter_query(c) : Xapian::Query())
                                          : filter_group(c.group);
        if (q.empty()) return Xapian::Query();
        alternatives.push_back(std::move(q));
    }
    return combine(Xapian::Query::OP_OR, alternatives);
}

Xapian::Query QueryBuilder::filter_query(const Clause& c) const {
    if (c.field == "doi") return Xapian::Query(schema::filter_term(schema::kDoiPrefix, records::normalize_doi(c.text)));
    if (c.field == "year") return year_filter(c.text);
    if (c.field == "jcr") return Xapian::Query(schema::filter_term(schema::kJcrPrefix, c.text));
    if (c.field == "lang") {
        const std::string term = schema::filter_term(schema::kLangPrefix, c.text);
        if (term == schema::filter_term(schema::kLangPrefix, "zh") || term == schema::filter_term(schema::kLangPrefix, "en")) {
            return Xapian::Query(term);
        }
    }
    return Xapian::Query();
}

QueryBuilder::Scored QueryBuilder::text_query(const Clause& clause, const std::vector<Token>& tokens,
                                              MatchTerms& highlight, std::size_t& budget, bool translated) {
    const Field field = field_of(clause.field);
    const auto term = [&](const Token& t) { return schema::term(field, t.kind, t.term); };
    const auto remember = [&](const Token& t) {
        switch (t.kind) {
            case TokenKind::Word:
            case TokenKind::Joined:
            case TokenKind::Subword: highlight.words.insert(t.term); break;
            case TokenKind::Bigram: highlight.bigrams.insert(t.term); break;
            case TokenKind::Unigram: highlight.unigrams.insert(t.term); break;
        }
    };

    std::vector<Piece> pieces;
    if (clause.prefix) {
        // A prefix is analysed like a word, so it is folded and stemmed the way indexed words were
        // (mesench* -> mesench); a Chinese prefix is its folded characters, however they would segment.
        std::string prefix;
        std::string written;  // the Latin word as typed, folded but not stemmed
        std::size_t latin_words = 0;
        bool han = false;
        for (const Token& t : tokens) {
            if (t.script == analysis::Script::Han) {
                han = true;
                if (t.kind == TokenKind::Unigram) prefix += t.term;
            } else if (t.kind == TokenKind::Word) {
                prefix = t.term;
                written = analyzer_.spelling_form(std::string_view(clause.text).substr(t.begin, t.end - t.begin));
                ++latin_words;
            }
        }
        const bool one_word = han ? latin_words == 0 : latin_words == 1 && prefix.size() >= 2;
        if (one_word && !prefix.empty() && budget > 0) {
            --budget;
            highlight.prefixes.insert(prefix);
            std::vector<Xapian::Query> alternatives{
                Xapian::Query(Xapian::Query::OP_WILDCARD, schema::term(field, TokenKind::Word, prefix),
                              static_cast<Xapian::termcount>(ranking_.max_prefix_terms),
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_SYNONYM)};
            // Listed forms were indexed under another word's stem (haemorrhage as hemorrhag), so haemorrh* also
            // searches the terms of the listed forms it begins.
            const auto listed_terms = han ? std::vector<std::string>{}
                                          : analyzer_.listed_terms_with_prefix(written, ranking_.max_prefix_terms);
            for (const std::string& listed : listed_terms) {
                if (listed.compare(0, prefix.size(), prefix) != 0) {  // the wildcard has those already
                    alternatives.emplace_back(schema::term(field, TokenKind::Word, listed));
                    highlight.words.insert(listed);
                }
            }
            return {combine(Xapian::Query::OP_SYNONYM, alternatives), {}, {}, {}};
        }
    }

    if (clause.phrase) {
        // Word positions make the phrase; a compound contributes its parts, which sit at consecutive positions.
        // Stopwords have no positions in the index, so the phrase spans them as a wider window; a phrase of
        // nothing but stopwords can only ask for all of its words. So does a translation ("high blood
        // pressure" for 高血压): checking its positions in every record that has the words tripled the time
        // of such queries at 1M records, and needing the words ranked no worse on the cross-language set.
        const bool all_stop = std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.stop; });
        std::vector<Xapian::Query> words;
        Xapian::termpos first = 0;
        Xapian::termpos last = 0;
        for (const Token& t : tokens) {
            if (t.kind != TokenKind::Word || (t.stop && !all_stop) || words.size() >= budget) continue;
            words.emplace_back(term(t), 1, t.position);
            remember(t);
            if (vocabulary_ != nullptr) {
                pieces.push_back({t.term, 1.0, vocabulary_->get_termfreq(term(t)), words.back()});
            }
            if (first == 0) first = t.position;
            last = t.position;
        }
        budget -= words.size();
        if (words.size() < 2) return {combine(Xapian::Query::OP_OR, words), {}, {}, pieces};
        if (all_stop || translated) return {combine(Xapian::Query::OP_AND, words), {}, {}, pieces};
        return {Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), last - first + 1), {}, {}, pieces};
    }

    // Stopwords are dropped unless nothing else is left ("the who" still searches for something).
    const bool all_stop = std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.stop; });
    std::map<std::uint32_t, std::vector<const Token*>> chunks;
    for (const Token& t : tokens) chunks[t.chunk].push_back(&t);

    std::vector<Xapian::Query> words;
    std::vector<std::string> word_texts;
    // Single-term non-Han words, in query order, for proximity pairs.
    struct PlainWord {
        std::string term;
        Xapian::termpos position;
        std::size_t word;  // its index in `words`
    };
    std::vector<PlainWord> plain_words;
    std::vector<Xapian::Query> bigrams;
    std::vector<std::string> bigram_texts;
    std::vector<std::vector<const Token*>> word_tokens;  // what each of `words` highlights
    std::vector<std::vector<const Token*>> bigram_tokens;
    std::vector<Xapian::Query> unigrams;  // distinct, in query order
    std::vector<std::string> unigram_texts;
    for (const auto& [chunk, members] : chunks) {
        if (budget == 0) break;
        const Token* joined = nullptr;
        std::vector<const Token*> parts;
        std::size_t han_chars = 0;
        for (const Token* t : members) {
            if (t->kind == TokenKind::Joined) joined = t;
            if (t->kind == TokenKind::Word) parts.push_back(t);
            if (t->kind == TokenKind::Unigram) ++han_chars;
        }
        // The characters of a run that is one lexicon word (高血压) say nothing its word and bigrams do not; those
        // of a run the segmenter split (高血压吃什么) still find records that split it otherwise. (Measured: KUAKE
        // -0.0003, medical QA +0.0002, a fifth less time for short Chinese queries at 1M records.)
        const bool boost_chars = parts.size() > 1;
        if (joined != nullptr) {
            // IL-6 finds IL6, IL-6 and "IL 6": the joined term or the parts as a phrase, weighed as one word (a synonym).
            std::vector<Xapian::Query> phrase_terms;
            for (const Token* p : parts) phrase_terms.emplace_back(term(*p), 1, p->position);
            Xapian::Query phrase(Xapian::Query::OP_PHRASE, phrase_terms.begin(), phrase_terms.end());
            // Without its joined term a synonym is the phrase alone, and Xapian 1.4 can estimate a phrase's
            // frequency as 0 records; IneB2 divides by that estimate, so such records scored infinity.
            const std::string joined_term = term(*joined);
            if (vocabulary_ != nullptr && !vocabulary_->term_exists(joined_term)) {
                words.push_back(std::move(phrase));
            } else {
                words.push_back(combine(Xapian::Query::OP_SYNONYM, {Xapian::Query(joined_term), phrase}));
            }
            std::string parts_text;  // what calibrates a translation of its words (heart failure for heart-failure)
            for (const Token* p : parts) parts_text += (parts_text.empty() ? "" : " ") + p->term;
            word_texts.push_back(std::move(parts_text));
            word_tokens.push_back(parts);
            word_tokens.back().push_back(joined);
            --budget;
            continue;
        }
        for (const Token* t : members) {
            if (budget == 0) break;
            if (t->stop && !all_stop && t->kind != TokenKind::Bigram) continue;
            // A lone Han character is searched as a unigram, which also finds the words containing it.
            const bool single_han = t->kind == TokenKind::Word && t->script == analysis::Script::Han && han_chars == 1;
            if (t->kind == TokenKind::Word && !single_han) {
                words.emplace_back(term(*t), 1, t->position);
                word_texts.push_back(t->term);
                word_tokens.push_back({t});
                // Han words need no pairs: the bigrams across their boundary already reward them side by side
                // (measured: KUAKE-QTR 0.8106 -> 0.8096 with pairs of Chinese words too).
                if (t->script != analysis::Script::Han && !t->stop) {
                    plain_words.push_back({term(*t), t->position, words.size() - 1});
                }
            } else if (t->kind == TokenKind::Bigram) {
                bigrams.emplace_back(term(*t));
                bigram_texts.push_back(t->term);
                bigram_tokens.push_back({t});
            } else if (t->kind == TokenKind::Unigram && han_chars == 1) {
                words.emplace_back(term(*t));
                word_texts.push_back(t->term);
                word_tokens.push_back({t});
            } else if (t->kind == TokenKind::Unigram && boost_chars && ranking_.unigram > 0 && !t->stop && !translated) {
                // Not highlighted: they only add to the scores of records that match otherwise.
                const std::string unigram = term(*t);
                const auto same = [&](const Xapian::Query& u) { return *u.get_terms_begin() == unigram; };
                if (std::none_of(unigrams.begin(), unigrams.end(), same)) {
                    unigrams.emplace_back(unigram);
                    unigram_texts.push_back(t->term);
                }
                --budget;
                continue;
            } else {
                continue;
            }
            --budget;
        }
    }
    // Only what is searched is highlighted: a pasted paragraph's commonest words, left out, are not marked.
    const auto remember_kept = [&](const std::vector<std::vector<const Token*>>& tokens_of, const auto& kept) {
        for (const std::size_t i : kept) {
            for (const Token* t : tokens_of[i]) remember(*t);
        }
    };
    std::vector<std::size_t> kept;
    WeightedSum q = keep_rarest(words, word_texts, ranking_.max_words, 1.0, pieces, &kept);
    remember_kept(word_tokens, kept);
    const bool short_text = ranking_.proximity_max_words == 0 || words.size() <= ranking_.proximity_max_words;
    const double pair_weight = short_text ? ranking_.proximity : ranking_.long_proximity;
    const std::size_t pair_window = short_text ? ranking_.proximity_window : ranking_.long_proximity_window;
    // Only words the text searches pair up: a pasted paragraph's commonest words are left out of both.
    std::erase_if(plain_words,
                  [&](const PlainWord& w) { return std::find(kept.begin(), kept.end(), w.word) == kept.end(); });
    Xapian::Query pairs;
    if (pair_weight > 0 && plain_words.size() > 1) {
        // Two words typed together usually name one thing (heart failure, renal failure): a record that has them
        // side by side is about it, one with heart and failure apart mostly is not. A claim's or a question's
        // neighbouring words need not belong together, so their pairs weigh less and may stand further apart
        // (bench/README.md, sessions 20 and 21). Stopwords or left-out words typed between the words widen the
        // window, as in phrases. (Xapian 1.4's NEAR takes single terms only: compounds sit this out.)
        std::vector<Xapian::Query> near;
        for (std::size_t i = 0; i + 1 < plain_words.size(); ++i) {
            const PlainWord& first = plain_words[i];
            const PlainWord& second = plain_words[i + 1];
            const Xapian::Query pair[] = {Xapian::Query(first.term), Xapian::Query(second.term)};
            const auto window = static_cast<Xapian::termcount>(pair_window + second.position - first.position - 1);
            near.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), window);
        }
        pairs = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_OR, near), pair_weight);
    }
    // Measured on KUAKE-QTR and medical QA: ORing the pieces ranks better than weighing each word's pieces
    // as one synonym, though in a tiny index partial matches can then outscore a translated whole word.
    q.add(keep_rarest(bigrams, bigram_texts, ranking_.max_words, ranking_.bigram, pieces, &kept));
    remember_kept(bigram_tokens, kept);
    // Single characters of a longer run only add to the scores of records that match otherwise: a record
    // with nothing but 病 of 糖尿病 is no answer, and at 1M records such characters are in a tenth of them.
    // (Measured: the same rankings on every set to the third decimal, half the time of short Chinese queries.)
    WeightedSum boost = keep_rarest(unigrams, unigram_texts, ranking_.max_unigrams, ranking_.unigram, pieces);
    if (q.empty()) return {boost, {}, {}, pieces};
    return {q, boost, pairs, pieces, short_text ? ranking_.rerank_depth : ranking_.long_rerank_depth};
}

Xapian::doccount QueryBuilder::most_records(const Xapian::Query& q) const {
    if (q.get_type() == Xapian::Query::LEAF_TERM) return vocabulary_->get_termfreq(*q.get_terms_begin());
    // A phrase is in no more records than its rarest word; a synonym in no more than all its forms together
    // (1.8 is a phrase of 1 and 8, as common as its parts are).
    const bool all_needed = q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_AND;
    Xapian::doccount bound = all_needed ? vocabulary_->get_doccount() : 0;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const Xapian::doccount sub = most_records(q.get_subquery(i));
        bound = all_needed ? std::min(bound, sub) : bound + sub;
    }
    return std::min(bound, vocabulary_->get_doccount());
}

WeightedSum QueryBuilder::keep_rarest(const std::vector<Xapian::Query>& queries, const std::vector<std::string>& texts,
                                      std::size_t limit, double weight, std::vector<Piece>& pieces,
                                      std::vector<std::size_t>* kept_indices) const {
    std::vector<std::pair<Xapian::doccount, std::size_t>> by_rarity;  // record count, index in `queries`
    for (std::size_t i = 0; i < queries.size(); ++i) {
        by_rarity.emplace_back(vocabulary_ != nullptr ? most_records(queries[i]) : 0, i);
    }
    if (limit != 0 && vocabulary_ != nullptr && queries.size() > limit) {
        std::sort(by_rarity.begin(), by_rarity.end());
        by_rarity.resize(limit);
        std::sort(by_rarity.begin(), by_rarity.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    }
    WeightedSum kept;
    if (kept_indices != nullptr) kept_indices->clear();
    for (const auto& [records, i] : by_rarity) {
        kept.add(queries[i], weight);
        if (kept_indices != nullptr) kept_indices->push_back(i);
        if (vocabulary_ != nullptr) pieces.push_back({texts[i], weight, records, queries[i]});
    }
    return kept;
}

namespace {

// The plain words of one field are analysed together, so stopwords are judged against the whole query
// ("the who" searches its words; "the knee" searches knee) and a compound keeps its parts together. A prefix
// stays a clause of its own: merged, "mesench* cells" lost its wildcard. An explicit OR starts another text:
// `stem OR bone` are alternatives, not a name whose words should stand side by side.
std::vector<Clause> coalesce(const std::vector<Clause>& clauses) {
    std::vector<Clause> out;
    std::map<std::string, std::size_t> plain_of_field;
    for (const Clause& c : clauses) {
        const bool plain =
            c.occur == Clause::Occur::Should && !c.phrase && !c.prefix && c.group.empty() && !is_filter_field(c.field);
        if (plain && c.after_or) plain_of_field.erase(c.field);
        if (plain) {
            if (const auto it = plain_of_field.find(c.field); it != plain_of_field.end()) {
                out[it->second].text += ' ' + c.text;
                continue;
            }
            plain_of_field[c.field] = out.size();
        }
        out.push_back(c);
    }
    return out;
}

}  // namespace

namespace {

// A term's weight in records, up to a constant, as IneB2 and BM25 both scale it: log(N / records). 0 for a term
// in no record.
double rarity(Xapian::doccount records, Xapian::doccount all) {
    return records == 0 ? 0.0 : std::log((static_cast<double>(all) + 1.0) / static_cast<double>(records));
}

// The pieces of the typed query that search `e`'s source: for a Chinese source its words, bigrams and characters
// (莫昔芬 of 他莫昔芬 too), for an English one its stems, and its compounds (heart-failure) whose parts all are.
std::vector<QueryBuilder::Piece> source_pieces(const Expansion& e, const std::vector<QueryBuilder::Piece>& typed) {
    std::vector<QueryBuilder::Piece> found;
    const std::vector<std::string_view> source_words = e.to_english ? std::vector<std::string_view>{}
                                                                    : spaced_words(e.source);
    for (const auto& p : typed) {
        bool inside = false;
        if (e.to_english) {
            inside = !p.text.empty() && e.source.find(p.text) != std::string::npos;
        } else {
            const std::vector<std::string_view> parts = spaced_words(p.text);
            inside = !parts.empty() && std::all_of(parts.begin(), parts.end(), [&](std::string_view w) {
                return std::find(source_words.begin(), source_words.end(), w) != source_words.end();
            });
        }
        if (!inside) continue;
        found.push_back(p);
    }
    return found;
}

}  // namespace

double QueryBuilder::mean_wdf(const Piece& p) const {
    // A word's record count is known already: a remote shard answers each question over the network.
    if (p.query.get_type() == Xapian::Query::LEAF_TERM) {
        return static_cast<double>(vocabulary_->get_collection_freq(*p.query.get_terms_begin())) /
               static_cast<double>(p.records);
    }
    const Xapian::Query& q = p.query;
    double occurrences = 0;
    double records = 0;
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
        occurrences += static_cast<double>(vocabulary_->get_collection_freq(*t));
        records += static_cast<double>(vocabulary_->get_termfreq(*t));
    }
    return records > 0 ? occurrences / records : 1.0;
}

QueryBuilder::Mass QueryBuilder::mass(const std::vector<Piece>& pieces) const {
    const Xapian::doccount all = vocabulary_->get_doccount();
    const bool ineb2 = ranking_.weighting == Weighting::ineb2;
    Mass m;
    const auto add = [&](const Piece& p) {
        if (p.records == 0) {
            m.unseen += p.weight * rarity(1, all);
            return;
        }
        const double w = p.weight * rarity(p.records, all);
        const double wdf = ineb2 ? mean_wdf(p) : 1.0;
        const double records = static_cast<double>(p.records);
        m.seen += ineb2 ? w * (wdf * records + 1.0) / records : w;
        m.rarity += w;
        m.recurrence += w * wdf;
    };
    for (const Piece& p : pieces) {
        if (p.query.get_type() != Xapian::Query::OP_PHRASE) {
            add(p);
            continue;
        }
        // Xapian weighs a phrase as the sum of its words (heart-failure, where no record has heartfailur).
        for (auto t = p.query.get_unique_terms_begin(); t != p.query.get_unique_terms_end(); ++t) {
            add({p.text, p.weight, vocabulary_->get_termfreq(*t), Xapian::Query(*t)});
        }
    }
    return m;
}

namespace {

// The factor that makes a record having a translation score what one having the typed words does: in an index of
// both languages each language's records weigh a term by their own counts, and a Chinese word also scores through
// its bigrams and characters. Under IneB2 a term's weight in every record also grows with how often it recurs in
// the records that have it, (occurrences + 1) / records, so 心力衰竭, said again and again in papers about heart
// failure, outweighs a word of a short web title; BM25 saturates instead, and only rarity counts. A typed piece
// in no record counts as in one, recurring as the translation does: nothing says otherwise (骨关节炎 in an index
// whose Chinese records all lack it still means osteoarthritis).
double calibration(const QueryBuilder::Mass& typed, const QueryBuilder::Mass& translated, bool ineb2) {
    if (translated.seen <= 0) return 1.0;
    const double recurrence = translated.recurrence / translated.rarity;
    const double typed_score = typed.seen + typed.unseen * (ineb2 ? recurrence + 1.0 : 1.0);
    return typed_score > 0 ? typed_score / translated.seen : 1.0;
}

}  // namespace

WeightedSum QueryBuilder::expansion_query(const std::vector<Token>& tokens, BuiltQuery& built, std::size_t& budget,
                                          const std::vector<Piece>& typed) {
    if (cross_ == nullptr || ranking_.expansion <= 0) return {};
    std::map<std::string, bool> has_language;  // asked once per text: a remote shard answers each over the network
    const auto indexed = [&](const std::string& language) {
        const auto [it, fresh] = has_language.try_emplace(language, false);
        if (fresh) {
            it->second = vocabulary_ != nullptr &&
                         vocabulary_->term_exists(schema::filter_term(schema::kLangPrefix, language));
        }
        return it->second;
    };
    const bool ineb2 = ranking_.weighting == Weighting::ineb2;
    WeightedSum added;
    std::size_t expanded = 0;  // source terms that brought translations in
    for (const Expansion& e : cross_->expand(tokens)) {
        if (expanded >= ranking_.max_expansions || budget == 0) break;
        // With 1,072 Chinese papers indexed beside SciFact's abstracts, Chinese papers sharing a fragment of a
        // Chinese claim outranked the English abstracts that answer it (nDCG@10 0.077, against 0.654 without
        // them); weighed by rarity alone, translations then crowded Chinese answers out of KUAKE's short queries
        // (0.764, against 0.811) once SciFact's abstracts were indexed beside them. So a translation is weighed so
        // that a record having it scores what one having the typed words does. In an index without records of the
        // typed language, or when no record has the translation, weights stay as they were: then nothing competes
        // across languages.
        const bool calibrate = ranking_.calibrate_expansions && indexed(e.to_english ? "zh" : "en");
        const Mass typed_mass = calibrate ? mass(source_pieces(e, typed)) : Mass{};
        std::vector<std::pair<WeightedSum, double>> alternatives;  // query, its calibration
        std::vector<std::string> searched;  // mice and mouse are one term: search it once
        for (const std::string& target : e.targets) {
            Clause c;
            c.text = target;
            // "stem cell" must not match any text that has "stem" or "cell": it needs both.
            c.phrase = e.to_english && target.find(' ') != std::string::npos;
            const Scored s = text_query(c, analyzer_.analyze(c.text), built.highlight, budget, /*translated=*/true);
            WeightedSum q = s.all();
            if (q.empty()) continue;
            std::string description = q.query().get_description();
            if (std::find(searched.begin(), searched.end(), description) == searched.end()) {
                searched.push_back(std::move(description));
                alternatives.emplace_back(std::move(q),
                                          calibrate ? calibration(typed_mass, mass(s.pieces), ineb2) : 1.0);
            }
            // Overlapping entries (病患, 患者) may both give "patient"; the page lists it once.
            add_expansion(built, target);
        }
        // Alternative translations of one term share its weight. (OP_MAX would say this better, but Debian's
        // Xapian 1.4.22 crashes on OP_MAX over subqueries that share terms.)
        // One term's alternatives stay one part of the sum: at 1M records MSC 间充质干细胞 therapy took 8 ms with
        // them apart and 5 ms together (18 ms with everything nested, as until session 21), 糖尿病 6.7 and 3.5 ms.
        WeightedSum either;
        for (const auto& [q, factor] : alternatives) either.add(q, factor);
        if (either.empty()) continue;
        added.add_grouped(either, ranking_.expansion / static_cast<double>(alternatives.size()));
        ++expanded;
    }
    return added;
}

Xapian::Query QueryBuilder::translations(std::string_view text, BuiltQuery& built) {
    const std::vector<Token> tokens = analyzer_.analyze(text);
    // Weighed against what the text's own words weigh, as a query's translations are.
    Clause typed;
    typed.text = std::string(text);
    MatchTerms ignored;
    std::size_t typed_budget = ranking_.max_terms;
    const Scored own = text_query(typed, tokens, ignored, typed_budget);
    std::size_t budget = ranking_.max_terms;
    return expansion_query(tokens, built, budget, own.pieces).query();
}

BuiltQuery QueryBuilder::build(const std::vector<Clause>& parsed) {
    const std::vector<Clause> clauses = coalesce(parsed);
    BuiltQuery built;
    std::size_t budget = ranking_.max_terms;
    WeightedSum should;
    WeightedSum boosts;  // of Should clauses; required and excluded clauses keep theirs inside
    std::vector<Xapian::Query> pairs;   // of Should and Must clauses, for BuiltQuery::rerank
    std::vector<Xapian::Query> must;
    std::vector<Xapian::Query> must_not;
    std::vector<Xapian::Query> filters;
    // A record has one year, one quartile, one language and one DOI, so two optional filters of a field mean
    // either (year:2019 year:2021), as in Xapian's QueryParser; required ones (+year:2019 +year:2021) stay ANDed.
    std::map<std::string, std::size_t> optional_filter_of_field;  // its place in `filters`
    for (const Clause& clause : clauses) {
        Scored q;
        bool is_filter = false;
        if (Xapian::Query either_filter = filter_group(clause.group); !either_filter.empty()) {
            q.match = either_filter;  // year:(2019 OR 2021)
            is_filter = true;
        } else if (!clause.group.empty()) {
            // A group is a query of its own; its boosts stay inside it.
            BuiltQuery group = build(clause.group);
            q.match = group.query;
            if (clause.occur != Clause::Occur::MustNot) {
                built.highlight.merge(group.highlight);
                for (const std::string& e : group.expansions) add_expansion(built, e);
                q.pairs = group.rerank;
                q.pairs_depth = group.rerank_depth;
            }
        } else if (is_filter_field(clause.field)) {
            q.match = filter_query(clause);
            is_filter = !q.match.empty();
        }
        if (q.match.empty()) {
            Clause text = clause;
            if (is_filter_field(clause.field)) text.field.clear();  // unreadable filter: search its words instead
            // Excluded words must not be highlighted in results.
            MatchTerms ignored;
            // Analysed once: the words and their translations start from the same tokens.
            const std::vector<Token> tokens = analyzer_.analyze(text.text);
            q = text_query(text, tokens, clause.occur == Clause::Occur::MustNot ? ignored : built.highlight, budget);
            // A required word may be met in either language; an excluded one keeps its own.
            if (clause.occur != Clause::Occur::MustNot && text.field.empty() && !text.phrase) {
                q.match.add(expansion_query(tokens, built, budget, q.pieces));
            }
        }
        if (q.match.empty()) continue;
        if (!q.pairs.empty() && clause.occur != Clause::Occur::MustNot) {
            pairs.push_back(q.pairs);
            built.rerank_depth = std::max(built.rerank_depth, q.pairs_depth);
        }
        switch (clause.occur) {
            case Clause::Occur::Should:
                if (!is_filter) {
                    should.add(q.match);
                } else if (const auto seen = optional_filter_of_field.find(clause.field);
                           seen != optional_filter_of_field.end() && clause.group.empty()) {
                    filters[seen->second] =
                        Xapian::Query(Xapian::Query::OP_OR, filters[seen->second], q.match.query());
                } else {
                    if (clause.group.empty()) optional_filter_of_field[clause.field] = filters.size();
                    filters.push_back(q.match.query());
                }
                boosts.add(q.boost);
                break;
            // Required and excluded clauses keep their boosts inside: only Should clauses' add to the whole query's.
            case Clause::Occur::Must: (is_filter ? filters : must).push_back(q.all().query()); break;
            case Clause::Occur::MustNot: must_not.push_back(q.all().query()); break;
        }
    }
    // The optional words' terms are the ones worth scoring from memory: required and excluded clauses are rare.
    const auto assemble = [&](const TermLeaf* leaf) {
        Xapian::Query query;
        if (!must.empty()) {
            query = combine(Xapian::Query::OP_AND, must);
            if (!should.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, should.query(leaf));
        } else {
            query = should.query(leaf);
        }
        if (!query.empty() && !boosts.empty()) {
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, boosts.query(leaf));
        }
        if (query.empty() && (!filters.empty() || !must_not.empty())) query = Xapian::Query::MatchAll;
        if (!filters.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, combine(Xapian::Query::OP_AND, filters));
        }
        if (!must_not.empty()) {
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, combine(Xapian::Query::OP_OR, must_not));
        }
        return query;
    };
    built.query = assemble(nullptr);
    built.ranked = term_leaf_ && !built.query.empty() ? assemble(&term_leaf_) : built.query;
    if (!built.query.empty()) built.rerank = combine(Xapian::Query::OP_OR, pairs);
    return built;
}

}  // namespace duet::search
