#!/usr/bin/env python3
"""Search quality of Duet against plain Xapian on every evaluation set present: one table, one command.

usage: bench/quality.py [--build DIR] [--sets scifact,kuake,...] [--keep]

For each set it indexes the corpus with duet-index and with bench_baseline into a fresh directory under
var/bench/, runs the judged queries through duet-search --run and bench_baseline run (top 100), scores
both runs with bench/trec_eval.py and prints one table (also written as markdown to var/bench/quality.md, or
quality-SET-SET.md for --sets), then the indexing speed of both engines. It first rebuilds the three
binaries in the build directory.

Data: $DUET_DATA_ROOT, else ../shared/data beside the repo; cross-language sets from bench/data/crosslingual/.
Sets that are absent are listed as such and skipped. Standard library only.
"""
import argparse
import shlex
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
import trec_eval  # noqa: E402  (bench/trec_eval.py, imported for its functions)

DEPTH = 100


@dataclass
class Target:
    metric: str  # a key of trec_eval.evaluate's result
    at_least: float

    def label(self):
        short = {"nDCG@10": "nDCG@10", "Recall@100": "R@100", "MRR@10": "MRR@10"}[self.metric]
        return f"{short} ≥ {self.at_least:.2f}"


@dataclass
class EvalSet:
    name: str
    what: str
    root: str  # "data" (DUET_DATA_ROOT), "xling" (bench/data/crosslingual) or "entities" (bench/data/entities)
    corpus: str
    queries: str
    qrels: str
    target: Target = None
    aliases: tuple = ()
    no_target: str = "(smoke test)"  # what the target column says without one


# The quality targets; pubmedqa is a smoke test (each question is judged against its own abstract).
SETS = [
    EvalSet("scifact", "English claims → English abstracts (SciFact train)", "data",
            "en/scifact/corpus.jsonl", "en/scifact/queries.train.jsonl", "en/scifact/qrels/train.tsv",
            Target("nDCG@10", 0.72)),
    EvalSet("kuake", "Chinese search queries → Chinese web titles (KUAKE-QTR train, graded 0–3)", "data",
            "zh/kuake-qtr/corpus.jsonl", "zh/kuake-qtr/queries.train.jsonl", "zh/kuake-qtr/qrels/train.tsv",
            Target("nDCG@10", 0.62), ("kuake-qtr",)),
    EvalSet("medqa", "Chinese patient questions (`text`) → doctors' answers (medical QA dev)", "data",
            "zh/medical-qa/corpus.jsonl", "zh/medical-qa/queries.dev.jsonl", "zh/medical-qa/qrels/dev.tsv",
            Target("nDCG@10", 0.24), ("medical-qa",)),
    EvalSet("scifact-zh", "Chinese claims → English SciFact abstracts", "xling",
            "@data/en/scifact/corpus.jsonl", "scifact-zh.queries.jsonl", "scifact-zh.qrels.tsv",
            Target("nDCG@10", 0.55)),
    EvalSet("scifact-zh-check", "Chinese claims → English SciFact abstracts, held aside from tuning", "xling",
            "@data/en/scifact/corpus.jsonl", "scifact-zh-check.queries.jsonl", "scifact-zh-check.qrels.tsv",
            Target("nDCG@10", 0.55)),
    EvalSet("scifact-zh-check2",
            "Chinese claims → English SciFact abstracts, written after the term list's last change",
            "xling", "@data/en/scifact/corpus.jsonl", "scifact-zh-check2.queries.jsonl", "scifact-zh-check2.qrels.tsv",
            Target("nDCG@10", 0.55)),
    EvalSet("scifact-zh-check3",
            "Chinese claims → English SciFact abstracts, written before the session-15 term-list change",
            "xling", "@data/en/scifact/corpus.jsonl", "scifact-zh-check3.queries.jsonl", "scifact-zh-check3.qrels.tsv",
            Target("nDCG@10", 0.55)),
    EvalSet("csl-en", "English queries → Chinese CSL papers", "xling",
            "csl-en.corpus.jsonl", "csl-en.queries.jsonl", "csl-en.qrels.tsv",
            Target("MRR@10", 0.65)),
    EvalSet("csl-en-check", "English queries → Chinese CSL papers, held aside from tuning", "xling",
            "csl-en.corpus.jsonl", "csl-en-check.queries.jsonl", "csl-en-check.qrels.tsv",
            Target("MRR@10", 0.65)),
    # One index of both languages, as Duet's users have. In these two only the other language's records are
    # judged, so they measure whether the typed language's records that share a fragment of the query crowd out
    # the answers; they reward any shift towards translations.
    EvalSet("scifact-zh-mixed", "Chinese claims → English SciFact abstracts, 1,072 Chinese CSL papers indexed too",
            "xling", "@data/en/scifact/corpus.jsonl+csl-en.corpus.jsonl", "scifact-zh.queries.jsonl",
            "scifact-zh.qrels.tsv", no_target="(both languages)"),
    EvalSet("csl-en-mixed", "English queries → Chinese CSL papers, SciFact's 5,183 English abstracts indexed too",
            "xling", "@data/en/scifact/corpus.jsonl+csl-en.corpus.jsonl", "csl-en.queries.jsonl", "csl-en.qrels.tsv",
            no_target="(both languages)"),
    # In these three only the typed language's records are judged: they measure whether translations crowd out
    # the answers that match the words typed, and reward any shift away from translations.
    EvalSet("scifact-mixed", "English claims → English SciFact abstracts, 1,072 Chinese CSL papers indexed too",
            "xling", "@data/en/scifact/corpus.jsonl+csl-en.corpus.jsonl", "@data/en/scifact/queries.train.jsonl",
            "@data/en/scifact/qrels/train.tsv", no_target="(both languages)"),
    EvalSet("kuake-mixed", "Chinese search queries → Chinese web titles, SciFact's English abstracts indexed too",
            "data", "zh/kuake-qtr/corpus.jsonl+en/scifact/corpus.jsonl", "zh/kuake-qtr/queries.train.jsonl",
            "zh/kuake-qtr/qrels/train.tsv", no_target="(both languages)"),
    EvalSet("medqa-mixed", "Chinese patient questions → doctors' answers, SciFact's English abstracts indexed too",
            "data", "zh/medical-qa/corpus.jsonl+en/scifact/corpus.jsonl", "zh/medical-qa/queries.dev.jsonl",
            "zh/medical-qa/qrels/dev.tsv", no_target="(both languages)"),
    # Short English keyword queries (a disease's or chemical's name, 2-4 words) → the abstracts annotated with it,
    # graded by how central it is; made by bench/data/entities/make_sets.py from BC5CDR.
    EvalSet("bc5cdr-short", "English names of a disease or chemical → abstracts annotated with it (BC5CDR)",
            "entities", "bc5cdr.corpus.jsonl", "bc5cdr-short.queries.jsonl", "bc5cdr-short.qrels.tsv",
            no_target="(short queries)"),
    EvalSet("bc5cdr-short-check", "The same kind of queries, held aside from tuning", "entities",
            "bc5cdr.corpus.jsonl", "bc5cdr-short-check.queries.jsonl", "bc5cdr-short-check.qrels.tsv",
            no_target="(short queries)"),
    EvalSet("pubmedqa", "English questions → their own PubMed abstract (smoke test)", "data",
            "en/pubmedqa/corpus.jsonl", "en/pubmedqa/queries.jsonl", "en/pubmedqa/qrels/all.tsv"),
]

METRICS = ("nDCG@10", "Recall@100", "MRR@10")


@dataclass
class EngineResult:
    index_seconds: float = None
    search_seconds: float = None
    scores: dict = None
    error: str = None
    note: str = ""


@dataclass
class SetResult:
    spec: EvalSet
    absent: str = None
    queries: int = 0  # judged queries with a relevant document (the ones scored)
    queries_in_file: int = 0
    docs: int = 0
    engines: dict = field(default_factory=dict)  # "duet" / "base" -> EngineResult


def data_root():
    env = os.environ.get("DUET_DATA_ROOT")
    return Path(env) if env else (REPO.parent / "shared" / "data")


def resolve_one(spec, rel, roots):
    if rel.startswith("@data/"):
        return roots["data"] / rel[len("@data/"):]
    return roots[spec.root] / rel


def resolve(spec, kind, roots):
    """The file of a set's corpus, queries or qrels; a corpus joined with + is a list of files."""
    rel = getattr(spec, kind)
    if kind == "corpus" and "+" in rel:
        return [resolve_one(spec, part, roots) for part in rel.split("+")]
    return resolve_one(spec, rel, roots)


def joined_corpus(parts, work):
    """One corpus file holding `parts` in order (their ids must not collide), written once per run."""
    path = work / ("joined-" + "-".join(f"{p.parent.name}_{p.stem}".replace(".", "_") for p in parts) + ".jsonl")
    if not path.exists():
        with open(path, "w", encoding="utf-8") as out:
            for part in parts:
                with open(part, encoding="utf-8") as f:
                    shutil.copyfileobj(f, out)
    return path


def count_lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def run_step(argv, stdout_path=None):
    """Runs one engine command; returns (seconds, None) or (seconds, error text with the command's stderr tail)."""
    start = time.monotonic()
    if stdout_path:
        Path(stdout_path).parent.mkdir(parents=True, exist_ok=True)
    out = open(stdout_path, "w", encoding="utf-8") if stdout_path else subprocess.DEVNULL
    try:
        proc = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE, text=True, errors="replace")
    finally:
        if stdout_path:
            out.close()
    seconds = time.monotonic() - start
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    if proc.returncode != 0:
        return seconds, f"`{' '.join(map(str, argv))}` exited {proc.returncode}: " + "\n".join(lines[-8:])
    if len(lines) > 6:  # skipped records and the like first, the summary last
        lines = lines[:4] + [f"... {len(lines) - 5} more lines ..."] + lines[-1:]
    for line in lines:
        print("    " + line, file=sys.stderr)
    return seconds, None


def run_engine(engine, bins, corpus, queries, qrels, index_dir, run_path, reuse_index, duet_args=()):
    """Index (unless this corpus is already indexed in this run), search, score. Never raises for engine failures."""
    result = EngineResult()
    if reuse_index is None:
        if engine == "duet":
            argv = [bins["duet-index"], "--db", index_dir, corpus]
        else:
            argv = [bins["bench_baseline"], "index", "--db", index_dir, corpus]
        print(f"  {engine}: indexing {corpus}", file=sys.stderr)
        result.index_seconds, result.error = run_step(argv)
        if result.error:
            return result
    else:
        result.index_seconds = reuse_index
        result.note = "index shared"
    if engine == "duet":
        argv = [bins["duet-search"], "--db", index_dir, "--depth", str(DEPTH), *duet_args, "--run", queries]
    else:
        argv = [bins["bench_baseline"], "run", "--db", index_dir, "--depth", str(DEPTH), queries]
    print(f"  {engine}: searching {queries}", file=sys.stderr)
    result.search_seconds, result.error = run_step(argv, run_path)
    if result.error:
        return result
    result.scores, _ = trec_eval.evaluate(qrels, trec_eval.read_run(run_path))
    return result


def fmt_score(result, metric):
    if result is None or result.scores is None:
        return "fail"
    return f"{result.scores[metric]:.4f}"


def ratio(duet, base):
    if duet is None or base is None or duet.scores is None or base.scores is None:
        return "–"
    b = base.scores["nDCG@10"]
    return f"{duet.scores['nDCG@10'] / b:.2f}" if b > 0 else "∞"


def target_cells(r):
    t = r.spec.target
    if t is None:
        return r.spec.no_target, ""
    duet = r.engines.get("duet")
    if r.absent or duet is None or duet.scores is None:
        return t.label(), "–"
    return t.label(), "hit" if duet.scores[t.metric] >= t.at_least else "MISS"


HEADER = ["set", "queries", "docs", "Duet nDCG@10", "base nDCG@10", "Duet R@100", "base R@100",
          "Duet MRR@10", "base MRR@10", "ratio nDCG", "target (Duet)", "hit"]


def table_rows(results):
    rows = []
    for r in results:
        if r.absent:
            rows.append([r.spec.name, "–", "–"] + ["absent"] * 6 + ["–", *target_cells(r)])
            continue
        duet, base = r.engines.get("duet"), r.engines.get("base")
        row = [r.spec.name, str(r.queries), str(r.docs)]
        for metric in METRICS:
            row += [fmt_score(duet, metric), fmt_score(base, metric)]
        row += [ratio(duet, base), *target_cells(r)]
        rows.append(row)
    return rows


def speed_rows(results):
    rows = []
    for r in results:
        if r.absent:
            continue
        row = [r.spec.name, str(r.docs)]
        for key in ("duet", "base"):
            e = r.engines.get(key)
            if e is None or e.index_seconds is None:
                row += ["–", "–"]
                continue
            shared = " (shared)" if e.note == "index shared" else ""
            row.append(f"{e.index_seconds:.2f} s{shared}")
            row.append(f"{r.docs / e.index_seconds:,.0f}" if e.index_seconds > 0 else "–")
        for key in ("duet", "base"):
            e = r.engines.get(key)
            row.append(f"{r.queries_in_file / e.search_seconds:,.0f}"
                       if e is not None and e.search_seconds and e.error is None else "–")
        rows.append(row)
    return rows


SPEED_HEADER = ["set", "docs", "Duet index wall", "Duet docs/s", "base index wall", "base docs/s",
                "Duet queries/s", "base queries/s"]


def text_table(header, rows):
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(header, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def md_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def git_revision():
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def select_sets(arg):
    if not arg:
        return list(SETS)
    by_name = {}
    for s in SETS:
        for n in (s.name, *s.aliases):
            by_name[n] = s
    chosen = []
    for name in (n.strip() for n in arg.split(",") if n.strip()):
        if name not in by_name:
            sys.exit(f"quality: unknown set {name!r}; known: {', '.join(s.name for s in SETS)}")
        if by_name[name] not in chosen:
            chosen.append(by_name[name])
    return chosen


def bring_up_to_date(build, targets):
    """Configures `build` the first time and rebuilds `targets`, so a run never measures stale code."""
    rel = os.path.relpath(build, REPO)
    steps = [["cmake", "--build", rel, "--target", *targets]]
    if not (build / "CMakeCache.txt").exists():
        steps.insert(0, ["cmake", "-S", ".", "-B", rel, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", "-DDUET_TESTS=OFF"])
    for step in steps:
        print("quality: " + " ".join(step), file=sys.stderr)
        done = subprocess.run(step, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"quality: `{' '.join(step)}` failed (exit {done.returncode}):\n{done.stderr[-2000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="sets: " + "; ".join(f"{s.name}: {s.what}" for s in SETS))
    parser.add_argument("--build", default="build-bench",
                        help="build directory holding the binaries (relative to the repo unless absolute)")
    parser.add_argument("--sets", help="comma-separated subset to run, e.g. scifact,kuake")
    parser.add_argument("--crosslingual", default=str(BENCH / "data" / "crosslingual"),
                        help="directory of the cross-language sets")
    parser.add_argument("--keep", action="store_true", help="keep the indexes (runs are always kept)")
    parser.add_argument("--duet-args", default="",
                        help="more duet-search options for an experiment, e.g. \"--bigram-weight 0.4\"")
    args = parser.parse_args()
    chosen = select_sets(args.sets)  # before building: an unknown set name fails at once

    build = Path(args.build) if Path(args.build).is_absolute() else REPO / args.build
    bins = {"duet-index": build / "indexer" / "duet-index", "duet-search": build / "searcher" / "duet-search",
            "bench_baseline": build / "bench" / "bench_baseline"}
    bring_up_to_date(build, list(bins))

    roots = {"data": data_root(), "xling": Path(args.crosslingual), "entities": BENCH / "data" / "entities"}
    out_dir = REPO / "var" / "bench"
    runs_dir = out_dir / "runs"
    runs_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="quality-", dir=out_dir))
    indexed = {}  # corpus path -> {"duet": (dir, seconds), "base": (dir, seconds)}
    results = []
    failed = False
    try:
        for spec in chosen:
            r = SetResult(spec)
            results.append(r)
            paths = {k: resolve(spec, k, roots) for k in ("corpus", "queries", "qrels")}
            files = [p for v in paths.values() for p in (v if isinstance(v, list) else [v])]
            absent = [str(p) for p in files if not p.is_file()]
            if absent:
                r.absent = "missing " + ", ".join(absent)
                print(f"[{spec.name}] skipped: {r.absent}", file=sys.stderr)
                continue
            if isinstance(paths["corpus"], list):
                paths["corpus"] = joined_corpus(paths["corpus"], work)
            print(f"[{spec.name}] {spec.what}", file=sys.stderr)
            qrels = trec_eval.read_qrels(paths["qrels"])
            r.queries = sum(1 for judged in qrels.values() if any(g > 0 for g in judged.values()))
            r.queries_in_file = count_lines(paths["queries"])
            r.docs = count_lines(paths["corpus"])
            corpus_key = str(paths["corpus"].resolve())
            for engine in ("duet", "base"):
                previous = indexed.get(corpus_key, {}).get(engine)
                index_dir = previous[0] if previous else work / f"{spec.name}.{engine}"
                run_path = runs_dir / f"{spec.name}.{engine}.run"
                e = run_engine(engine, bins, str(paths["corpus"]), str(paths["queries"]), qrels, str(index_dir),
                               run_path, previous[1] if previous else None, shlex.split(args.duet_args))
                r.engines[engine] = e
                if e.error:
                    failed = True
                    print(f"  {engine} FAILED: {e.error}", file=sys.stderr)
                elif not previous:
                    indexed.setdefault(corpus_key, {})[engine] = (index_dir, e.index_seconds)
    finally:
        if args.keep:
            print(f"indexes kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    rows = table_rows(results)
    speed = speed_rows(results)
    errors = [(r.spec.name, k, e.error) for r in results for k, e in r.engines.items() if e.error]
    notes = [f"{r.spec.name}: {r.absent}" for r in results if r.absent]

    print()
    print(text_table(HEADER, rows))
    print()
    print("Indexing wall time (one process, fresh database) and batch search throughput:")
    print(text_table(SPEED_HEADER, speed))
    for name, engine, error in errors:
        print(f"\n{name}: {engine} failed: {error}")
    for n in notes:
        print(f"absent: {n}")

    md = ["# Duet search quality vs plain Xapian", "",
          f"Generated by `bench/quality.py` on {datetime.date.today().isoformat()}, "
          f"source {git_revision()}, data {roots['data']}.", "",
          "`queries` counts judged queries with at least one relevant document; `ratio nDCG` is Duet ÷ baseline; "
          "the target applies to Duet.", "",
          md_table(HEADER, rows), "", "## Indexing and search speed", "", md_table(SPEED_HEADER, speed)]
    if errors:
        md += ["", "## Failures", ""] + [f"- {n} ({e}): {err}" for n, e, err in errors]
    if notes:
        md += ["", "## Absent sets", ""] + [f"- {n}" for n in notes]
    out_dir.mkdir(parents=True, exist_ok=True)
    # A subset gets a file of its own: it must not replace the table of a full run.
    md_path = out_dir / ("quality.md" if not args.sets else f"quality-{'-'.join(s.name for s in chosen)}.md")
    md_path.write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"\nmarkdown: {os.path.relpath(md_path, Path.cwd())}; runs: {os.path.relpath(runs_dir, Path.cwd())}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
