#!/usr/bin/env bash
# Query latency of duet-serve on an existing index, per query class: one connection per class (server time
# with snippets and facets, nothing queued), then the whole mix on 4 connections (throughput). Prints a table.
# Usage: bench/load/latency.sh DB [BUILD_DIR] [SECONDS]
#   bench/load/latency.sh var/bench/scale/index-1m build-rel 20
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:?usage: bench/load/latency.sh DB [BUILD_DIR] [SECONDS]}
build=${2:-build-rel}
seconds=${3:-10}
. bench/lib/serve.sh
require_binaries "$build" searcher/duet-serve bench/load/duet-load
log=$(mktemp "${TMPDIR:-/tmp}/duet-latency.XXXXXX")
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
warm_page_cache "$db"
start_duet_serve "$build" "$db" 4 "$log"
echo "duet-serve on $db, port $port, $(nproc) cores, ${seconds}s per row"
echo
echo "| queries | connections | req/s | p50 ms | p95 ms | p99 ms | max ms | failed |"
echo "|---|---|---|---|---|---|---|---|"
row() {
  local class=$1 connections=$2 out
  out=$("$build/bench/load/duet-load" --port "$port" --threads "$connections" --seconds "$seconds" --class "$class")
  python3 - "$class" "$connections" "$out" <<'PY'
import re, sys
cls, conns, out = sys.argv[1], sys.argv[2], sys.argv[3]
rate = re.search(r"([\d.]+) req/s, (\d+) failed", out)
lat = re.search(r"p50 ([\d.]+)\s+p95 ([\d.]+)\s+p99 ([\d.]+)\s+max ([\d.]+)", out)
print(f"| {cls} | {conns} | {float(rate.group(1)):,.0f} | {lat.group(1)} | {lat.group(2)} | {lat.group(3)} | {lat.group(4)} | {rate.group(2)} |")
PY
}
for class in short-en short-zh mixed phrase long; do row "$class" 1; done
row all 4
