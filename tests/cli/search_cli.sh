#!/usr/bin/env bash
# duet-search's command line: query words may start with - (exclusions) anywhere among the options, in the order
# typed, and an unknown long option is an error, not a word to search for.
# Usage: search_cli.sh DUET_INDEX DUET_SEARCH SEEDS_DIR
set -uo pipefail
index=$1 search=$2 seeds=$3
dir=$(mktemp -d "${TMPDIR:-/tmp}/duet-cli.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$index" --db "$dir/db" "$seeds" >/dev/null 2>&1 || fail "duet-index could not index $seeds"

out=$("$search" --db "$dir/db" --limit 5 mesenchymal -rheumatoid --json 2>&1) || fail "exclusion after a word: $out"
grep -q '"query": "mesenchymal -rheumatoid"' <<<"$out" || fail "query not read in typed order: $out"
grep -q '"10.1080/03008207.2025.2536148"' <<<"$out" || fail "the osteoarthritis review is missing: $out"
grep -q '"10.1186/s13287-025-04495-z"' <<<"$out" && fail "the rheumatoid arthritis review was not excluded: $out"

out=$("$search" --db "$dir/db" -rheumatoid --limit 5 mesenchymal --json 2>&1) || fail "exclusion first: $out"
grep -q '"query": "-rheumatoid mesenchymal"' <<<"$out" || fail "leading exclusion not read: $out"

out=$("$search" --db "$dir/db" --json -- mesenchymal -rheumatoid 2>&1) || fail "-- before the query: $out"
grep -q '"query": "mesenchymal -rheumatoid"' <<<"$out" || fail "-- was taken for a query word: $out"

out=$("$search" --db "$dir/db" --limt 3 knee 2>&1)
[ $? -eq 2 ] || fail "an unknown long option did not exit 2: $out"
grep -q "unknown option --limt" <<<"$out" || fail "no clear message for an unknown option: $out"
echo "ok"
