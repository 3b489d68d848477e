#!/usr/bin/env bash
# Re-indexing while duet-serve answers: a load generator searches on loopback while a few thousand records
# change (incremental run) and then a full rebuild is switched in. Prints requests, failures, latency before
# and during, and how long new records take to become searchable after the indexer returns.
# Usage: bench/reindex_under_load.sh [BUILD_DIR] [CONNECTIONS]     (needs ../shared/data/en/scifact)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
connections=${2:-4}
corpus=../shared/data/en/scifact/corpus.jsonl
[ -f "$corpus" ] || { echo "reindex_under_load.sh: $corpus not found" >&2; exit 2; }
. bench/lib/serve.sh
require_binaries "$build" indexer/duet-index searcher/duet-serve bench/load/duet-load
work=$(mktemp -d "${TMPDIR:-/tmp}/duet-reindex.XXXXXX")
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# SciFact split into 10 files of ~520 records, so a change touches whole files as a real feed would.
mkdir -p "$work/src"
split -n l/10 -d --additional-suffix=.jsonl "$corpus" "$work/src/part-"
"$build/indexer/duet-index" --db "$work/db" "$work/src" 2>&1 | tail -1

start_duet_serve "$build" "$work/db" "$connections" "$work/serve.log"
load() { "$build/bench/load/duet-load" --port "$port" --threads "$connections" --seconds "$1" --endpoint search; }
now() { date +%s.%N; }
searchable_after() {  # seconds from $1 until a search for $2 finds something
  local start=$1 token=$2
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/api/search?q=$token" | grep -q '"total":[1-9]'; then
      awk "BEGIN{printf \"%.3f\", $(now) - $start}"; return
    fi
    sleep 0.01
  done
  echo "never"
}

echo "== before: no indexing"
load 10 | sed 's/^/   /'

echo "== during: 3 files changed (~1,560 records) + 1 new file, incremental run; then a full rebuild switched in"
load 40 > "$work/during.txt" &
loader=$!
sleep 3
for f in "$work"/src/part-0[0-2].jsonl; do sed -i 's/"title": "/"title": "reindexmarker /' "$f"; done
echo '{"_id":"fresh-1","title":"freshlyaddedrecord zebrafish","text":"new today"}' > "$work/src/new.jsonl"
t0=$(now)
"$build/indexer/duet-index" --db "$work/db" "$work/src" 2>&1 | tail -1 | sed 's/^/   /'
t1=$(now)
echo "   incremental run: $(awk "BEGIN{printf \"%.2f\", $t1 - $t0}") s; new record searchable $(searchable_after "$t1" freshlyaddedrecord) s after it returned"
sleep 3
t2=$(now)
"$build/indexer/duet-index" --db "$work/db" --rebuild "$work/src" 2>&1 | tail -1 | sed 's/^/   /'
t3=$(now)
echo "$(echo '{"_id":"fresh-2","title":"afterrebuildrecord","text":"x"}')" > "$work/src/new2.jsonl"
"$build/indexer/duet-index" --db "$work/db" "$work/src" >/dev/null 2>&1
t4=$(now)
echo "   full rebuild + switch: $(awk "BEGIN{printf \"%.2f\", $t3 - $t2}") s; a record added after it searchable $(searchable_after "$t4" afterrebuildrecord) s after its run returned"
wait "$loader" || true
sed 's/^/   /' "$work/during.txt"
grep -c ' 500 \| 503 ' "$work/serve.log" | sed 's/^/   server log lines with 500\/503: /' || true
