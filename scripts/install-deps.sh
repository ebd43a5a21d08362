#!/usr/bin/env bash
# Installs the Debian 12 packages ipsreport needs to build, run and test. Idempotent.
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  # libraries
  liborcus-dev libboost-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev libfontconfig-dev
  libtomlplusplus-dev libcli11-dev libkainjow-mustache-dev libzip-dev
  # PDF/UA-1 post-processing of the PDF (language, XMP, alt text) and its checker
  libqpdf-dev
  # Markdown of the project leader's texts (ingest/markdown_text.h)
  libcmark-dev
  # tests: Catch2, PDF inspection, XLSX/ODS round trips, unzip for XLSX parts, Chromium for the
  # accessibility check
  catch2 poppler-utils libreoffice-calc-nogui unzip chromium
  # tests: the golden files read each XLSX cell and its number format (tests/golden/report_text.py)
  python3-openpyxl
  # tests: strace watches publishing make each file durable (publish_durability_test.cc)
  strace
  # tests: the qpdf command uncompresses PDFs so tests can read their objects (pdf_renderer_test.cc)
  qpdf
  # liborcus-dev only recommends libixion-dev, yet liborcus-0.17.pc requires it
  libixion-dev
  # the template round trip (tests/fixtures/template/*.py) and the dependency guard
  python3
  # scripts/check-format.sh (a CTest test)
  clang-format-14
)
# Node.js runs axe-core; many machines already have it from elsewhere (then npm comes with it).
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
else
  echo "install-deps: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# axe-core and playwright-core (which drives Debian's Chromium; it downloads no browser),
# pinned by tests/a11y/package-lock.json.
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -d "$here/tests/a11y/node_modules/axe-core" ]; then
  (cd "$here/tests/a11y" && npm ci --no-audit --no-fund --loglevel=error)
fi
