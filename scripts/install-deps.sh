#!/usr/bin/env bash
# Installs the Debian 12 packages ipsreport needs to build, run and test. Idempotent.
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config
  # libraries
  liborcus-dev libboost-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev libfontconfig-dev
  libtomlplusplus-dev libcli11-dev libkainjow-mustache-dev
  # tests: Catch2, PDF inspection, XLSX/ODS round trips
  catch2 poppler-utils libreoffice-calc-nogui
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
