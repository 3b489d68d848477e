#!/usr/bin/env python3
"""Writes the short-query sets from BC5CDR's annotated PubMed abstracts (Python 3 standard library only).

A query is the name most often written for one MeSH disease or chemical (2 to 4 words, in at least 3 abstracts);
the abstracts annotated with that MeSH id are relevant: grade 2 where the name is in the title or the concept is
mentioned at least 3 times, grade 1 otherwise. Queries are split in two by a hash of the MeSH id: `bc5cdr-short`
for tuning, `bc5cdr-short-check` held aside. Deterministic.

    python3 bench/data/entities/make_sets.py [--data-dir DIR]   # DIR defaults to $DUET_DATA or ../shared/data
"""
import argparse
import collections
import hashlib
import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_DOCS = 3
MIN_WORDS, MAX_WORDS = 2, 4
CENTRAL_MENTIONS = 3


def default_data_dir():
    env = os.environ.get("DUET_DATA")
    return Path(env) if env else HERE.parents[2].parent / "shared" / "data"


def held_aside(mesh):
    return hashlib.sha1(mesh.encode()).digest()[0] % 2 == 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    args = ap.parse_args()
    src = args.data_dir / "en" / "bc5cdr" / "abstracts.jsonl"
    docs = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]

    names = collections.defaultdict(collections.Counter)  # mesh -> written name -> mentions
    mentions = collections.defaultdict(collections.Counter)  # mesh -> pmid -> mentions
    written = collections.defaultdict(lambda: collections.defaultdict(set))  # mesh -> pmid -> names
    for d in docs:
        for e in d["entities"]:
            for mesh in e["mesh"].split("|"):
                if mesh in ("-", ""):
                    continue
                names[mesh][e["text"].lower()] += 1
                mentions[mesh][d["pmid"]] += 1
                written[mesh][d["pmid"]].add(e["text"].lower())

    title = {d["pmid"]: d["title"].lower() for d in docs}
    sets = {"bc5cdr-short": ([], []), "bc5cdr-short-check": ([], [])}
    for mesh in sorted(names):
        # Ties between names go to the alphabetically first, so the output never depends on input order.
        name = min(names[mesh].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if len(mentions[mesh]) < MIN_DOCS or not MIN_WORDS <= len(name.split()) <= MAX_WORDS:
            continue
        queries, qrels = sets["bc5cdr-short-check" if held_aside(mesh) else "bc5cdr-short"]
        queries.append({"_id": mesh, "text": name})
        for pmid, count in sorted(mentions[mesh].items()):
            central = count >= CENTRAL_MENTIONS or any(n in title[pmid] for n in written[mesh][pmid])
            qrels.append((mesh, pmid, 2 if central else 1))

    with open(HERE / "bc5cdr.corpus.jsonl", "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps({"_id": d["pmid"], "title": d["title"], "text": d["abstract"]},
                                 ensure_ascii=False) + "\n")
    for set_name, (queries, qrels) in sets.items():
        with open(HERE / f"{set_name}.queries.jsonl", "w", encoding="utf-8") as out:
            for q in queries:
                out.write(json.dumps(q, ensure_ascii=False) + "\n")
        with open(HERE / f"{set_name}.qrels.tsv", "w", encoding="utf-8") as out:
            out.write("query-id\tcorpus-id\tscore\n")
            for mesh, pmid, grade in qrels:
                out.write(f"{mesh}\t{pmid}\t{grade}\n")
        print(f"{set_name}: {len(queries)} queries, {len(qrels)} judgments")


if __name__ == "__main__":
    main()
