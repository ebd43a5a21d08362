#!/bin/sh
# Renders the example's XLSX reports and reads them back with openpyxl (check_example_xlsx.py):
# charts and their series, formulas with cached values, cell types, sheet names.
# Usage: run-check.sh IPSREPORT_BINARY SOURCE_DIR. Exit 77 (a CTest skip) without openpyxl.
set -eu
bin="$1"; src="$2"
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || { echo "SKIP: /usr/bin/python3 has no openpyxl"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rc=0
"$bin" run "$src/examples/ips-eksempel.xlsx" --out "$out/reports" --formats xlsx --force >/dev/null 2>&1 || rc=$?
[ "$rc" -le 1 ] || { echo "rendering the example failed (exit $rc)"; exit 1; }
/usr/bin/python3 "$src/tests/xlsx/check_example_xlsx.py" "$out/reports"
