#!/bin/sh
# Search quality of Duet against plain Xapian on every evaluation set present; see bench/quality.py --help.
exec python3 "$(dirname "$0")/quality.py" "$@"
