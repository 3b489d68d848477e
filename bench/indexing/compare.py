#!/usr/bin/env python3
"""Indexing at scale: duet-index, Xapian's omindex and SQLite FTS5 over the same generated records.

Run through bench/scale.sh (see bench/SCALE.md). Python 3, standard library only. For each size it
  1. generates (or reuses) the corpus with bench/corpus/gen_corpus.py under OUT/corpus-SIZE/,
  2. times each engine on a fresh index under /usr/bin/time -v: wall, user+sys, peak RSS, index size (du -sb),
  3. runs bench_ceiling (ICU segmentation and raw Xapian add_document over the same records),
  4. optionally profiles duet-index with perf (which library the CPU time goes to),
and prints markdown tables, also written to OUT/scale.md (raw numbers in OUT/scale.json).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GEN = REPO / "bench" / "corpus" / "gen_corpus.py"
CONVERT = REPO / "bench" / "indexing" / "fts5_convert.py"
TIME = "/usr/bin/time"

FTS5_SCHEMA = "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, abstract, body, tokenize='trigram');"


def log(msg: str) -> None:
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def machine_busy_seconds() -> float:
    """CPU seconds all processes have used since boot (/proc/stat: everything but idle and iowait)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(x) for x in fields]
    busy = sum(ticks) - ticks[3] - (ticks[4] if len(ticks) > 4 else 0)
    return busy / os.sysconf("SC_CLK_TCK")


def index_parts(path: Path) -> list[Path]:
    """An index's files: the path itself and, when PATH is a Xapian stub file, the PATH.gens/ it points into."""
    return [p for p in (path, path.with_name(path.name + ".gens")) if p.exists()]


def du(path: Path) -> int:
    total = 0
    for part in index_parts(path):
        out = subprocess.run(["du", "-sb", str(part)], capture_output=True, text=True, check=True).stdout
        total += int(out.split()[0])
    return total


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*", text)
    if not m:
        raise SystemExit(f"scale: bad size '{text}' (e.g. 10k, 100k, 1m)")
    return int(float(m.group(1)) * {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()])


def size_label(n: int) -> str:
    if n % 1000000 == 0:
        return f"{n // 1000000}m"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def timed(name: str, cmd: list[str], logs: Path, env: dict | None = None) -> dict:
    """Runs cmd under /usr/bin/time -v; returns wall, user, sys, peak RSS, exit status and the stderr path."""
    logs.mkdir(parents=True, exist_ok=True)
    time_file, out_file, err_file = logs / f"{name}.time", logs / f"{name}.out", logs / f"{name}.err"
    load_before = loadavg()
    busy_before = machine_busy_seconds()
    log(f"{name}: {' '.join(cmd)}")
    with out_file.open("w") as out, err_file.open("w") as err:
        proc = subprocess.run([TIME, "-v", "-o", str(time_file)] + cmd, stdout=out, stderr=err,
                              env=dict(os.environ, **(env or {})))
    busy = machine_busy_seconds() - busy_before
    fields = {}
    for line in time_file.read_text().splitlines():
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    wall_text = fields.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    result = {
        "name": name, "cmd": cmd, "exit": proc.returncode, "wall": wall,
        "user": float(fields.get("User time (seconds)", 0)), "sys": float(fields.get("System time (seconds)", 0)),
        "rss_kb": int(fields.get("Maximum resident set size (kbytes)", 0)),
        "load_before": load_before, "load_after": loadavg(), "stdout": str(out_file), "stderr": str(err_file),
    }
    # GNU time reports 0:00.00 for very short runs with low resolution; keep a floor to avoid division by zero.
    result["wall"] = max(result["wall"], 0.01)
    # Cores kept busy by everything else on the machine meanwhile (other engineers' builds): the contention.
    result["others_cores"] = max(0.0, busy - result["user"] - result["sys"]) / result["wall"]
    log(f"{name}: exit {proc.returncode}, {result['wall']:.1f} s wall, {result['user'] + result['sys']:.1f} s CPU, "
        f"{result['rss_kb'] / 1024:.0f} MB peak RSS, load {load_before:.2f} -> {result['load_after']:.2f}, "
        f"other processes {result['others_cores']:.2f} cores")
    return result


def tail(path: str, n: int = 8) -> list[str]:
    try:
        return Path(path).read_text(errors="replace").splitlines()[-n:]
    except OSError:
        return []


def xapian_doccount(db: Path) -> tuple[int | None, float | None]:
    try:
        out = subprocess.run(["xapian-delve", str(db)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None, None
    docs = re.search(r"number of documents = (\d+)", out)
    avg = re.search(r"average document length = ([\d.]+)", out)
    return (int(docs.group(1)) if docs else None), (float(avg.group(1)) if avg else None)


# ---------------------------------------------------------------------------------------------------------
def run_size(n: int, args, build: Path, results: dict) -> dict:
    label = size_label(n)
    corpus = args.out / f"corpus-{label}"
    work = args.out / f"run-{label}"
    logs = work / "logs"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    # 1. Corpus (reused when its manifest matches).
    gen_cmd = [sys.executable, str(GEN), "--size", str(n), "--out", str(corpus), "--seed", str(args.seed)]
    if args.jsonl:
        gen_cmd.append("--jsonl")
    if args.data:
        gen_cmd += ["--data", str(args.data)]
    log(f"corpus {label}: {' '.join(gen_cmd)}")
    gen = subprocess.run(gen_cmd, capture_output=True, text=True)
    sys.stderr.write(gen.stdout)
    if gen.returncode != 0:
        sys.stderr.write(gen.stderr)
        raise SystemExit(f"scale: corpus generation failed ({gen.returncode})")
    manifest = json.loads((corpus / "manifest.json").read_text())
    txt = corpus / "txt"
    txt_mb = manifest["txt_bytes"] / 1e6
    size = {"docs": n, "label": label, "manifest": manifest, "engines": [], "problems": []}

    def engine_row(name: str, run: dict, docs_indexed, index_path: Path | None, input_mb: float, note: str = "") -> dict:
        cpu = run["user"] + run["sys"]
        row = {
            "engine": name, "docs_indexed": docs_indexed, "wall": run["wall"], "cpu": cpu,
            "docs_per_s": n / run["wall"], "mb_per_s": input_mb / run["wall"],
            "docs_per_cpu_s": n / cpu if cpu > 0 else None, "cpu_util": cpu / run["wall"],
            "rss_mb": run["rss_kb"] / 1024, "index_bytes": du(index_path) if index_path else None,
            "load_before": run["load_before"], "load_after": run["load_after"], "exit": run["exit"], "note": note,
            "others_cores": run["others_cores"],
        }
        if run["exit"] != 0:
            size["problems"].append(f"{name} exited {run['exit']}; last stderr lines:\n    " +
                                    "\n    ".join(tail(run["stderr"])))
        size["engines"].append(row)
        return row

    def drop(path: Path) -> None:
        if args.keep:
            return
        for part in index_parts(path):
            shutil.rmtree(part) if part.is_dir() else part.unlink()

    # 2a. duet-index, at each requested thread count.
    duet = build / "indexer" / "duet-index"
    for threads in args.duet_threads:
        db = work / f"duet-t{threads}"
        cmd = [str(duet), "--db", str(db)] + (["--threads", str(threads)] if threads != "default" else []) + [str(txt)]
        run = timed(f"duet-index-{threads}", cmd, logs)
        summary = next((l for l in reversed(tail(run["stderr"], 50)) if l.startswith("duet-index: ")), "")
        m = re.search(r"(\d+) added.*?(\d+) failed", summary)
        added, failed = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        _, avg_len = xapian_doccount(db)
        name = "duet-index" + ("" if threads == "default" else f" --threads {threads}")
        row = engine_row(name, run, added, db, txt_mb, note=summary.removeprefix("duet-index: "))
        row["avg_doclen"] = avg_len
        if failed:
            bad = [l for l in Path(run["stderr"]).read_text(errors="replace").splitlines() if ": " in l][:10]
            size["problems"].append(f"{name}: {failed} records failed; first messages:\n    " + "\n    ".join(bad))
        drop(db)

    # 2b. Optional: duet-index over the .jsonl variant of the same records.
    if args.jsonl:
        db = work / "duet-jsonl"
        run = timed("duet-index-jsonl", [str(duet), "--db", str(db), str(corpus / "jsonl")], logs)
        summary = next((l for l in reversed(tail(run["stderr"], 50)) if l.startswith("duet-index: ")), "")
        m = re.search(r"(\d+) added", summary)
        engine_row("duet-index (.jsonl)", run, int(m.group(1)) if m else None, db, manifest["jsonl_bytes"] / 1e6,
                   note="MB/s of the .jsonl bytes; no journal blurbs in this form")
        drop(db)

    # 2c. omindex (Omega), text/plain, CJK n-grams on.
    omdb = work / "omindex"
    run = timed("omindex", ["omindex", "--db", str(omdb), "--url", "/", "-Mtxt:text/plain", "--overwrite", str(txt)],
                logs, env={"XAPIAN_CJK_NGRAM": "1"})
    om_docs, om_len = xapian_doccount(omdb)
    engine_row("omindex", run, om_docs, omdb, txt_mb)["avg_doclen"] = om_len
    drop(omdb)

    # 2d. SQLite FTS5 trigram: conversion (Python) and insert (sqlite3 .import) timed apart.
    csv_path = work / "records.csv"
    conv = timed("fts5-convert", [sys.executable, str(CONVERT), str(txt), str(csv_path)], logs)
    csv_mb = csv_path.stat().st_size / 1e6 if csv_path.exists() else 0.0
    engine_row("SQLite FTS5: convert .txt → CSV (Python)", conv, n if conv["exit"] == 0 else None, None, txt_mb,
               note=f"CSV {csv_mb:.1f} MB")
    sqlite_db = work / "fts5.sqlite"
    ins = timed("fts5-insert", ["sqlite3", str(sqlite_db), FTS5_SCHEMA, ".mode csv", f".import {csv_path} docs"], logs)
    count = subprocess.run(["sqlite3", str(sqlite_db), "SELECT count(*) FROM docs;"], capture_output=True, text=True)
    fts_docs = int(count.stdout.strip()) if count.returncode == 0 and count.stdout.strip().isdigit() else None
    engine_row("SQLite FTS5: insert (sqlite3 .import)", ins, fts_docs, sqlite_db, txt_mb,
               note="MB/s in .txt terms")
    total = {"wall": conv["wall"] + ins["wall"], "user": conv["user"] + ins["user"], "sys": conv["sys"] + ins["sys"],
             "rss_kb": max(conv["rss_kb"], ins["rss_kb"]), "load_before": conv["load_before"],
             "load_after": ins["load_after"], "exit": conv["exit"] or ins["exit"], "stderr": ins["stderr"],
             "others_cores": (conv["others_cores"] * conv["wall"] + ins["others_cores"] * ins["wall"])
             / (conv["wall"] + ins["wall"])}
    engine_row("SQLite FTS5: convert + insert", total, fts_docs, sqlite_db, txt_mb)
    drop(sqlite_db)

    # 3. Ceilings over the same records (the CSV holds the text duet-index analyzes).
    ceiling_bin = build / "bench" / "indexing" / "bench_ceiling"
    cdir = work / "ceiling"
    cdir.mkdir()
    crun = timed("bench_ceiling", [str(ceiling_bin), str(csv_path), "--db-dir", str(cdir), "--replace"], logs)
    if crun["exit"] == 0:
        size["ceiling"] = json.loads(Path(crun["stdout"]).read_text())
        size["ceiling"]["index_bytes"] = {"positions": du(cdir / "pos"), "no_positions": du(cdir / "nopos"),
                                          "positions_replace_by_id": du(cdir / "replace")}
        size["ceiling"]["avg_doclen"] = {"positions": xapian_doccount(cdir / "pos")[1],
                                         "no_positions": xapian_doccount(cdir / "nopos")[1]}
    else:
        size["problems"].append("bench_ceiling exited %d:\n    %s" % (crun["exit"], "\n    ".join(tail(crun["stderr"]))))
    drop(cdir)

    # 4. Where duet-index spends its CPU (perf, a separate untimed run).
    if args.profile_size == n and shutil.which("perf"):
        size["profile"] = profile_duet(duet, txt, work, logs)
    drop(csv_path)
    results["sizes"].append(size)
    return size


PROFILE_GROUPS = [
    # (label, inclusive symbols: the first that appears in a sample's call chain wins, in this order)
    ("start-up: loading word lists (Analyzer constructor)", ["duet::analysis::Analyzer::Analyzer"]),
    ("Xapian: commit (writing the B-trees)", ["Xapian::WritableDatabase::commit"]),
    ("Xapian: replace_document (buffering postings)", ["Xapian::WritableDatabase::replace_document",
                                                       "Xapian::Database::Internal::replace_document"]),
    ("Xapian: add_spelling", ["Xapian::WritableDatabase::add_spelling"]),
    ("analysis: Analyzer::analyze (segmentation, folding, compounds, terms)", ["duet::analysis::Analyzer::analyze"]),
    ("document building besides analysis (terms into Xapian::Document, stored record)", ["duet::build_document"]),
    ("reading records (files, JSON, HTML, sections)", ["duet::records::read_records"]),
]


def profile_duet(duet: Path, txt: Path, work: Path, logs: Path) -> dict:
    """perf record with DWARF call chains; CPU samples attributed to the first matching frame of PROFILE_GROUPS."""
    data = work / "perf.data"
    db = work / "duet-perf"
    log("profile: perf record duet-index (untimed run)")
    rec = subprocess.run(["perf", "record", "-F", "99", "--call-graph", "dwarf,16384", "-o", str(data), "--",
                          str(duet), "--db", str(db), str(txt)], capture_output=True, text=True)
    for part in index_parts(db):
        shutil.rmtree(part) if part.is_dir() else part.unlink()
    if rec.returncode != 0:
        return {"error": rec.stderr[-500:]}
    script = subprocess.Popen(["perf", "script", "-i", str(data), "-F", "comm,tid,ip,sym"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, errors="replace")
    counts: dict[str, int] = {}
    total = 0
    chain: list[str] = []

    def flush():
        nonlocal total
        if not chain:
            return
        total += 1
        label = "other (libc/libstdc++ outside the above, kernel, thread start-up)"
        for group, symbols in PROFILE_GROUPS:
            if any(any(s in frame for s in symbols) for frame in chain):
                label = group
                break
        counts[label] = counts.get(label, 0) + 1
        chain.clear()

    for line in script.stdout:
        if not line.strip():
            flush()
        elif line.startswith(("\t", " ")):
            chain.append(line.strip())
        else:
            flush()
            chain.append("")  # header line of a sample
    flush()
    script.wait()
    dso = subprocess.run(["perf", "report", "-i", str(data), "--no-children", "--sort", "dso", "-g", "none",
                          "--stdio"], capture_output=True, text=True, errors="replace").stdout
    by_dso = [(float(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^\s+([\d.]+)%\s+(\S.*)$", dso, re.M)]
    data.unlink(missing_ok=True)
    return {"samples": total, "groups": sorted(counts.items(), key=lambda kv: -kv[1]), "by_dso": by_dso[:10]}


# ---------------------------------------------------------------------------------------------------------
def fmt_num(x, digits=0):
    if x is None:
        return "—"
    return f"{x:,.{digits}f}"


def render(results: dict) -> str:
    out = []
    env = results["env"]
    out.append(f"Run of {env['date']}, repository at commit {env['commit']}{' (indexer/ with local changes)' if env['dirty'] else ''}; "
               f"{env['cpus']} cores ({env['cpu_model']}), {env['mem_gb']:.0f} GiB; load average at start {' '.join(env['load_start'])} (1/5/15 min); "
               f"duet-index from `{env['build']}`.\n")
    out.append("### Corpora\n")
    out.append("| size | docs | .txt files | .txt MB | .jsonl MB | en | cn (TitleCN/AbstractTextCN) | zh-title (+resultStr) "
               "| plain article | generated in |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for s in results["sizes"]:
        m = s["manifest"]
        k = m["kinds"]
        out.append(f"| {s['label']} | {m['docs']:,} | {m['txt_files']:,} in {m['txt_dirs']} dirs | {m['txt_bytes'] / 1e6:,.1f} "
                   f"| {m['jsonl_bytes'] / 1e6:,.1f} | {k.get('en', 0):,} | {k.get('cn', 0):,} | {k.get('zh-title', 0):,} "
                   f"| {k.get('article', 0):,} | {m['seconds']} s |")
    for s in results["sizes"]:
        out.append(f"\n### Indexing, {s['label']} records ({s['manifest']['txt_bytes'] / 1e6:,.1f} MB of .txt)\n")
        out.append("| engine | docs indexed | wall s | docs/s | MB/s | docs/CPU-s | CPU util | peak RSS MB | index MB "
                   "| index ÷ input | load 1-min before→after | other processes, cores | docs/s vs omindex |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        om = next((e for e in s["engines"] if e["engine"] == "omindex"), None)
        for e in s["engines"]:
            ratio = e["docs_per_s"] / om["docs_per_s"] if om and "convert .txt" not in e["engine"] else None
            idx = e["index_bytes"]
            out.append(
                f"| {e['engine']} | {fmt_num(e['docs_indexed'])} | {e['wall']:,.1f} | {e['docs_per_s']:,.0f} "
                f"| {e['mb_per_s']:,.2f} | {fmt_num(e['docs_per_cpu_s'])} | {e['cpu_util']:.2f} | {e['rss_mb']:,.0f} "
                f"| {fmt_num(idx / 1e6 if idx else None)} | {fmt_num(idx / s['manifest']['txt_bytes'] if idx else None, 2)} "
                f"| {e['load_before']:.2f}→{e['load_after']:.2f} | {e['others_cores']:.2f} "
                f"| {fmt_num(ratio, 2) + '×' if ratio else '—'} |")
        notes = [f"{e['engine']}: {e['note']}" for e in s["engines"] if e.get("note")]
        if notes:
            out.append("")
            out += [f"- {n}" for n in notes]
        c = s.get("ceiling")
        if c:
            icu, xa = c["icu"], c["xapian"]
            out.append(f"\n### Ceilings, {s['label']} records (one thread each, input in memory)\n")
            out.append("| measurement | input | time s (CPU s) | throughput |")
            out.append("|---|---|---|---|")
            for key, what in (("zh", "Chinese lines"), ("en", "English lines"), ("all", "all text")):
                i = icu[key]
                out.append(f"| ICU word BreakIterator, {what} | {i['bytes'] / 1e6:,.1f} MB, {i['words']:,} words "
                           f"| {i['seconds']:.2f} ({i['cpu_seconds']:.2f}) | **{i['mb_per_s']:.1f} MB/s** |")
            for key, what in (("positions", "with positions"), ("no_positions", "without positions"),
                              ("positions_replace_by_id", "with positions, by replace_document(Q id)")):
                a = xa.get(key)
                if not a:
                    continue
                out.append(f"| Xapian add_document {what} (glass, commit every 5000) | {a['docs']:,} docs, "
                           f"{xa['tokens']:,} tokens, {xa['vocabulary']:,} distinct; index "
                           f"{c['index_bytes'][key] / 1e6:,.0f} MB | {a['seconds']:.2f} ({a['cpu_seconds']:.2f}) "
                           f"| **{a['docs_per_s']:,.0f} docs/s** |")
            per_doc = (icu["all"]["cpu_seconds"] + xa["positions"]["cpu_seconds"]) / c["docs"]
            ceiling = 1 / per_doc if per_doc > 0 else None
            out.append(f"| ceiling per core: ICU (all) + Xapian with positions, CPU time | | "
                       f"{per_doc * c['docs']:.2f} | **{fmt_num(ceiling)} docs/CPU-s** |")
            for e in s["engines"]:
                if e["engine"].startswith("duet-index") and e["docs_per_cpu_s"] and ceiling:
                    out.append(f"| {e['engine']}: docs/CPU-s as a fraction of that ceiling | | | "
                               f"{e['docs_per_cpu_s']:,.0f} docs/CPU-s = **{e['docs_per_cpu_s'] / ceiling:.0%}** "
                               f"(wall: {e['docs_per_s']:,.0f} docs/s = {e['docs_per_s'] / ceiling:.0%}) |")
            lens = [f"{e['engine']} {e['avg_doclen']:,.0f}" for e in s["engines"] if e.get("avg_doclen")]
            lens.append(f"ceiling {c['avg_doclen']['positions']:,.0f}" if c["avg_doclen"]["positions"] else "")
            out.append(f"\nAverage document length (terms incl. repeats, xapian-delve): {', '.join(l for l in lens if l)}.")
        p = s.get("profile")
        if p and "groups" in p:
            out.append(f"\n### Where duet-index's CPU time goes, {s['label']} records (perf, {p['samples']:,} samples, "
                       f"all threads; a separate untimed run)\n")
            out.append("| stage (first matching frame of each sample's call chain) | share |")
            out.append("|---|---|")
            for label, cnt in p["groups"]:
                out.append(f"| {label} | {cnt / p['samples']:.0%} |")
            out.append("\nBy library (self time): " + ", ".join(f"{d} {pct:.0f}%" for pct, d in p["by_dso"] if pct >= 1))
        if s["problems"]:
            out.append("\n**Problems:**\n")
            out += [f"- {pr}" for pr in s["problems"]]
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description="Indexing throughput at scale: duet-index vs omindex vs SQLite FTS5.")
    ap.add_argument("--sizes", "--size", dest="sizes", default="10k,100k", help="comma-separated sizes (10k,100k,1m)")
    ap.add_argument("--build", type=Path, default=Path("build-rel"), help="build directory (relative to the repo)")
    ap.add_argument("--out", type=Path, default=Path("var/bench/scale"), help="work directory (relative to the repo)")
    ap.add_argument("--seed", type=int, default=20251121)
    ap.add_argument("--data", type=Path, default=None, help="shared data root (default $DUET_DATA_ROOT or ../shared/data)")
    ap.add_argument("--duet-threads", default="default,1",
                    help="duet-index runs: 'default' (its own default) and/or thread counts, comma-separated")
    ap.add_argument("--jsonl", action="store_true", help="also generate the .jsonl variant and index it with duet-index")
    ap.add_argument("--profile", default="first", help="size to profile duet-index at with perf: first, none, or a size")
    ap.add_argument("--keep", action="store_true", help="keep the indexes and the CSV (default: remove after measuring)")
    args = ap.parse_args()
    os.chdir(REPO)
    build = args.build if args.build.is_absolute() else REPO / args.build
    args.out = args.out if args.out.is_absolute() else REPO / args.out
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    args.duet_threads = [t.strip() for t in args.duet_threads.split(",") if t.strip()]
    args.profile_size = None if args.profile == "none" else (sizes[0] if args.profile == "first" else parse_size(args.profile))

    missing = []
    for binary in (build / "indexer" / "duet-index", build / "bench" / "indexing" / "bench_ceiling"):
        if not binary.exists():
            missing.append(str(binary))
    if missing:
        print("scale: missing " + ", ".join(missing) + "; build them with:\n"
              f"  cmake -S . -B {args.build} -G Ninja -DCMAKE_BUILD_TYPE=Release -DDUET_TESTS=OFF\n"
              f"  cmake --build {args.build} --target duet-index duet-search bench_ceiling", file=sys.stderr)
        return 2
    for tool, package in (("omindex", "xapian-omega"), ("sqlite3", "sqlite3"), ("xapian-delve", "xapian-tools")):
        if not shutil.which(tool):
            print(f"scale: {tool} not found; install it with: apt-get install -y {package}", file=sys.stderr)
            return 2
    if not os.access(TIME, os.X_OK):
        print("scale: /usr/bin/time not found; install it with: apt-get install -y time", file=sys.stderr)
        return 2
    # Disk: 5.3 KB of .txt (+3.7 KB .jsonl) and 2.5 KB of CSV per record; one engine's index at a time (up to
    # 3.6x the .txt), but bench_ceiling's three databases (4.6x) together.
    free = shutil.disk_usage(REPO).free
    need = max(sizes) * 5300 * 6.5
    if need > free:
        print(f"scale: {size_label(max(sizes))} needs about {need / 1e9:.0f} GB free, {free / 1e9:.0f} GB available",
              file=sys.stderr)
        return 2

    git = lambda *a: subprocess.run(["git", *a], capture_output=True, text=True, cwd=REPO).stdout.strip()
    results = {"env": {
        "date": time.strftime("%Y-%m-%d %H:%M"), "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no", "indexer")),
        "cpus": os.cpu_count(), "cpu_model": next((l.split(":", 1)[1].strip() for l in
                                                   Path("/proc/cpuinfo").read_text().splitlines()
                                                   if l.startswith("model name")), "?"), "mem_gb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30,
        "load_start": Path("/proc/loadavg").read_text().split()[:3], "build": str(args.build),
    }, "sizes": []}
    for n in sizes:
        run_size(n, args, build, results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    text = render(results)
    (args.out / "scale.md").write_text(text)
    print(text)
    return 1 if any(s["problems"] for s in results["sizes"]) else 0


if __name__ == "__main__":
    sys.exit(main())
