#!/bin/sh
# Renders the example reports and measures every HTML page in Chromium at 1280, 390 and 320 px
# (reflow_check.js: page and table widths, scroll cues, period labels, chart text sizes), twice:
# with the fonts the system has, and with Lato added, the font the reports ask for first (many
# readers have it: Debian's fonts-lato comes with much else), whose widths differ from the
# substitutes' (a missing bar's dash, set as text, ran into the bars beside it only in Lato).
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
failed=0
echo "== with the system's fonts"
node "$here/reflow_check.js" "$out/reports" || failed=1
echo "== with Lato added (the bundled copy, for this run only)"
cat > "$out/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$src/fonts</dir>
  <cachedir>$out/fontconfig-cache</cachedir>
</fontconfig>
CONF
FONTCONFIG_FILE="$out/fonts.conf" node "$here/reflow_check.js" "$out/reports" || failed=1
exit "$failed"
