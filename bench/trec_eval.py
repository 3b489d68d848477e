#!/usr/bin/env python3
"""Scores a TREC run against BEIR qrels: nDCG@10, Recall@100 and MRR@10 (standard library only).

usage: trec_eval.py QRELS.tsv RUN [--queries QUERIES.jsonl]
Queries with no relevant document in the qrels are skipped; judged queries missing from the run score 0.
--queries scores only the queries listed in that file (BEIR jsonl "_id", or qid<TAB>query lines).
Importable: bench/quality.py uses read_qrels, read_run and evaluate.
"""
import argparse
import json
import math
import sys
from collections import defaultdict


def read_qrels(path):
    qrels = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if n == 1 and parts[0] == "query-id":
                continue
            if len(parts) != 3:
                sys.exit(f"{path}:{n}: expected query-id<TAB>corpus-id<TAB>score")
            qrels[parts[0]][parts[1]] = int(parts[2])
    return qrels


def read_run(path):
    run = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if len(parts) != 6:
                sys.exit(f"{path}:{n}: expected `qid Q0 docid rank score tag`")
            run[parts[0]].append((int(parts[3]), parts[2]))
    return {q: [d for _, d in sorted(hits)] for q, hits in run.items()}


def read_query_ids(path):
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("{"):
                ids.add(str(json.loads(line)["_id"]))
            else:
                ids.add(line.split("\t", 1)[0])
    return ids


def ndcg(ranked, judged, k=10):
    dcg = sum((2 ** judged.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def recall(ranked, judged, k=100):
    relevant = {d for d, g in judged.items() if g > 0}
    return len(relevant & set(ranked[:k])) / len(relevant)


def mrr(ranked, judged, k=10):
    for i, d in enumerate(ranked[:k]):
        if judged.get(d, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


def evaluate(qrels, run):
    scores = {"nDCG@10": [], "Recall@100": [], "MRR@10": []}
    for q, judged in qrels.items():
        if not any(g > 0 for g in judged.values()):
            continue
        ranked = run.get(q, [])
        scores["nDCG@10"].append(ndcg(ranked, judged))
        scores["Recall@100"].append(recall(ranked, judged))
        scores["MRR@10"].append(mrr(ranked, judged))
    n = len(scores["nDCG@10"])
    return {k: (sum(v) / n if n else 0.0) for k, v in scores.items()}, n


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qrels")
    parser.add_argument("run")
    parser.add_argument("--queries", help="score only the queries in this file")
    args = parser.parse_args()
    qrels = read_qrels(args.qrels)
    if args.queries:
        wanted = read_query_ids(args.queries)
        qrels = {q: judged for q, judged in qrels.items() if q in wanted}
    result, n = evaluate(qrels, read_run(args.run))
    print(" ".join(f"{k}={v:.4f}" for k, v in result.items()), f"queries={n}")


if __name__ == "__main__":
    main()
