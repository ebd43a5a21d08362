#!/usr/bin/env bash
# The exit codes are one contract stated in three places: `ipsreport --help` (printed from
# generator/cli/exit_codes.h), README.md ("### Exit codes") and docs/ipsreport.1 (EXIT STATUS).
# Checks that all three list the same codes with the same meaning, in the same order
# (compared without case, markup, and a closing full stop).
# Usage: exit_codes_agree.sh IPSREPORT_BINARY SOURCE_DIR
set -euo pipefail
ips="$1"
src="$2"

# "N meaning" per line, lower case, without backticks, roff escapes or a final full stop.
normalise() { sed -e 's/`//g' -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\.$//' -e 's/  */ /g' | tr '[:upper:]' '[:lower:]'; }

help="$("$ips" --help | sed -n '/^Exit codes:/,$p' | sed -n 's/^  \([0-9][0-9]*\)  \(.*\)$/\1 \2/p' | normalise)"
readme="$(sed -n '/^### Exit codes/,/^##/p' "$src/README.md" | sed -n 's/^| *\([0-9][0-9]*\) *| *\(.*[^ ]\) *|$/\1 \2/p' | normalise)"
man="$(awk '/^\.SH EXIT STATUS/ { on = 1; next } /^\.SH/ { on = 0 }
            on && /^\.B [0-9]+$/ { code = $2; getline; print code " " $0 }' "$src/docs/ipsreport.1" | normalise)"

status=0
[ -n "$help" ] || { echo "ipsreport --help lists no exit codes"; status=1; }
for other in readme man; do
  if [ "${!other}" != "$help" ]; then
    echo "exit codes in $other differ from ipsreport --help (< --help, > $other):"
    diff <(printf '%s\n' "$help") <(printf '%s\n' "${!other}") || true
    status=1
  fi
done
[ "$status" -ne 0 ] || echo "$(printf '%s\n' "$help" | wc -l) exit codes, the same in --help, README.md and docs/ipsreport.1"
exit "$status"
