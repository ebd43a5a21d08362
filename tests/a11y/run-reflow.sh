#!/bin/sh
# Renders the example reports and measures every HTML page in Chromium at 1280, 390 and 320 px
# (reflow_check.js: page and table widths, scroll cues, period labels, chart text sizes).
# Usage: run-reflow.sh IPSREPORT_BINARY SOURCE_DIR. Exit 77 (a CTest skip) when Chromium or
# Node is missing; scripts/install-deps.sh installs both.
set -eu
bin="$1"; src="$2"
here="$src/tests/a11y"
command -v node >/dev/null 2>&1 || { echo "SKIP: node not found (scripts/install-deps.sh installs it)"; exit 77; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null) || { echo "SKIP: npm ci failed"; exit 77; }
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rc=0
"$bin" run "$src/examples/ips-eksempel.xlsx" --out "$out/reports" --force >/dev/null 2>&1 || rc=$?
[ "$rc" -le 1 ] || { echo "rendering the example failed (exit $rc)"; exit 1; }
node "$here/reflow_check.js" "$out/reports"
