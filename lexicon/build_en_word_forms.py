#!/usr/bin/env python3
"""Regenerate lexicon/en-word-forms.txt: English word forms Snowball does not join.

Snowball's English stemmer handles regular American inflection only, so "mice" and "mouse", "nuclei" and
"nucleus", "tumour" and "tumor" become different terms and a search for one misses the other. This file lists such
forms; the analyzer stems every word of a line as it stems the line's first word.

Usage (needs python3-xapian for Snowball, the same stemmer the analyzer uses):

    /usr/bin/python3 lexicon/build_en_word_forms.py             # rebuild the file
    /usr/bin/python3 lexicon/build_en_word_forms.py --verify    # check the shipped file
    /usr/bin/python3 lexicon/build_en_word_forms.py --data-dir DIR

Rules:
  1. Latin and Greek plurals (nucleus/nuclei, bacterium/bacteria, criterion/criteria, vertebra/vertebrae,
     index/indices, diagnosis/diagnoses, stoma/stomata ...): a word of the English biomedical abstracts in
     DATA (SciFact, PubMedQA, BC5CDR) that ends like a plural, whose singular also occurs there and stems
     differently. EXCLUDE drops pairs that only look alike (plasma/plasmon, pylori/pylorus, graves/gravis)
     and Latin adjectives whose forms name different things (polyarteritis nodosa, erythema nodosum).
  2. IRREGULAR: the English plurals no suffix rule covers (mouse/mice, woman/women, child/children ...),
     written by hand; also the plurals of rule 1 too rare in these abstracts to be attested.
  3. British spellings: each word seen twice or more in DATA (the abstracts above and ICD-10-CM's English
     disease names), rewritten by SPELLING_RULES (randomized ->
     randomised, tumor -> tumour, hemorrhage -> haemorrhage); if the rewrite stems differently it joins the
     American word's line; British words seen twice are undone the same way (american()), so a spelling
     DATA holds only in British is listed too. SPELLING_EXCLUDE keeps words whose rewrite is another word
     (systemic, racemic);
     SPELLING_WORDS adds what no rule makes (programme/program).
Which stem a line takes: the singular's, except for -is/-es nouns, which take the plural's stem, since that
is also the stem of their verbs (diagnoses, diagnosed, diagnose -> diagnos; synthesis joins synthesize).
"""

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

import xapian

from english_abstracts import english_abstracts

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "en-word-forms.txt"
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"

# (plural ending, singular ending); -es/-is is the one whose line starts with the plural.
SUFFIX_RULES = [("i", "us"), ("ae", "a"), ("a", "um"), ("a", "on"), ("ices", "ex"), ("ices", "ix"),
                ("es", "is"), ("ata", "a"), ("ina", "en"), ("ges", "x")]
PLURAL_FIRST = {("es", "is")}

# Look-alikes and Latin adjectives, from a reading of every candidate the rules find in DATA.
EXCLUDE = {
    "plasma", "intra", "cola", "gaba", "india", "mini", "ammonia", "pylori", "bases", "graves", "ascites",
    "nodosa", "japonica", "marina", "pigmentosa", "granulosa", "nigra", "vera", "punctata", "cornea",
    "vagina", "mori", "citri", "neurites", "mites", "strata:stra", "striata:stria", "suffices", "replica",
    "media:medion", "centra",
}

# (singular, plural...) by hand: no suffix rule makes these, or they are too rare in DATA to be attested.
IRREGULAR = [
    ("mouse", "mice"), ("louse", "lice"), ("woman", "women"), ("man", "men"), ("child", "children"),
    ("foot", "feet"), ("tooth", "teeth"), ("goose", "geese"), ("ox", "oxen"),
    ("vertebra", "vertebrae"), ("larva", "larvae"), ("sequela", "sequelae"), ("fistula", "fistulae"),
    ("alga", "algae"), ("hypha", "hyphae"), ("appendix", "appendices"), ("vertex", "vertices"),
    ("apex", "apices"), ("meninx", "meninges"), ("phalanx", "phalanges"), ("foramen", "foramina"),
    ("lumen", "lumina"), ("alveolus", "alveoli"), ("nevus", "nevi"), ("naevus", "naevi"), ("sulcus", "sulci"),
    ("enterococcus", "enterococci"), ("gonococcus", "gonococci"), ("lactobacillus", "lactobacilli"),
    ("meniscus", "menisci"), ("tophus", "tophi"), ("mitochondrion", "mitochondria"), ("genus", "genera"),
    ("carcinoma", "carcinomata"), ("stoma", "stomata"), ("spermatozoon", "spermatozoa"),
    ("protozoon", "protozoa"), ("ovum", "ova"), ("stimulus", "stimuli"),
]

# British spellings (rule 3), as rewrites of an attested American word. The parenthesised prefix is what may
# come before a root: nothing, or a prefix such as anti-/hypo- (antitumour, hypoglycaemia), never a longer
# word's letters (chemotherapy holds "hemo").
PREFIXES = (r"(?:|anti|pro|non|un|pre|post|hypo|hyper|an|micro|neuro|onco|peri|intra|extra|multi|epi|photo|xeno|phyto"
            r"|met|oxy|deoxy|carboxy|ethinyl)")
GREEK_ROOTS = {"anesthe": "anaesthe", "anemi": "anaemi", "esophag": "oesophag", "estrogen": "oestrogen",
               "estradiol": "oestradiol", "estrous": "oestrous", "estrus": "oestrus", "estriol": "oestriol",
               "estrone": "oestrone", "fetal": "foetal", "fetus": "foetus", "pediatr": "paediatr",
               "orthoped": "orthopaed", "gynecolog": "gynaecolog", "etiolog": "aetiolog", "edema": "oedema",
               "celiac": "coeliac", "cecum": "caecum", "cecal": "caecal", "feces": "faeces", "fecal": "faecal",
               "leukem": "leukaem", "paleo": "palaeo", "ameb": "amoeb"}
SPELLING_RULES = [
    # -ize/-yze verbs and their nouns: randomized -> randomised, analyze -> analyse.
    (r"^([a-z]{3,})iz(e|ed|es|ing|ation|ations|ational|er|ers|able)$", r"\1is\2"),
    (r"^([a-z]+)yz(e|ed|es|ing|er|ers)$", r"\1ys\2"),
    # -or -> -our on these roots, with the endings both spellings share.
    (r"^([a-z]*)(behavi|col|tum|lab|fav|hon|od|vap|flav|rum|neighb|harb|sav|endeav|arm|ferv)or"
     r"(|s|al|ally|ed|ing|ful|less|able|ably|ite|ites|igenesis|igenic|igenicity|hood|hoods|y)$", r"\1\2our\3"),
    # -er -> -re: centre, fibre, litre, and lengths in metres (not instruments: thermometer, spectrometer).
    (r"^([a-z]*)(cent|fib|theat|calib|goit|tit)er(|s)$", r"\1\2re\3"),
    (r"^([a-z]*)(cent|fib|calib|tit)ered$", r"\1\2red"),
    (r"^(|milli|micro|nano|deci|centi|pico)lit(er|ers)$", lambda m: m[1] + "litre" + m[2][2:]),
    (r"^(milli|nano|centi|kilo|pico)met(er|ers)$", lambda m: m[1] + "metre" + m[2][2:]),
    # ae and oe in Greek roots.
    (rf"^({PREFIXES})(hem)(at|o|angi|olys|oglobin|orrh|ost|odynam|ophil|optysis|agglutin)", r"\1haem\3"),
    (r"^([a-z]*[^ao])emi(a|as|c)$", r"\1aemi\2"),
    (rf"^({PREFIXES})({'|'.join(GREEK_ROOTS)})", lambda m: m[1] + GREEK_ROOTS[m[2]]),
    (r"^([a-z]+)rrhea(|s|l)$", r"\1rrhoea\2"),
    (r"^([a-z]*)pnea(|s|l|ic)$", r"\1pnoea\2"),
    # Words of their own.
    (rf"^({PREFIXES})sulf(ur|ate|ates|ide|ides|onamide|onamides|onylurea|onylureas|ated|ation|ite)$",
     r"\1sulph\2"),
    (r"^(gray)(|s|er|ish)$", r"grey\2"),
    (r"^(artifact)(|s|ual)$", r"artefact\2"),
    (r"^(judgment|acknowledgment)(|s)$", lambda m: m[1].replace("gment", "gement") + m[2]),
    (r"^(analog|homolog|ortholog|paralog|catalog|dialog)(|s)$", r"\1ue\2"),
    (r"^(defense|offense)(|s|less)$", lambda m: m[1].replace("nse", "nce") + m[2]),
    (r"^practic(ed|ing)$", r"practis\1"),
    (r"^(aluminum)$", "aluminium"),
    (r"^(skeptic)(|s|al|ism)$", r"sceptic\2"),
    (r"^(mold)(|s|ed|ing|y)$", r"mould\2"),
]
# The letters the rules change, British then American: american() undoes them to find a British word's origin.
UNDO_LETTERS = [("aem", "em"), ("oe", "e"), ("ae", "e"), ("our", "or"), ("tre", "ter"), ("tred", "tered"),
                ("is", "iz"), ("ys", "yz"), ("sulph", "sulf"), ("grey", "gray"), ("artefact", "artifact"),
                ("gement", "gment"), ("ue", ""), ("nce", "nse"), ("practis", "practic"), ("aluminium", "aluminum"),
                ("scep", "skep"), ("mould", "mold")]

# Verbs and nouns spelt -ise in American English too (exercise, surprise, advise) and -wise adverbs.
ISE_WORDS = ("advertis", "advis", "apprais", "aris", "chastis", "compris", "compromis", "demis", "despis", "devis",
             "disguis", "enterpris", "excis", "exercis", "expertis", "franchis", "improvis", "incis", "merchandis",
             "premis", "revis", "supervis", "surmis", "surpris", "televis", "wise", "promis", "precis", "concis",
             "malais", "bruis", "nois", "pois", "rais", "prais", "cruis")

# Words the rules must leave alone: their rewrite gives another word (academic: acadaemic; the genus Artemia;
# racemic; oversized keeps its size) or a form British usage does not have (humoral, colorectal keep -or).
# A word holding any of these is left alone.
SPELLING_EXCLUDE = ("academ", "demic", "systemic", "polemic", "racemic", "artemia", "capsiz", "oversiz",
                    "undersiz", "downsiz", "humoral", "colorectal", "vigorous", "rigorous")

# British words the rules cannot make, as (the American word, British forms...): programme and programmes stem
# to programm, while program, programmed and programming stem to program.
SPELLING_WORDS = [("program", "programme", "programmes")]

ICD_NAMES = "bilingual/icd10-zh-en/icd10_zh_en.tsv"

HEADER = """\
# English word forms the Snowball stemmer does not join: irregular and Latin/Greek plurals, British spellings.
# Generated by lexicon/build_en_word_forms.py; do not edit by hand (edit the script's lists).
# Each line: forms of one word, space-separated. Every form is stemmed as the line's first word (for British
# spellings, the American one).
"""


def word_counts(data_dir):
    """Words of the English abstracts (lexicon/english_abstracts.py)."""
    counts = Counter()
    for text in english_abstracts(data_dir):
        counts.update(re.findall(r"[a-z]+", text.lower()))
    return counts


def icd_counts(data_dir):
    """Words of the ICD-10-CM disease names (US spelling), which only the spelling rule reads."""
    counts = Counter()
    with (data_dir / ICD_NAMES).open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            counts.update(re.findall(r"[a-z]+", row["name_en_icd10cm2018"].lower()))
    return counts


def excluded(plural, singular):
    return plural in EXCLUDE or f"{plural}:{singular}" in EXCLUDE


def attested_pairs(counts, stem):
    """(first, other) pairs from the suffix rules, both forms attested and stemmed apart."""
    pairs = set()
    for word in counts:
        for plural_end, singular_end in SUFFIX_RULES:
            if not word.endswith(plural_end) or len(word) <= len(plural_end) + 2:
                continue
            singular = word[: -len(plural_end)] + singular_end
            if counts[singular] == 0 or stem(word) == stem(singular) or excluded(word, singular):
                continue
            plural_first = (plural_end, singular_end) in PLURAL_FIRST and stem(word) != "test"
            pairs.add((word, singular) if plural_first else (singular, word))
    return pairs


def british(word):
    """`word` with every spelling rule applied (anesthetized: anaesthetised), or `word` when none applies."""
    for pattern, replacement in SPELLING_RULES:
        word = re.sub(pattern, replacement, word)
    return word


def american(word):
    """The American word whose British form `word` is, by SPELLING_RULES (hyperlipidaemia: hyperlipidemia), or
    None. Undoes each rule's letters in every combination and keeps a result the rules turn back into `word`.
    -ise and -yse are undone only as verb endings (anonymised, catheterisation), never in words that end so in
    American too (exercised, surprising) or in plurals of -is nouns (diaphyses)."""
    verb = re.search(r"(is(ed|ing|ation|ations)|ys(ed|ing))$", word) and not any(w in word for w in ISE_WORDS)
    candidates = {word}
    for british_letters, american_letters in UNDO_LETTERS:
        if british_letters in ("is", "ys") and not verb:
            continue
        candidates |= {c.replace(british_letters, american_letters) for c in candidates}
    found = sorted(c for c in candidates if c != word and british(c) == word)
    return found[0] if found else None


def spelling_pairs(counts, stem, taken):
    """(American word, British form) for words seen twice or more, from either side: an American word's British
    form, and a British word's American one, so a spelling DATA holds only in British is listed too. `taken`
    maps forms already listed to their line's first word, so a British form joins its American word's line."""
    pairs = set()
    firsts = set(taken.values())
    for word, count in counts.items():
        if count < 2 or any(part in word for part in SPELLING_EXCLUDE):
            continue
        form = british(word)
        if form == word:
            us_word = american(word)
            if us_word is None:
                continue
            word, form = us_word, word
        if form in taken or form in firsts or stem(form) == stem(word):
            continue
        pairs.add((taken.get(word, word), form))
    return pairs


def build(data_dir):
    stemmer = xapian.Stem("english")

    def stem(word):
        return stemmer(word.encode()).decode()

    counts = word_counts(data_dir)
    pairs = attested_pairs(counts, stem)
    pairs.update((singular, plural) for singular, *plurals in IRREGULAR for plural in plurals
                 if stem(singular) != stem(plural))
    pairs.update(spelling_pairs(counts + icd_counts(data_dir), stem, {other: first for first, other in pairs}))
    pairs.update((first, form) for first, *forms in SPELLING_WORDS for form in forms)
    # A word in two pairs (media: medium) keeps the first pair by sort order; join lines by their first word.
    groups, seen = {}, set()
    for first, other in sorted(pairs):
        if other in seen or other in groups:
            continue
        groups.setdefault(first, []).append(other)
        seen.add(other)
    lines = [" ".join([first, *sorted(others)]) for first, others in sorted(groups.items())]
    return HEADER + "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--verify", action="store_true", help="check that the shipped file is current")
    args = parser.parse_args()
    text = build(args.data_dir)
    if args.verify:
        if OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT}: out of date; rerun {Path(__file__).name}")
        print(f"{OUTPUT}: up to date")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{OUTPUT}: {text.count(chr(10)) - HEADER.count(chr(10))} lines")


if __name__ == "__main__":
    main()
