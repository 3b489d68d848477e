#!/usr/bin/env bash
# Sets up, builds, indexes the bundled sample records (the three seeds and samples/: 500 English abstracts,
# 453 Chinese papers) into var/index, searches them, then serves the search page on http://127.0.0.1:8080/
# until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh build
./build/indexer/duet-index --db var/index tests/data/seeds samples
for q in "间充质干细胞 类风湿关节炎" "PD-L1 exosomes psoriasis" "乳腺癌 他莫昔芬" "diabetic nephropathy"; do
  echo
  echo "\$ duet-search --db var/index \"$q\""
  ./build/searcher/duet-search --db var/index --limit 3 "$q"
done
echo
echo "Starting the search page: open http://127.0.0.1:8080/ in a browser (Ctrl-C stops it)."
exec ./build/searcher/duet-serve --db var/index --listen 127.0.0.1:8080
