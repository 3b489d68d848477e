#!/usr/bin/env python3
"""Writes the demo's sample records from ../shared/data (or $DUET_DATA_ROOT); deterministic.

scifact.jsonl: the SciFact abstracts that training claims cite, first 500 in corpus order (BEIR lines).
csl-medicine.jsonl: every CSL paper of the 医学 category (CSL lines).
Ids get a source prefix so the two sets cannot collide (both number their records from 0).
"""
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("DUET_DATA_ROOT", HERE.parent.parent / "shared" / "data"))
SCIFACT_COUNT = 500


def scifact(out: Path) -> int:
    cited = set()
    with open(DATA / "en/scifact/qrels/train.tsv", encoding="utf-8") as qrels:
        next(qrels)
        for line in qrels:
            _, doc, score = line.rstrip("\n").split("\t")
            if int(score) > 0:
                cited.add(doc)
    written = 0
    with open(DATA / "en/scifact/corpus.jsonl", encoding="utf-8") as corpus, open(out, "w", encoding="utf-8") as f:
        for line in corpus:
            doc = json.loads(line)
            if doc["_id"] not in cited:
                continue
            record = {"_id": "scifact-" + doc["_id"], "title": doc["title"], "text": doc["text"]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
            if written == SCIFACT_COUNT:
                break
    return written


def csl_medicine(out: Path) -> int:
    written = 0
    with open(DATA / "zh/csl/papers.jsonl", encoding="utf-8") as papers, open(out, "w", encoding="utf-8") as f:
        for line in papers:
            paper = json.loads(line)
            if paper["category"] != "医学":
                continue
            paper["id"] = "csl-" + paper["id"]
            f.write(json.dumps(paper, ensure_ascii=False) + "\n")
            written += 1
    return written


def main() -> int:
    if not DATA.is_dir():
        print(f"make_samples.py: no data at {DATA}; set DUET_DATA_ROOT", file=sys.stderr)
        return 1
    print("scifact.jsonl:", scifact(HERE / "scifact.jsonl"))
    print("csl-medicine.jsonl:", csl_medicine(HERE / "csl-medicine.jsonl"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
