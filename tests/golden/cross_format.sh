#!/usr/bin/env bash
# Renders the example (pinned as golden.sh does) and checks with cross_format_check.py that
# every figure reads the same in HTML, PDF and XLSX.   cross_format.sh IPSREPORT_BINARY
set -euo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ipsreport-cross-format.XXXXXX")
trap 'rm -rf "$work"' EXIT
rc=0
(cd "$here/../.." && env TZ=UTC LC_ALL=C.UTF-8 IPS_TODAY=2017-01-15 SOURCE_DATE_EPOCH=1484438400 \
  "$binary" run examples/ips-eksempel.xlsx --out "$work/out" >"$work/log" 2>&1) || rc=$?
if [[ $rc -ne 0 && $rc -ne 1 ]]; then cat "$work/log" >&2; exit 1; fi
exec /usr/bin/python3 "$here/cross_format_check.py" "$work/out"
