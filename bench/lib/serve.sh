# Shell helpers shared by the benchmarks that drive duet-serve (source this file).

# start_duet_serve BUILD DB THREADS LOG: starts duet-serve on a free loopback port in the background and
# sets $server (its pid) and $port; exits the script with the log if it does not come up. $DUET_SERVE_ARGS adds
# options (--data DIR: another term list or stopword list, for an A/B run on one build).
start_duet_serve() {
  local build=$1 db=$2 threads=$3 log=$4
  # shellcheck disable=SC2086  # several options, split on spaces
  "$build/searcher/duet-serve" --db "$db" --listen 127.0.0.1:0 --threads "$threads" ${DUET_SERVE_ARGS:-} 2>"$log" &
  server=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  cat "$log" >&2
  exit 1
}

# warm_page_cache DB: reads the index's files (a stub's local shards too) once, so a search measures the
# engine and not the disk, as on a server that has been answering for a while. Some machines reclaim idle page
# cache within seconds (this one does: DAMON), which otherwise makes the first rows of a run look slow.
warm_page_cache() {
  local db=$1 dir
  dir=$(readlink -f "$db")
  if [ -f "$dir" ] && [ -d "$dir.gens" ]; then
    dir="$dir.gens"  # a stub duet-index wrote: its generations (not the corpora that may sit beside it)
  elif [ -f "$dir" ]; then
    dir=$(dirname "$dir")  # a hand-written stub: its shards sit beside it
  fi
  [ -d "$dir.gens" ] && dir="$dir $dir.gens"
  find $dir -type f -size +0 -exec cat {} + >/dev/null 2>&1 || true
}

# require_binaries BUILD NAME...: exits with the build command when one of the binaries is missing.
require_binaries() {
  local build=$1 bin
  shift
  for bin in "$@"; do
    [ -x "$build/$bin" ] || { echo "$0: $build/$bin missing: build first (./scripts/build.sh $build)" >&2; exit 2; }
  done
}
