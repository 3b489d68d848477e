#!/usr/bin/env bash
# Sets up, builds and runs every test: once optimised, once under ASan+UBSan, warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# The browser test runs in CI: a missing node or Chromium must fail it, not skip it.
export DUET_REQUIRE_BROWSER=1
# Remote shards are tested against two xapian-tcpsrv on loopback (xapian-tools, installed by setup.sh).
export DUET_REQUIRE_REMOTE=1
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
./scripts/build.sh build -DDUET_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
./scripts/build.sh build-asan -DDUET_WERROR=ON -DDUET_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
