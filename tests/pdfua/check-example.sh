#!/usr/bin/env bash
# Renders the example report set as PDF in Norwegian and in English and runs the PDF/UA-1
# checker over every file. Usage: check-example.sh IPSREPORT PDFUA_CHECK SOURCE_DIR
set -uo pipefail
ipsreport=$1 check=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in nb en; do
  "$ipsreport" run "$src/examples/ips-eksempel.xlsx" --out "$work/$lang" --lang "$lang" \
    --formats pdf >"$work/$lang.log" 2>&1
  rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "ipsreport failed ($rc):"; cat "$work/$lang.log"; exit 1
  fi
done
mapfile -t pdfs < <(find "$work/nb" "$work/en" -name '*.pdf' | sort)
if [ "${#pdfs[@]}" -ne 26 ]; then
  echo "expected 26 PDFs (13 per language), found ${#pdfs[@]}"; exit 1
fi
"$check" "${pdfs[@]}"
