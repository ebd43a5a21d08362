#!/usr/bin/env bash
# The disclosure-control stage at 500 sites (issue 14: under 1 s of CPU): generates the bench
# input once (CSV, the same data as run-bench.sh's 500-site step) and times the stage with
# ipsreport-bench-disclosure, which reads the files and then times the outcome index and every
# half-year's decision without rendering. See bench/README.md, "Disclosure stage".
#
# Usage: bench/disclosure-bench.sh [BUILD_DIR]   (default: build/ in the repository)
# Settings: SITES=500, PER_SITE=400, HALF_YEARS=20, SEED=1, REPEAT=5,
#           WORK=/tmp/ipsreport-bench (input kept in WORK/disclosure-N/ for the next run)
set -eu

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
sites="${SITES:-500}"
per_site="${PER_SITE:-400}"
half_years="${HALF_YEARS:-20}"
seed="${SEED:-1}"
input="${WORK:-/tmp/ipsreport-bench}/disclosure-$sites"

for tool in ipsreport-generate ipsreport-bench-disclosure; do
  [[ -x "$build/bench/$tool" ]] || {
    echo "disclosure-bench: no $build/bench/$tool (cmake --build $build --target $tool)" >&2
    exit 1
  }
done
if [[ ! -s "$input/deltakere.csv" ]]; then
  mkdir -p "$input"
  "$build/bench/ipsreport-generate" --sites "$sites" --half-years "$half_years" \
    --participants $((sites * per_site)) --seed "$seed" --format csv --out "$input" >&2
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/ipsreport-bench-disclosure" --repeat "${REPEAT:-5}" "$input"/*.csv
