#!/usr/bin/env bash
# One database vs 4 local shards vs 2 remote shards (xapian-tcpsrv on loopback), same records, same queries:
# builds the three layouts, compares the top 100 of every query (ids, ranks, scores) and names any query that
# differs, then prints duet-serve's latency for each (bench/load/latency.sh's table, all query classes).
# Usage: bench/load/sharded.sh SOURCE [BUILD_DIR] [SECONDS]
#   bench/load/sharded.sh var/bench/scale/corpus-100k/txt build-rel 10
# Needs xapian-tcpsrv (apt-get install xapian-tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
source_dir=${1:?usage: bench/load/sharded.sh SOURCE [BUILD_DIR] [SECONDS]}
build=${2:-build-rel}
seconds=${3:-10}
. bench/lib/serve.sh
require_binaries "$build" indexer/duet-index searcher/duet-search searcher/duet-serve bench/load/duet-load
command -v xapian-tcpsrv >/dev/null || { echo "$0: xapian-tcpsrv missing: apt-get install xapian-tools" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/duet-sharded.XXXXXX")
tcpsrv=()
cleanup() {
  # Each server runs in its own process group (setsid), which also holds the children it forks per
  # connection. SIGKILL, because such a child of xapian-tcpsrv 1.4.22 was seen to hang in its SIGTERM handler.
  for pid in "${tcpsrv[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for layout in one:1 four:4 two:2; do
  name=${layout%%:*}
  shards=${layout##*:}
  echo "indexing $source_dir into $shards shard(s)"
  "$build/indexer/duet-index" --db "$work/$name" --shards "$shards" "$source_dir" 2>&1 | tail -1
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
: > "$work/remote"
for k in 0 1; do
  p=$(free_port)
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p" "$work/two.gens/000001/shard-$k" &
  tcpsrv+=($!)
  echo "remote 127.0.0.1:$p" >> "$work/remote"
done
sleep 1

cat > "$work/queries.tsv" <<'EOF'
1	osteoarthritis
2	mesenchymal stem cells
3	breast cancer
4	gut microbiota insulin resistance
5	"tumor necrosis factor"
6	间充质干细胞
7	类风湿关节炎
8	糖尿病患者血糖控制
9	MSC 间充质干细胞 therapy
10	Vitamin D supplementation reduces the risk of fractures in elderly women
EOF
for name in one four remote; do
  db="$work/$name"
  "$build/searcher/duet-search" --db "$db" --run "$work/queries.tsv" --depth 100 > "$work/$name.run"
done
# Equal means every query's top 100 has the same ids, ranks and scores (to 6 decimals) in both layouts.
for name in four remote; do
  differ=$(python3 - "$work/one.run" "$work/$name.run" <<'PY'
import sys
from collections import defaultdict
def load(path):
    runs = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        q, _, doc, rank, score, _ = line.split()
        runs[q].append((doc, rank, score))
    return runs
a, b = load(sys.argv[1]), load(sys.argv[2])
print(" ".join(q for q in sorted(set(a) | set(b), key=int) if a.get(q) != b.get(q)))
PY
)
  total=$(cut -f1 "$work/queries.tsv" | wc -l)
  if [ -z "$differ" ]; then
    echo "results: $name equals one database on all $total queries (top 100: ids, ranks and scores)"
  else
    echo "results: $name differs from one database on queries: $differ (of $total); the rest are equal"
  fi
done

for name in one four remote; do
  echo
  echo "### $name"
  bench/load/latency.sh "$work/$name" "$build" "$seconds" | tail -n +2
done
