#!/usr/bin/env bash
# Indexing at scale: generates seed-format corpora (bench/corpus/gen_corpus.py) and times duet-index, Xapian's
# omindex and SQLite FTS5 (trigram) on the same records, plus ICU/Xapian ceilings. See bench/SCALE.md.
#   bench/scale.sh                          # 10k and 100k records, build-rel
#   bench/scale.sh --sizes 10k --build build-bench
#   bench/scale.sh --size 1m                # about 5 GB of records; generated only when asked
# Other options: --jsonl, --duet-threads default,1, --profile first|none|SIZE, --keep, --out DIR, --seed N.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/indexing/compare.py "$@"
