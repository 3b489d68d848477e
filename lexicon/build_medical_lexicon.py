#!/usr/bin/env python3
"""Regenerate lexicon/zh-medical.txt, Duet's Chinese biomedical user dictionary.

Python 3 standard library only.  Usage (from anywhere):

    python3 lexicon/build_medical_lexicon.py                  # rebuild the lexicon
    python3 lexicon/build_medical_lexicon.py --verify         # check the shipped file
    python3 lexicon/build_medical_lexicon.py --data-dir DIR   # sources elsewhere

Sources (see lexicon/README.md for licences):
  1. CC-CEDICT medical subset  DATA/bilingual/cc-cedict/cedict_medical_subset.tsv
     (CC BY-SA 4.0, https://cc-cedict.org) -> the output carries CC BY-SA 4.0.
  2. CSL papers                DATA/zh/csl/papers.jsonl (Apache-2.0): keywords of
     papers in the medical / biological disciplines.
  3. lexicon/zh-medical-curated.txt (the project's own hand-written list).
jieba's dictionary (MIT) is read, never copied: it decides which words are
already known and how high a frequency a term needs.

Output: UTF-8, '#' header lines, then `word<TAB>freq`, sorted by code point,
one line per word; words are Han characters only, 2..16 characters long.

Frequency rule (details in README): a term gets
    freq = max(base, ceil(2 * exp(best_split + log(total))))
where base is 200 (or the curated file's number) and best_split is the best
jieba-style route score (sum of log(freq) - log(total)) of the term cut into
two or more pieces (jieba words, shorter lexicon words, or single characters).
The term therefore out-scores any split of itself by at least log(2).  Words
jieba already has are not written, except the few whose jieba frequency is too
low to beat their own split; those get just 2x the frequency they need.  Every
written frequency is above jieba's, so a loader may override or keep the max:
the result is the same.

--conflicts additionally segments two check corpora (CSL titles+abstracts,
Apache-2.0, and the MIT-licensed medical-QA answers) with and without the
lexicon and lists terms whose span cuts through a word of jieba's own
segmentation (e.g. 抗病毒药|物 breaking 药物).  That report is how the
hand-reviewed EXCLUDE entries below were found; it does not change the output.
"""

import argparse
import gzip
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.environ.get("DUET_DATA", "/work/shared/data")
JIEBA_CANDIDATES = [
    "/usr/lib/python3/dist-packages/jieba/dict.txt",  # Debian python3-jieba
    "{data}/lexicon/jieba/dict.txt",                   # same file, copied
]

BASE_FREQ = 200          # default frequency of a multi-character term
SPLIT_MARGIN = 2.0       # a term must beat its best split by this factor
GENERAL_FREQ = 1000      # jieba words at least this frequent count as general vocabulary
MIN_LEN, MAX_LEN = 2, 16
CSL_MAX_LEN = 12         # CSL keywords longer than this are phrases, not terms

# CSL disciplines ('discipline' field) taken as medicine or biology.  All rows
# whose 'category' is 医学 are included, plus biology.
CSL_CATEGORIES = {"医学"}
CSL_DISCIPLINES = {
    "基础医学/临床医学", "中医学/中药学", "药学", "口腔医学", "公共卫生与预防医学",
    "生物学/生物科学与工程",
}

# CJK Unified Ideographs and Extension A.  No Latin, digits, punctuation,
# compatibility ideographs or 〇.
HAN_RE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")

# CC-CEDICT subset rows whose English gloss shows they are not medical terms.
# The subset was selected partly by matching medical words inside the English
# gloss, which also catches "Oklahoma" (-oma), "Pegu Yoma", "Coma Berenices",
# "Bohemia" (-emia), bird names (Pterodroma), currencies and so on.
CEDICT_GLOSS_EXCLUDE = re.compile(
    r"bird species|constellation|zodiac|astrology|mountain|capital of|US state|"
    r"Oklahoma|Dodoma|Bohemia|currency|\(name\)|surname|academia|diploma|aroma|"
    r"computer|software|anti-?virus|malware|video|apotheosis|anadiplosis|lancelet|"
    r"Tropic of Cancer|star sign|"
    r"^old variant of|^archaic variant of",
    re.IGNORECASE,
)

# Entries from CC-CEDICT or CSL that are left out by hand (reviewed one by one):
#  - not useful biomedical terms: person names, places, companies, slang, idioms,
#    generic phrases from education/management papers;
#  - short words of common characters that would mis-segment ordinary text
#    (e.g. 热中 would turn 加热中 into 加|热中);
#  - the last two lines: terms that --conflicts showed cutting through common
#    words in real text (抗病毒药|物, 心|脑血管疾病, 乙|醇脱氢酶, 干|细胞移植治疗),
#    and 颈动脉内膜一中层厚度, a CSL keyword whose hyphen (内膜-中层) became 一.
# The curated list is never filtered by this.
EXCLUDE = set("""
谋杀 懒癌 科技脸 过劳肥 功夫流感 晕碳 焦香 箱庭 城市依赖症 求医癖 医密 授证 报毒
施打 热中 人势 却病 复听 头重 去火 回血 再发 前药 走肾 倒阳 命危 恶创 驱病 脏病 油症
不愉快 药石无灵 顺应天时 怒气攻心 饭气攻心 目光呆滞 政府大学院 中研院
黄以静 梅斯梅尔 麦凯斯菱 邓铁涛 张学文 陈杨荣 傅志泉 胡源民 邵念方教授
三九药业 南京医科大学 南京市秦淮区 济宁地区 雷山县 西江镇 三峡水库 雅安 深圳 澳门
湖南省 世界卫生组织 转化医学会
苏和 模式分 化工区 新组合 新种 现报告如下 现报道如下 解决问题的能力 调动学生
学习热情 学习知识 学习过程 学生分析 学生学习 客体地位 主观能动性 讲台 教研室
双语教学 专业课程 大学本科 授课方式 教学模式 教学过程 教学方法 教学效果 实施体会
个人体会 更新知识 与国际接轨 一体化进程 高科技手段 经济实用 文明程度 沉痛悼念
会议纪要 学习班 不同时间段 不同人群 同部位 布边 热采 原生态 退出市场 销售金额
相关行业 政府投入 现代物流管理 流动人口管理人员 核潜艇官兵 力学事业 国外学者
排列方向 科学形态 损失程度 合作感 信号演变过程 双条件词语 其类似物 垫底 胶布
中西医研究进展 进展综述 综述文献 口腔修复学教学 医科大学生 防制工作 制备方法 用药情况
疗效对比 疗效性 解剖学知识 解剖学基础 生物学基础 生物学研究 病理学研究 形态学研究
相关诱因 处方指标 偏离度 相似因子 老化过程 短期疗效 大剂量
北回归线 巨蟹 恶意代码 宏病毒 延烧 凶暴 皮尺 地瓜 口蘑 松茸 松蘑 同仁堂 李斯特 啤酒肚
努嘴 痴笑 海啸 四渎 圆锥 速溶 越橘 幻化 蜕化 蜕变 治病救人 香熏 误植 巨乳
抗病毒药 抗高血压药 抗感染药 脑血管疾病 纳米粒 动脉狭窄 细胞凋亡 安全套使用 病理生理
窦黏膜 晚期癌症 细胞移植治疗 热熔融 醇脱氢酶 醇解产物 静脉性
颈动脉内膜一中层厚度
""".split())


def read_jieba(path):
    freq = {}
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            n = int(parts[1])
            freq[parts[0]] = max(n, freq.get(parts[0], 0))
            total += n
    return freq, total


def traditional_only_chars(cedict_gz):
    """Characters that occur in CC-CEDICT's traditional column but never in
    its simplified column; a word containing one is not Simplified Chinese."""
    simp, trad = set(), set()
    with gzip.open(cedict_gz, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) >= 2:
                trad.update(parts[0])
                simp.update(parts[1])
    return trad - simp


def is_term(word, max_len=MAX_LEN):
    return MIN_LEN <= len(word) <= max_len and HAN_RE.match(word) is not None


def read_cedict_subset(path, stats):
    words = set()
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) < len(header):
                continue
            simp = row[col["simplified"]].strip()
            gloss = row[col["glosses"]]
            stats["cedict_rows"] += 1
            if not is_term(simp):
                stats["cedict_not_han_or_length"] += 1
            elif CEDICT_GLOSS_EXCLUDE.search(gloss):
                stats["cedict_gloss_excluded"] += 1
            else:
                words.add(simp)
    return words


def read_csl(path, stats):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            paper = json.loads(line)
            if (paper.get("category") not in CSL_CATEGORIES
                    and paper.get("discipline") not in CSL_DISCIPLINES):
                continue
            stats["csl_papers"] += 1
            for kw in paper.get("keywords") or []:
                kw = kw.strip()
                stats["csl_keywords"] += 1
                if is_term(kw, CSL_MAX_LEN):
                    words.add(kw)
                else:
                    stats["csl_not_han_or_length"] += 1
    return words


def read_curated(path):
    words = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            word = parts[0].strip()
            base = int(parts[1]) if len(parts) > 1 and parts[1].strip() else BASE_FREQ
            if not is_term(word):
                sys.exit("%s:%d: not a 2..16 character Han word: %r" % (path, lineno, word))
            words[word] = max(base, words.get(word, 0))
    return words


def best_split(word, freq, log_total):
    """Best jieba-style route score of `word` cut into >= 2 pieces.  Pieces are
    dictionary words (freq > 0) or single characters (freq 1 if unknown)."""
    n = len(word)
    best = [-math.inf] * (n + 1)
    best[n] = 0.0
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            if i == 0 and j == n:
                continue  # the word itself
            piece = word[i:j]
            f = freq.get(piece, 0)
            if j - i > 1 and f <= 0:
                continue
            score = math.log(f or 1) - log_total + best[j]
            if score > best[i]:
                best[i] = score
    return best[0]


def split_pieces(word, freq, log_total):
    """The pieces of the best split (for the 'general vocabulary' test)."""
    n = len(word)
    best = [(-math.inf, n)] * (n + 1)
    best[n] = (0.0, n)
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n + 1):
            if i == 0 and j == n:
                continue
            piece = word[i:j]
            f = freq.get(piece, 0)
            if j - i > 1 and f <= 0:
                continue
            score = math.log(f or 1) - log_total + best[j][0]
            if score > best[i][0]:
                best[i] = (score, j)
    pieces, i = [], 0
    while i < n:
        j = best[i][1]
        pieces.append(word[i:j])
        i = j
    return pieces


def build(args):
    data = args.data_dir
    jieba_path = args.jieba_dict
    if not jieba_path:
        for cand in JIEBA_CANDIDATES:
            cand = cand.format(data=data)
            if os.path.exists(cand):
                jieba_path = cand
                break
    if not jieba_path or not os.path.exists(jieba_path):
        sys.exit("jieba dict.txt not found (apt-get install python3-jieba, or --jieba-dict)")
    jieba, total = read_jieba(jieba_path)
    log_total = math.log(total)

    stats = dict.fromkeys([
        "cedict_rows", "cedict_not_han_or_length", "cedict_gloss_excluded",
        "csl_papers", "csl_keywords", "csl_not_han_or_length",
        "excluded_by_list", "general_phrase", "traditional", "known_to_jieba",
        "jieba_freq_raised",
    ], 0)

    cedict = read_cedict_subset(
        os.path.join(data, "bilingual/cc-cedict/cedict_medical_subset.tsv"), stats)
    csl = read_csl(os.path.join(data, "zh/csl/papers.jsonl"), stats)
    curated = read_curated(args.curated)

    trad = set()
    cedict_full = os.path.join(data, "bilingual/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    if os.path.exists(cedict_full):
        trad = traditional_only_chars(cedict_full)

    # Candidate words with their base frequency and provenance.
    base, origin = {}, {}
    for source, words in (("cedict", cedict), ("csl", csl)):
        for w in words:
            origin.setdefault(w, set()).add(source)
            base[w] = BASE_FREQ
    for w, b in curated.items():
        origin.setdefault(w, set()).add("curated")
        base[w] = b   # the curated number wins (e.g. 自身免疫 is deliberately 50)

    merged = dict(jieba)   # jieba plus the lexicon as it is built
    out = {}
    # Shorter words first: a word's split can only use shorter words, so their
    # final frequencies are known when it is scored.
    for w in sorted(base, key=lambda x: (len(x), x)):
        is_curated = "curated" in origin[w]
        if w in jieba:
            # jieba already has it: leave jieba's frequency alone, unless it is
            # too low for the word to beat its own split (地龙 3 < 地 x 龙 / total
            # = 24.6); then raise it just to 2x what it needs, not to the base,
            # to disturb jieba's tuning as little as possible.
            need = math.exp(best_split(w, merged, log_total) + log_total)
            if jieba[w] > need or any(c in trad for c in w) or (
                    not is_curated and w in EXCLUDE):
                stats["known_to_jieba"] += 1
                continue
            f = max(jieba[w] + 1, int(math.ceil(SPLIT_MARGIN * need)))
            stats["jieba_freq_raised"] += 1
            out[w] = f
            merged[w] = f
            continue
        if any(c in trad for c in w):
            stats["traditional"] += 1
            if is_curated:
                print("warning: curated word has a traditional-only character:", w,
                      file=sys.stderr)
            continue
        if not is_curated:
            if w in EXCLUDE:
                stats["excluded_by_list"] += 1
                continue
            # A phrase made only of common general-vocabulary words (or common
            # single characters) adds nothing jieba does not already segment
            # sensibly, and gluing it together would hide its parts from search.
            pieces = split_pieces(w, jieba, log_total)
            if all(jieba.get(p, 0) >= GENERAL_FREQ for p in pieces):
                stats["general_phrase"] += 1
                continue
        need = math.exp(best_split(w, merged, log_total) + log_total)
        f = max(base[w], int(math.ceil(SPLIT_MARGIN * need)))
        out[w] = f
        merged[w] = f

    counts = {
        "entries": len(out),
        "from_cedict": sum(1 for w in out if "cedict" in origin[w]),
        "from_csl": sum(1 for w in out if "csl" in origin[w]),
        "from_curated": sum(1 for w in out if "curated" in origin[w]),
        "needed_more_than_base": sum(1 for w in out if out[w] > base[w]),
    }
    header = [
        "# Duet zh-medical lexicon: Simplified Chinese biomedical terms, a user dictionary",
        "# supplementing jieba's dict.txt (Debian python3-jieba, MIT; read at run time, not copied).",
        "# Format: word<TAB>freq, UTF-8; lines starting with '#' are comments.",
        "# Generated by lexicon/build_medical_lexicon.py -- do not edit; edit the sources and rerun.",
        "# Sources:",
        "#  - CC-CEDICT medical subset (cedict_medical_subset.tsv). This file contains data derived",
        "#    from CC-CEDICT, https://cc-cedict.org, CC BY-SA 4.0",
        "#    (https://creativecommons.org/licenses/by-sa/4.0/); this lexicon is therefore",
        "#    distributed under CC BY-SA 4.0.",
        "#  - CSL (Chinese Scientific Literature) dataset, keywords of medical/biology papers,",
        "#    https://github.com/ydli-ai/CSL, Apache-2.0.",
        "#  - lexicon/zh-medical-curated.txt, the Duet project's own hand-written list.",
        "# Frequency rule: max(base, 2 x the frequency needed to beat the term's best jieba-style"
        " split), base %d" % BASE_FREQ,
        "# unless the curated list says otherwise. Words already in jieba's dict.txt are not listed,",
        "# except %d whose jieba frequency loses to their own split (raised to 2x the needed frequency)."
        % stats["jieba_freq_raised"],
        "# Entries: %(entries)d (CC-CEDICT %(from_cedict)d, CSL %(from_csl)d, curated %(from_curated)d;"
        " a word may come from several)." % counts,
    ]
    lines = header + ["%s\t%d" % (w, out[w]) for w in sorted(out)]
    text = "\n".join(lines) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    print("jieba dict: %s (%d words, total %d)" % (jieba_path, len(jieba), total), file=sys.stderr)
    for k, v in stats.items():
        print("  %-26s %d" % (k, v), file=sys.stderr)
    for k, v in counts.items():
        print("  %-26s %d" % (k, v), file=sys.stderr)
    print("wrote %s (%d bytes)" % (args.out, len(text.encode("utf-8"))), file=sys.stderr)
    if args.conflicts:
        report_conflicts(out, jieba, total, data, origin)
    return verify(args.out)


def _prefixes(words):
    pre = set()
    for w in words:
        for i in range(1, len(w) + 1):
            pre.add(w[:i])
    return pre


def cut(sentence, freq, prefixes, log_total):
    """jieba's DAG + max-probability route (no HMM); returns (start, end) spans."""
    n = len(sentence)
    dag = []
    for k in range(n):
        ends, i = [], k
        frag = sentence[k]
        while i < n and frag in prefixes:
            if freq.get(frag, 0) > 0:
                ends.append(i)
            i += 1
            frag = sentence[k:i + 1]
        dag.append(ends or [k])
    route = [(0.0, 0)] * (n + 1)
    for k in range(n - 1, -1, -1):
        route[k] = max((math.log(freq.get(sentence[k:x + 1]) or 1) - log_total
                        + route[x + 1][0], x) for x in dag[k])
    spans, k = [], 0
    while k < n:
        end = route[k][1] + 1
        spans.append((k, end))
        k = end
    return spans


def report_conflicts(out, jieba, total, data, origin):
    texts = []
    with open(os.path.join(data, "zh/csl/papers.jsonl"), encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            texts += [p.get("title", ""), p.get("abstract", "")]
    qa = os.path.join(data, "zh/medical-qa/corpus.jsonl")
    if os.path.exists(qa):
        with open(qa, encoding="utf-8") as f:
            texts += [json.loads(line).get("text", "") for line in f]
    log_total = math.log(total)
    merged = dict(jieba)
    merged.update(out)
    pre_j, pre_m = _prefixes(jieba), _prefixes(merged)
    aligned, broken, example = {}, {}, {}
    han_run = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
    for text in texts:
        for m in han_run.finditer(text):
            s = m.group()
            a = cut(s, jieba, pre_j, log_total)
            b = cut(s, merged, pre_m, log_total)
            if a == b:
                continue
            bounds = {x for x, _ in a} | {len(s)}
            for x, y in b:
                w = s[x:y]
                if w not in out:
                    continue
                if x in bounds and y in bounds:
                    aligned[w] = aligned.get(w, 0) + 1
                else:
                    broken[w] = broken.get(w, 0) + 1
                    if w not in example:
                        ctx = [s[p:q] for p, q in a if q > x - 3 and p < y + 3]
                        example[w] = "/".join(ctx)
    rows = sorted(broken, key=lambda w: (-broken[w], w))
    print("# term  breaks  aligned  source  jieba-segmentation-it-cuts-through")
    for w in rows:
        print("%s\t%d\t%d\t%s\t%s" % (w, broken[w], aligned.get(w, 0),
                                     ",".join(sorted(origin[w])), example[w]))


MUST_HAVE = ["间充质干细胞", "间充质", "类风湿性关节炎", "类风湿关节炎", "外泌体",
             "微环境", "基质细胞"]


def verify(path):
    """Check the file format the C++ analyzer expects.  Returns 0 if fine."""
    errors = []
    words = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[1].isdigit() or int(parts[1]) <= 0:
                errors.append("%d: not word<TAB>freq: %r" % (lineno, line))
                continue
            if not is_term(parts[0]):
                errors.append("%d: not a 2..16 character Han word: %r" % (lineno, parts[0]))
            if re.search(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]", parts[0]):
                errors.append("%d: Latin letter or digit: %r" % (lineno, parts[0]))
            words.append(parts[0])
    if words != sorted(words):
        errors.append("entries are not sorted")
    if len(words) != len(set(words)):
        errors.append("duplicate entries")
    missing = [w for w in MUST_HAVE if w not in set(words)]
    if missing:
        errors.append("missing required terms: " + " ".join(missing))
    size = os.path.getsize(path)
    if size >= 1 << 20:
        errors.append("file is %d bytes, not under 1 MB" % size)
    for e in errors[:20]:
        print("verify: " + e, file=sys.stderr)
    print("verify: %s: %d entries, %d bytes, %s" % (
        path, len(words), size, "OK" if not errors else "%d problems" % len(errors)),
        file=sys.stderr)
    return 1 if errors else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data-dir", default=DEFAULT_DATA,
                   help="shared data folder (default %(default)s, or $DUET_DATA)")
    p.add_argument("--jieba-dict", help="jieba dict.txt (default: Debian's, else DATA copy)")
    p.add_argument("--curated", default=os.path.join(HERE, "zh-medical-curated.txt"))
    p.add_argument("--out", default=os.path.join(HERE, "zh-medical.txt"))
    p.add_argument("--verify", action="store_true", help="only check --out, do not rebuild")
    p.add_argument("--conflicts", action="store_true",
                   help="after building, print terms that cut through jieba words in check corpora")
    args = p.parse_args()
    if args.verify:
        return verify(args.out)
    return build(args)


if __name__ == "__main__":
    sys.exit(main())
