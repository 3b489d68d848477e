#!/usr/bin/env python3
"""Deterministic generator of seed-format records for scale benchmarks (Python 3, standard library only).

Recombines real texts from the shared data folder into records shaped like tests/data/seeds/*.txt:

    txt/NNNN/NNNNNNN_<hash>.txt   one record per file, 1,000 files per directory
    jsonl/part-NNNN.jsonl         optional (--jsonl): the same records, one JSON object per line, 1,000 a file
    manifest.json                 what was generated (sizes, kinds, bytes); reused when it matches

Record kinds (fractions of all records, drawn per record):
    en       ~62%  English title/abstract; JSON line + `引用次数: N` / `Abstract` / abstract / `期刊介绍:` blurb
                   (10% of them also carry a copy of themselves in `resultStr`, as the crawler sometimes does)
    cn       ~30%  as `en`, plus Chinese `TitleCN` / `AbstractTextCN` (CSL papers, some with medical-QA text)
    zh-title  ~5%  Chinese `title`; the English title only inside `resultStr` and as the first text line
    article   ~3%  a whole plain-text article (no JSON line): title, sections made of several abstracts,
                   a `References` list (one in five is Chinese, with a `参考文献` list)

Every record is drawn from its own random.Random seeded with "<seed>:<index>" (string seeds are hashed with
SHA-512, stable across Python versions), so record i is the same whatever the size or the number of jobs:
the 10k corpus is the first 10,000 records of the 100k one.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

GENERATOR_VERSION = 1
PER_DIR = 1000  # .txt files per directory, and records per .jsonl file

P_ARTICLE = 0.03
P_ZH_TITLE = 0.05
P_CN_FIELDS = 0.30
P_RESULTSTR_COPY = 0.10  # of the plain English records

# ---------------------------------------------------------------------------------------------------------
# Journals. Names are those of real journals; the blurbs are our own short descriptions, IF/JCR plausible.
# (name, PeriodicalId, DOI prefix, IF, JCR, JCRName, RegionCategory, RegionNum, blurb lines)
JOURNALS = [
    ("Connective Tissue Research", 10661, "10.1080/03008207", 2.1, "Q3", "CELL BIOLOGY", "医学", 4,
     ["Connective Tissue Research publishes original work on the biology of connective tissues and the extracellular matrix.",
      "Topics include:", "Matrix biochemistry", "Cartilage and bone", "Tendon and ligament", "Tissue engineering",
      "Short reviews on fast-moving areas are also welcome."]),
    ("Stem Cell Research & Therapy", 21876, "10.1186/s13287", 7.1, "Q1", "CELL & TISSUE ENGINEERING", "医学", 2,
     ["An open-access journal for translational and clinical research on stem cells and regenerative therapies, "
      "from animal models to clinical trials, with reviews and commentaries."]),
    ("Frontiers in Immunology", 12029, "10.3389/fimmu", 5.7, "Q1", "IMMUNOLOGY", "医学", 2,
     ["A journal covering basic, translational and clinical immunology, including autoimmunity, inflammation, "
      "vaccines, mucosal immunity and tumour immunology."]),
    ("Journal of Clinical Investigation", 15127, "10.1172/JCI", 13.3, "Q1", "MEDICINE, RESEARCH & EXPERIMENTAL", "医学", 1,
     ["Publishes mechanistic studies of human disease that bridge the laboratory and the clinic."]),
    ("Nature Communications", 19097, "10.1038/s41467", 14.7, "Q1", "MULTIDISCIPLINARY SCIENCES", "综合性期刊", 1,
     ["A multidisciplinary open-access journal for high-quality research in the biological, health, physical, "
      "chemical and Earth sciences."]),
    ("PLoS ONE", 20226, "10.1371/journal.pone", 2.9, "Q1", "MULTIDISCIPLINARY SCIENCES", "综合性期刊", 3,
     ["An inclusive journal that publishes rigorous primary research from any discipline within science and medicine.",
      "Decisions rest on methodological soundness rather than perceived impact."]),
    ("BMC Cancer", 9017, "10.1186/s12885", 3.4, "Q2", "ONCOLOGY", "医学", 3,
     ["An open-access journal on all aspects of cancer research: molecular and cellular biology, genetics, "
      "epidemiology, prevention, diagnosis and treatment."]),
    ("Journal of Hepatology", 15341, "10.1016/j.jhep", 26.8, "Q1", "GASTROENTEROLOGY & HEPATOLOGY", "医学", 1,
     ["Clinical and basic research on liver diseases, from viral hepatitis to metabolic liver disease and liver cancer."]),
    ("Diabetes Care", 11203, "10.2337/dc", 14.8, "Q1", "ENDOCRINOLOGY & METABOLISM", "医学", 1,
     ["Clinical research on diabetes: epidemiology, care delivery, pharmacology, nutrition and complications."]),
    ("Cell Reports", 9843, "10.1016/j.celrep", 7.5, "Q1", "CELL BIOLOGY", "生物学", 1,
     ["Short, single-point reports and full articles across the life sciences, open access."]),
    ("International Journal of Molecular Sciences", 14500, "10.3390/ijms", 4.9, "Q1", "BIOCHEMISTRY & MOLECULAR BIOLOGY",
     "生物学", 3,
     ["Covers molecular research in chemistry, biology, physics and medicine, with special issues on topical themes."]),
    ("Journal of Neuroinflammation", 15561, "10.1186/s12974", 9.3, "Q1", "NEUROSCIENCES", "医学", 1,
     ["Research on the innate and adaptive immune responses of the nervous system in health and disease."]),
    ("Toxicology and Applied Pharmacology", 22701, "10.1016/j.taap", 3.3, "Q2", "PHARMACOLOGY & PHARMACY", "医学", 3,
     ["Mechanistic studies of the adverse effects of chemicals, drugs and natural products on biological systems."]),
    ("American Journal of Cardiology", 7530, "10.1016/j.amjcard", 2.3, "Q3", "CARDIAC & CARDIOVASCULAR SYSTEMS", "医学", 4,
     ["Clinical cardiology for practising cardiologists: coronary disease, heart failure, arrhythmia and imaging."]),
    ("Scientific Reports", 21372, "10.1038/s41598", 3.8, "Q1", "MULTIDISCIPLINARY SCIENCES", "综合性期刊", 3,
     ["An open-access journal publishing original research from all areas of the natural sciences, psychology, "
      "medicine and engineering."]),
    ("中华医学杂志", 30001, "10.3760/cma.j.issn.0376-2491", 1.0, "Q4", "MEDICINE, GENERAL & INTERNAL", "医学", 4,
     ["中华医学会主办的综合性医学学术期刊，报道临床医学与基础医学的重要研究成果。",
      "栏目包括：述评、论著、临床研究、综述与病例报告。"]),
    ("中国中药杂志", 30002, "10.19540/j.cnki.cjcmm", 1.2, "Q4", "INTEGRATIVE & COMPLEMENTARY MEDICINE", "医学", 4,
     ["报道中药资源、栽培、炮制、化学、药理与临床研究的学术期刊，面向科研、教学与生产一线。"]),
    ("中国科学：生命科学", 30003, "10.1360/SSV", 2.0, "Q3", "BIOLOGY", "生物学", 4,
     ["刊载生命科学各领域具有创新性的研究论文与综述，涵盖分子、细胞、发育与进化等方向。"]),
]
ZH_JOURNALS = [j for j in JOURNALS if re.search(r"[\u4e00-\u9fff]", j[0])]
EN_JOURNALS = [j for j in JOURNALS if j not in ZH_JOURNALS]

GIVEN = ["Wei", "Li", "Na", "Jun", "Ying", "Hui", "Xiao", "Mei", "Chen", "Yan", "Feng", "Lei", "Jing", "Hong",
         "Ming", "Qing", "Tao", "Bo", "Yu", "Zhi", "Hao", "Jian", "Lan", "Ping", "Rui", "Shu", "Xin", "Yi",
         "Anna", "James", "Maria", "John", "Sarah", "David", "Laura", "Michael", "Elena", "Thomas", "Sofia",
         "Daniel", "Emma", "Lucas", "Hannah", "Pallavi", "Rahul", "Aisha", "Omar", "Kenji", "Yuki", "Hicham",
         "Mohammed", "Ingrid", "Pierre", "Giulia", "Carlos", "Ana", "Jonas", "Olga", "Ivan", "Fatima"]
FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu",
          "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie", "Han", "Tang", "Feng", "Deng",
          "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Müller",
          "Schmidt", "Rossi", "Bianchi", "Dubois", "Martin", "Tanaka", "Suzuki", "Kim", "Park", "Lee", "Singh",
          "Patel", "Kumar", "Ahmed", "Drissi", "Lakrat", "Bhattaram", "Novak", "Nielsen", "Olsen", "Ivanova"]
ZH_FAMILY = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯邓"
ZH_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华红玉兰文斌宇浩凯健"

PUB_TYPES = ["Journal Article", "Journal Article", "Journal Article", "Review", "Journal Article; Review",
             "Clinical Trial", "Randomized Controlled Trial", "Meta-Analysis", "Case Reports"]

_SENT_EN = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_SENT_ZH = re.compile(r"(?<=[。！？；])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


# ---------------------------------------------------------------------------------------------------------
# Source texts
class Pools:
    """The real texts, read once, in file order (deterministic)."""

    def __init__(self, root: Path):
        self.en_titles: list[str] = []
        self.en_abstracts: list[list[str]] = []   # sentences
        self.en_pairs: list[tuple[int, int]] = []  # (title index, abstract index) of the same source document
        self.zh_titles: list[str] = []
        self.zh_abstracts: list[list[str]] = []
        self.zh_keywords: list[list[str]] = []
        self.zh_long: list[str] = []

        def add_en(title: str, text: str):
            text = " ".join(text.split())
            if not text:
                return
            self.en_abstracts.append(_SENT_EN.split(text))
            if title.strip():
                self.en_titles.append(" ".join(title.split()))
                self.en_pairs.append((len(self.en_titles) - 1, len(self.en_abstracts) - 1))

        for obj in _jsonl(root / "en/scifact/corpus.jsonl"):
            add_en(obj.get("title", ""), obj.get("text", ""))
        for obj in _jsonl(root / "en/bc5cdr/abstracts.jsonl"):
            add_en(obj.get("title", ""), obj.get("abstract", ""))
        for obj in _jsonl(root / "en/pubmedqa/corpus.jsonl"):
            add_en(obj.get("title", ""), obj.get("text", ""))
        for obj in _jsonl(root / "zh/csl/papers.jsonl"):
            title, abstract = obj.get("title", "").strip(), obj.get("abstract", "").strip()
            if title and abstract:
                self.zh_titles.append(title)
                self.zh_abstracts.append([s for s in _SENT_ZH.split(abstract) if s])
                self.zh_keywords.append(list(obj.get("keywords") or []))
        for obj in _jsonl(root / "zh/medical-qa/corpus.jsonl"):
            text = obj.get("text", "").strip()
            if text:
                self.zh_long.append(text)
        if not (self.en_pairs and self.zh_titles and self.zh_long):
            raise SystemExit(f"gen_corpus: no usable texts under {root}")


def _jsonl(path: Path):
    if not path.exists():
        raise SystemExit(f"gen_corpus: missing {path} (set --data or DUET_DATA_ROOT)")
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


# ---------------------------------------------------------------------------------------------------------
# Pieces of a record
def en_abstract(rng: random.Random, pools: Pools, first: int) -> str:
    """The sentences of one abstract, half the time with its tail replaced by the tail of another."""
    sents = list(pools.en_abstracts[first])
    if rng.random() < 0.5 and len(sents) > 2:
        other = pools.en_abstracts[rng.randrange(len(pools.en_abstracts))]
        cut = rng.randrange(1, len(sents))
        sents = sents[:cut] + other[rng.randrange(len(other)):]
    return " ".join(sents)


def zh_abstract(rng: random.Random, pools: Pools, first: int) -> str:
    sents = list(pools.zh_abstracts[first])
    if rng.random() < 0.4 and len(sents) > 1:
        other = pools.zh_abstracts[rng.randrange(len(pools.zh_abstracts))]
        sents = sents[:rng.randrange(1, len(sents))] + other[rng.randrange(len(other)):]
    text = "".join(sents)
    if rng.random() < 0.35:  # longer Chinese text: a few medical answers appended
        text += "".join(pools.zh_long[rng.randrange(len(pools.zh_long))] for _ in range(rng.randint(1, 3)))
    return text


def authors(rng: random.Random) -> str:
    n = min(1 + int(rng.expovariate(1 / 4.0)), 25)
    names = []
    for _ in range(n):
        given = rng.choice(GIVEN)
        if rng.random() < 0.3:
            given += "-" + rng.choice(GIVEN)
        names.append(f"{given} {rng.choice(FAMILY)}")
    return ", ".join(names)


def zh_author(rng: random.Random) -> str:
    return rng.choice(ZH_FAMILY) + "".join(rng.choice(ZH_GIVEN) for _ in range(rng.randint(1, 2)))


def pub_date(rng: random.Random) -> tuple[int, int, int]:
    # More papers in recent years: year = 2025 - floor of an exponential, folded into 2000..2025.
    year = 2025 - min(int(rng.expovariate(1 / 7.0)), 25)
    return year, rng.randint(1, 12), rng.randint(1, 28)


def citations(rng: random.Random, year: int) -> int:
    age = 2025 - year
    if age == 0 and rng.random() < 0.7:
        return 0
    return int((rng.paretovariate(1.3) - 1.0) * (1 + age) * 2)


def journal_blurb(journal) -> str:
    return "\n".join(journal[8])


def html_abstract(text: str) -> str:
    return "<p><p>" + html.escape(text, quote=False) + "</p>"


def make_doi(journal, year: int, index: int) -> str:
    return f"{journal[2]}.{year}.{index:07d}"


def base_metadata(rng: random.Random, index: int, journal, title: str, abstract: str) -> tuple[dict, int]:
    year, month, day = pub_date(rng)
    doi = make_doi(journal, year, index)
    cites = citations(rng, year)
    first_page = rng.randint(1, 3000)
    epub = f"{year}/{month}/{day} 0:00:00" if rng.random() < 0.6 else ""
    pmcid = f"PMC{rng.randrange(1000000, 12999999)}" if rng.random() < 0.3 else None
    meta = {
        "title": title,
        "authors": authors(rng),
        "doi": doi,
        "DOIUrl": None,
        "url": None,
        "abstract": html_abstract(abstract),
        "PeriodicalId": journal[1],
        "journal": {"name": journal[0], "volume": f"{year - 1990} {rng.randint(1, 12)}" if rng.random() < 0.8 else " ",
                    "pages": f"{first_page}-{first_page + rng.randint(3, 14)}"},
        "PeriodicalIF": journal[3],
        "publicationDate": f"{year:04d}-{month:02d}-{day:02d}",
        "publicationTypes": rng.choice(PUB_TYPES),
        "fieldsOfStudy": None,
        "isOpenAccess": rng.random() < 0.4,
        "openAccessPdf": f"https://www.ncbi.nlm.nih.gov/pmc/articles/{pmcid}/pdf/" if pmcid else "",
        "citationCount": str(cites),
        "resultStr": None,
        "platform": "Semanticscholar",
        "paperid": None,
        "PeriodicalName": journal[0],
        "FirstCategoryId": str(rng.choice([1, 3, 3, 3, 5, 99])),
        "ListUrlMain": f"https://doi.org/{doi}",
        "RegionNum": journal[7],
        "RegionCategory": journal[6],
        "ArticlePicture": [],
        "TitleCN": None,
        "AbstractTextCN": None,
        "PMCID": pmcid,
        "EPubDate": epub,
        "PubModel": "Epub" if epub else "",
        "JCR": journal[4],
        "JCRName": journal[5],
        "Score": None,
        "Total": 0,
    }
    return meta, cites


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------------------
# Records: each returns (kind, txt file text, jsonl object)
def record_seedlike(rng: random.Random, pools: Pools, index: int, kind: str):
    title_index, abstract_index = rng.choice(pools.en_pairs)
    if rng.random() < 0.3:  # a title from elsewhere: recombined
        title_index = rng.randrange(len(pools.en_titles))
    title = pools.en_titles[title_index]
    abstract = en_abstract(rng, pools, abstract_index)
    journal = rng.choice(EN_JOURNALS if kind != "zh-title" else EN_JOURNALS + ZH_JOURNALS * 3)
    meta, cites = base_metadata(rng, index, journal, title, abstract)
    lines = []
    if kind == "zh-title":
        # Chinese `title`; the English one only in resultStr (a full copy) and as the first text line.
        inner = dict(meta)
        meta["title"] = pools.zh_titles[rng.randrange(len(pools.zh_titles))]
        meta["resultStr"] = dumps(inner)
        lines += [title, abstract]
    else:
        if kind == "cn":
            zi = rng.randrange(len(pools.zh_titles))
            meta["TitleCN"] = pools.zh_titles[zi]
            meta["AbstractTextCN"] = zh_abstract(rng, pools, zi)
        elif rng.random() < P_RESULTSTR_COPY:
            meta["resultStr"] = dumps(meta)
        lines += [f"引用次数: {cites}", "Abstract", abstract]
    lines += ["期刊介绍:", journal_blurb(journal)]
    return kind, dumps(meta) + "\n" + "\n".join(lines) + "\n", meta


def reference_en(rng: random.Random, pools: Pools, n: int) -> str:
    names = ", ".join(f"{rng.choice(FAMILY)} {rng.choice('ABCDEFGHJKLMNPRSTWXYZ')}{rng.choice(['', 'A', 'J', 'M'])}"
                      for _ in range(rng.randint(1, 6)))
    journal = rng.choice(EN_JOURNALS)
    year = rng.randint(1975, 2025)
    first = rng.randint(1, 900)
    doi = f"{journal[2]}.{year}.{rng.randrange(10**6):06d}"
    return (f"{n}. {names}. {pools.en_titles[rng.randrange(len(pools.en_titles))]} {journal[0]}. ({year}) "
            f"{rng.randint(1, 80)}:{first}–{first + rng.randint(2, 20)}. doi: {doi}")


def reference_zh(rng: random.Random, pools: Pools, n: int) -> str:
    names = ", ".join(zh_author(rng) for _ in range(rng.randint(1, 4)))
    journal = rng.choice(ZH_JOURNALS)
    year = rng.randint(1990, 2025)
    first = rng.randint(1, 900)
    return (f"[{n}] {names}. {pools.zh_titles[rng.randrange(len(pools.zh_titles))]}[J]. {journal[0]}, {year}, "
            f"{rng.randint(1, 60)}({rng.randint(1, 12)}): {first}-{first + rng.randint(2, 12)}.")


EN_HEADINGS = ["Introduction", "Materials and methods", "Results", "Discussion", "Limitations", "Conclusions"]
ZH_HEADINGS = ["引言", "资料与方法", "结果", "讨论", "结论"]


def record_article(rng: random.Random, pools: Pools, index: int):
    """A whole article as plain text: title, numbered sections glued to their first paragraph, references."""
    out = []
    if rng.random() < 0.2:  # Chinese article
        first = rng.randrange(len(pools.zh_titles))
        out.append(pools.zh_titles[first])
        for h, heading in enumerate(ZH_HEADINGS, 1):
            paras = [zh_abstract(rng, pools, rng.randrange(len(pools.zh_abstracts))) for _ in range(rng.randint(1, 4))]
            paras[0] = f"{h} {heading}" + paras[0]
            out += paras
        out.append("参考文献")
        out += [reference_zh(rng, pools, n) for n in range(1, rng.randint(10, 40))]
    else:
        title_index, abstract_index = rng.choice(pools.en_pairs)
        out.append(pools.en_titles[title_index])
        out.append(en_abstract(rng, pools, abstract_index))
        for h, heading in enumerate(EN_HEADINGS, 1):
            paras = [en_abstract(rng, pools, rng.randrange(len(pools.en_abstracts))) for _ in range(rng.randint(1, 4))]
            paras[0] = f"{h} {heading}" + paras[0]
            if rng.random() < 0.3:
                paras.append(f"Figure {h}. " + rng.choice(pools.en_abstracts[rng.randrange(len(pools.en_abstracts))]))
            out += paras
        refs = [reference_en(rng, pools, n) for n in range(1, rng.randint(20, 80))]
        refs[0] = "References" + refs[0]  # the heading glued to the first reference, as pages copy it
        out += refs
    out.append(f"留言 ({rng.randint(0, 3)})")
    text = "\n".join(out) + "\n"
    # The .jsonl form of an article: its title and whole text in the BEIR shape Duet also reads.
    return "article", text, {"_id": f"article-{index:07d}", "title": out[0], "text": "\n".join(out[1:-1])}


def make_record(seed: int, pools: Pools, index: int):
    rng = random.Random(f"{seed}:{index}")
    u = rng.random()
    if u < P_ARTICLE:
        return record_article(rng, pools, index)
    if u < P_ARTICLE + P_ZH_TITLE:
        return record_seedlike(rng, pools, index, "zh-title")
    if u < P_ARTICLE + P_ZH_TITLE + P_CN_FIELDS:
        return record_seedlike(rng, pools, index, "cn")
    return record_seedlike(rng, pools, index, "en")


# ---------------------------------------------------------------------------------------------------------
# Writing
_POOLS: Pools | None = None


def _init_worker(data_root: str):
    global _POOLS
    _POOLS = Pools(Path(data_root))


def _write_chunk(args):
    """Writes records [begin, end) (one txt directory, and optionally one jsonl part). Returns counts."""
    seed, begin, end, out, want_txt, want_jsonl = args
    out = Path(out)
    counts: dict[str, int] = {}
    txt_bytes = jsonl_bytes = 0
    txt_dir = out / "txt" / f"{begin // PER_DIR:04d}"
    if want_txt:
        txt_dir.mkdir(parents=True, exist_ok=True)
    jsonl_lines = []
    for i in range(begin, end):
        kind, text, obj = make_record(seed, _POOLS, i)
        counts[kind] = counts.get(kind, 0) + 1
        if want_txt:
            data = text.encode("utf-8")
            name = f"{i:07d}_{hashlib.sha1(data).hexdigest()[:16]}.txt"
            (txt_dir / name).write_bytes(data)
            txt_bytes += len(data)
        if want_jsonl:
            jsonl_lines.append(dumps(obj))
    if want_jsonl:
        data = ("\n".join(jsonl_lines) + "\n").encode("utf-8")
        part = out / "jsonl" / f"part-{begin // PER_DIR:04d}.jsonl"
        part.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(data)
        jsonl_bytes += len(data)
    return counts, txt_bytes, jsonl_bytes


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"bad size '{text}' (e.g. 10k, 100k, 1m, 2500)")
    value = float(m.group(1)) * {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()]
    return int(value)


def default_data_root() -> Path:
    env = os.environ.get("DUET_DATA_ROOT")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data"


def generate(size: int, out: Path, seed: int, jsonl: bool, jobs: int, data_root: Path, force: bool) -> dict:
    manifest_path = out / "manifest.json"
    wanted = {"generator": GENERATOR_VERSION, "docs": size, "seed": seed, "jsonl": jsonl}
    if manifest_path.exists() and not force:
        old = json.loads(manifest_path.read_text())
        if all(old.get(k) == v for k, v in wanted.items() if k != "jsonl") and (old.get("jsonl") or not jsonl):
            old["reused"] = True
            return old
    if out.exists():
        # Only ever remove what this tool wrote.
        for sub in ("txt", "jsonl"):
            target = out / sub
            if target.exists():
                import shutil
                shutil.rmtree(target)
        if manifest_path.exists():
            manifest_path.unlink()
    out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    chunks = [(seed, b, min(b + PER_DIR, size), str(out), True, jsonl) for b in range(0, size, PER_DIR)]
    counts: dict[str, int] = {}
    txt_bytes = jsonl_bytes = 0
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(str(data_root),)) as pool:
        for done, (c, tb, jb) in enumerate(pool.map(_write_chunk, chunks), 1):
            for k, v in c.items():
                counts[k] = counts.get(k, 0) + v
            txt_bytes += tb
            jsonl_bytes += jb
            if sys.stderr.isatty() or done % 20 == 0 or done == len(chunks):
                print(f"\rgen_corpus: {min(done * PER_DIR, size)}/{size} records", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    manifest = dict(wanted, kinds=dict(sorted(counts.items())), txt_bytes=txt_bytes, jsonl_bytes=jsonl_bytes,
                    txt_files=size, txt_dirs=len(chunks), seconds=round(time.monotonic() - start, 2),
                    data_root=str(data_root))
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")
    manifest["reused"] = False
    return manifest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, required=True, help="number of records: 10k, 100k, 1m or a count")
    ap.add_argument("--out", type=Path, required=True, help="output directory (txt/, jsonl/, manifest.json)")
    ap.add_argument("--seed", type=int, default=20251121)
    ap.add_argument("--jsonl", action="store_true", help="also write the .jsonl variant (1,000 records per file)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--data", type=Path, default=None, help="shared data root (default $DUET_DATA_ROOT or ../shared/data)")
    ap.add_argument("--force", action="store_true", help="regenerate even when manifest.json matches")
    args = ap.parse_args()
    data_root = args.data or default_data_root()
    m = generate(args.size, args.out, args.seed, args.jsonl, max(1, args.jobs), data_root, args.force)
    mb = (m["txt_bytes"] + m["jsonl_bytes"]) / 1e6
    how = "reused" if m["reused"] else f"written in {m['seconds']} s"
    print(f"gen_corpus: {m['docs']} docs, {m['txt_bytes'] / 1e6:.1f} MB .txt"
          + (f" + {m['jsonl_bytes'] / 1e6:.1f} MB .jsonl" if m["jsonl_bytes"] else "")
          + f" ({mb:.1f} MB) in {args.out} ({how}); kinds: "
          + ", ".join(f"{k} {v}" for k, v in m["kinds"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
