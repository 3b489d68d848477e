#!/usr/bin/env bash
# Installs Duet's build and runtime dependencies from Debian 12 packages (the only source we use).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libxapian-dev xapian-tools          # the index (xapian-tools: xapian-compact, xapian-tcpsrv)
  libicu-dev                          # Unicode normalisation, Traditional->Simplified, word breaks
  python3-jieba                       # MIT Chinese word list (dict.txt) used by the segmenter
  libcpp-httplib-dev                  # duet-serve
  catch2                              # tests (v2)
  nlohmann-json3-dev libcli11-dev libfmt-dev
  chromium fonts-noto-cjk             # the browser test of the search page (Chinese glyphs need the font)
)
# Node runs the browser test (playwright-core); a node already on PATH (e.g. a newer one) is used as is.
if ! command -v node >/dev/null; then
  packages+=(nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
