#!/usr/bin/env bash
# Runs the browser test (page.test.mjs). Without node, Chromium or the npm packages it is skipped (exit 77)
# unless DUET_REQUIRE_BROWSER is set, as CI does: there a missing piece is a failure.
# Usage: run.sh DUET_INDEX DUET_SERVE SEEDS_DIR WEB_DIR SCREENSHOT_PNG
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
missing=""
command -v node >/dev/null || missing="node"
[ -x "$chromium" ] || missing="${missing:+$missing, }chromium ($chromium)"
[ -d "$here/node_modules/playwright-core" ] || missing="${missing:+$missing, }playwright-core (run: npm ci in tests/browser)"
if [ -n "$missing" ]; then
  if [ -n "${DUET_REQUIRE_BROWSER:-}" ]; then
    echo "browser test: missing $missing, and DUET_REQUIRE_BROWSER is set" >&2
    exit 1
  fi
  echo "browser test skipped: missing $missing (apt-get install chromium fonts-noto-cjk nodejs npm)" >&2
  exit 77
fi
cd "$here"
exec node page.test.mjs "$@"
