#!/bin/sh
# Wrapper for running ipsreport from cron. Copy it next to your ipsreport.toml, adjust the two
# paths, and add the crontab line from examples/cron/crontab.
#
# cron mails whatever a job prints. ipsreport prints nothing when all went well, so a mail
# means someone should look: exit 1 lists the rows that could not be used (file, sheet, row,
# column, value, reason); other codes say what failed. The previous reports are always kept.
set -u
IPSREPORT=${IPSREPORT:-/usr/local/bin/ipsreport}
CONFIG_DIR=${CONFIG_DIR:-/srv/ips}

# The output folder, as set by 'out' in ipsreport.toml (relative to CONFIG_DIR).
OUT_DIR=${OUT_DIR:-rapporter}

cd "$CONFIG_DIR" || { echo "ipsreport-cron: cannot enter $CONFIG_DIR"; exit 2; }
stamp=$(mktemp) || exit 2
"$IPSREPORT" run --config ipsreport.toml
rc=$?
# What changed since the last run, one line per site ("Bodø: nye gjennomganger: 1 (...)"), when
# this run wrote the list and it is not empty; a night without changes sends no mail.
if [ "$OUT_DIR/changes.txt" -nt "$stamp" ] && [ -s "$OUT_DIR/changes.txt" ]; then
  echo "ipsreport: endringer siden forrige kjøring / changes since the last run:"
  cat "$OUT_DIR/changes.txt"
fi
rm -f "$stamp"
case $rc in
  0) ;;  # reports written (or nothing changed since the last run)
  1) echo "ipsreport: reports written, but some input rows were excluded or some reports could not be written (see run-summary.json)" ;;
  2) echo "ipsreport: the configuration in $CONFIG_DIR/ipsreport.toml is wrong" ;;
  3) echo "ipsreport: an input file could not be read; the previous reports are kept" ;;
  4) echo "ipsreport: the reports could not be written; the previous reports are kept" ;;
  5) echo "ipsreport: the previous run is still going; this run was skipped" ;;
  *) echo "ipsreport: stopped unexpectedly (exit $rc); the previous reports are kept" ;;
esac
exit $rc
