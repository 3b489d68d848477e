#!/usr/bin/env bash
# Measures duet-serve under load on loopback: indexes a corpus into a temporary directory, starts the
# server on a free port, runs duet-load for searches and for suggestions, stops the server.
# Usage: bench/load/run.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# Corpus: SciFact (English) + CSL (Chinese) from ../shared/data when present (about 10,000 records),
# else the bundled seed records. Installs nothing; for wrk: apt-get install wrk, then e.g.
#   wrk -t2 -c8 -d10s 'http://127.0.0.1:PORT/api/search?q=osteoarthritis'
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
seconds=${2:-10}
connections=${3:-4}
. bench/lib/serve.sh
require_binaries "$build" indexer/duet-index searcher/duet-serve bench/load/duet-load

work=$(mktemp -d "${TMPDIR:-/tmp}/duet-load.XXXXXX")
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sources=(tests/data/seeds)
shared=../shared/data
if [ -f "$shared/en/scifact/corpus.jsonl" ] && [ -d "$shared/zh/csl" ]; then
  sources=("$shared/en/scifact/corpus.jsonl" "$shared/zh/csl")
fi
echo "indexing ${sources[*]}"
"$build/indexer/duet-index" --db "$work/db" "${sources[@]}" 2>&1 | tail -1

start_duet_serve "$build" "$work/db" "$connections" "$work/serve.log"
echo "duet-serve on port $port, $connections threads; $(nproc) cores"
"$build/bench/load/duet-load" --port "$port" --threads "$connections" --seconds "$seconds" --endpoint search
"$build/bench/load/duet-load" --port "$port" --threads "$connections" --seconds "$seconds" --endpoint suggest
