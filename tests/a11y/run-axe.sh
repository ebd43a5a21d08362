#!/bin/sh
# Renders the example reports and checks every HTML page with axe-core in Chromium.
# Usage: run-axe.sh IPSREPORT_BINARY SOURCE_DIR. Exit 77 (a CTest skip) when Chromium or Node
# is missing; scripts/install-deps.sh installs both.
set -eu
bin="$1"; src="$2"
here="$src/tests/a11y"
command -v node >/dev/null 2>&1 || { echo "SKIP: node not found (scripts/install-deps.sh installs it)"; exit 77; }
if [ ! -d "$here/node_modules/axe-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null) || { echo "SKIP: npm ci failed"; exit 77; }
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rc=0
"$bin" run "$src/examples/ips-eksempel.xlsx" --out "$out/reports" --force >/dev/null 2>&1 || rc=$?
[ "$rc" -le 1 ] || { echo "rendering the example failed (exit $rc)"; exit 1; }
node "$here/axe_check.js" "$out/reports"
