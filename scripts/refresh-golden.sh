#!/usr/bin/env bash
# Refreshes the golden files of the example report set (tests/golden/example/) from the
# current source: builds ipsreport, renders the example twice (pinned date, locale, time zone;
# the two runs must be byte-identical), turns HTML, PDF (pdftotext -layout) and XLSX (each
# sheet's cells as displayed) into text and replaces tests/golden/example/ with it.
#
#   scripts/refresh-golden.sh [BUILD_DIR]     (default: build)
#
# Then review `git diff -- tests/golden` and commit it with the change that caused it.
# CTest `golden.example_report_set_matches` compares against these files.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target ipsreport >/dev/null
exec tests/golden/golden.sh refresh "$build/ipsreport"
