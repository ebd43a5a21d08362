#!/usr/bin/env bash
# The golden files of the example report set: render the example, turn every file into text
# (report_text.py) and compare it with tests/golden/example/, or replace that folder.
#
#   tests/golden/golden.sh check   IPSREPORT_BINARY   (CTest golden.example_report_set_matches)
#   tests/golden/golden.sh refresh IPSREPORT_BINARY   (scripts/refresh-golden.sh calls this)
#
# The run is pinned so that it is the same on every machine and every day: the example
# workbook, the source tree's config defaults, IPS_TODAY and SOURCE_DATE_EPOCH (the run date
# and the documents' dates), TZ and the C locale. The example is rendered twice; the two
# folders must be byte-identical, or the outputs are not deterministic and nothing is
# compared or written. A difference is printed as a unified diff (diff -ruN).
set -euo pipefail

mode=${1:-}
binary=${2:-}
if [[ "$mode" != check && "$mode" != refresh || -z "$binary" ]]; then
  echo "usage: $0 check|refresh IPSREPORT_BINARY" >&2
  exit 2
fi
binary=$(realpath "$binary")
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
golden="$here/example"
python=/usr/bin/python3  # Debian's, with openpyxl (the python3 on PATH may lack it)

work=$(mktemp -d "${TMPDIR:-/tmp}/ipsreport-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT

render() {
  # Exit 1 is expected: the example holds one input warning on purpose.
  local rc=0
  (cd "$src" && env -i PATH="$PATH" HOME="$work" TZ=UTC LC_ALL=C.UTF-8 \
      IPS_TODAY=2017-01-15 SOURCE_DATE_EPOCH=1484438400 \
      "$binary" run examples/ips-eksempel.xlsx --out "$1" --jobs 2 >"$1.log" 2>&1) || rc=$?
  if [[ $rc -ne 0 && $rc -ne 1 ]]; then
    echo "golden: rendering the example failed (exit $rc):" >&2
    cat "$1.log" >&2
    exit 1
  fi
}

render "$work/run1"
render "$work/run2"
if ! diff -r "$work/run1" "$work/run2" >"$work/nondeterministic" 2>&1; then
  echo "golden: two runs of the example differ, so the outputs are not deterministic:" >&2
  cat "$work/nondeterministic" >&2
  exit 1
fi

"$python" "$here/report_text.py" "$work/run1" "$work/text"

if [[ "$mode" == refresh ]]; then
  rm -rf "$golden"
  cp -r "$work/text" "$golden"
  echo "golden: tests/golden/example/ refreshed ($(find "$golden" -type f | wc -l) files);" \
    "review with: git diff --stat -- tests/golden && git diff -- tests/golden"
  exit 0
fi

if [[ ! -d "$golden" ]]; then
  echo "golden: no golden files yet; run scripts/refresh-golden.sh" >&2
  exit 1
fi
if (cd "$work" && diff -ruN "$golden" text >"$work/golden.diff"); then
  echo "golden: the example report set matches tests/golden/example/" \
    "($(find "$golden" -type f | wc -l) files)"
  exit 0
fi
echo "golden: the example report set differs from tests/golden/example/ (- golden, + now)."
echo "If the change is intended, run scripts/refresh-golden.sh and commit tests/golden/."
echo
cat "$work/golden.diff"
exit 1
