#!/usr/bin/env bash
# Benchmark ladder for ipsreport: generates synthetic exports of growing size with
# ipsreport-generate and runs `ipsreport run FILE --out DIR --timings` on each, then prints one
# Markdown table row per size (generation time, input size, wall/CPU time, peak memory,
# ingest speed). See bench/README.md.
#
# Usage: bench/run-bench.sh [BUILD_DIR]        (default: build/ in the repository)
# Settings (environment):
#   SIZES="25 100 250 500 1000" sites per step
#   PER_SITE=400                participants per site (500 sites → 200 000 participants)
#   HALF_YEARS=20               review rounds (one review per site per half-year)
#   FORMAT=xlsx                 xlsx (one workbook), split (one workbook per table) or csv
#   SEED=1                      generator seed
#   WORK=/tmp/ipsreport-bench   scratch folder for inputs, outputs and logs (kept for reading)
#   IPSREPORT_ARGS=""           extra arguments for `ipsreport run`
#   REPEAT=3                    runs of ipsreport per step; the row shows the run of median
#                               wall time, with the fastest and slowest wall time beside it
set -u

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
generator="$build/bench/ipsreport-generate"
ipsreport="$build/ipsreport"
sizes="${SIZES:-25 100 250 500 1000}"
per_site="${PER_SITE:-400}"
half_years="${HALF_YEARS:-20}"
format="${FORMAT:-xlsx}"
seed="${SEED:-1}"
work="${WORK:-/tmp/ipsreport-bench}"
repeat="${REPEAT:-3}"

die() { echo "run-bench: $*" >&2; exit 1; }

[[ -x "$generator" ]] || die "no generator at $generator (build with: cmake --build $build --target ipsreport-generate)"
[[ -x "$ipsreport" ]] || echo "run-bench: no ipsreport at $ipsreport; only generation is measured" >&2
case "$format" in xlsx|split|csv) ;; *) die "FORMAT must be xlsx, split or csv, not '$format'" ;; esac
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive whole number, not '$repeat'"

# GNU time gives peak memory; install it when missing and allowed, else say so.
gnu_time=/usr/bin/time
if ! "$gnu_time" -v true >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "run-bench: installing GNU time (package 'time')" >&2
    apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time) >/dev/null 2>&1
  fi
  "$gnu_time" -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time) is missing: apt-get install time"
fi

# Field from a `time -v` report: elapsed wall seconds, CPU seconds (user+system), peak MB.
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
cpu_seconds() {
  awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$1"
}
peak_mb() {
  awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"
}

# PDF pages and pages per CPU-second from ipsreport's --timings line
# "timing pdf pages: N (X pages per CPU second of pdf)", as two table cells.
pdf_pages() {
  local line
  line=$(grep -m1 'timing pdf pages' "$1" 2>/dev/null) || { echo "– | –"; return; }
  awk -v line="$line" 'BEGIN {
      n = line; sub(/.*pages: */, "", n); sub(/ .*/, "", n)
      r = line; sub(/.*\(/, "", r); sub(/ .*/, "", r)
      printf "%s | %.0f\n", n, r }'
}

# Ingest speed from ipsreport's --timings output: a line mentioning "ingest" that gives MB/s
# directly, or a duration (ms or s) from which MB/s is computed with the input size.
ingest_mb_per_s() {
  local log="$1" input_bytes="$2" line
  line=$(grep -i -m1 'ingest' "$log" 2>/dev/null) || { echo "–"; return; }
  awk -v line="$line" -v bytes="$input_bytes" 'BEGIN {
      if (match(line, /[0-9]+([.,][0-9]+)? *MB\/s/)) {
        v = substr(line, RSTART, RLENGTH); gsub(/ *MB\/s/, "", v); gsub(",", ".", v); printf "%.1f\n", v; exit }
      if (match(line, /[0-9]+([.,][0-9]+)? *ms/)) {
        v = substr(line, RSTART, RLENGTH); gsub(/ *ms/, "", v); gsub(",", ".", v); sec = v / 1000 }
      else if (match(line, /[0-9]+([.,][0-9]+)? *s([^a-z]|$)/)) {
        v = substr(line, RSTART, RLENGTH); sub(/ *s.*/, "", v); gsub(",", ".", v); sec = v }
      if (sec > 0) printf "%.1f\n", bytes / 1e6 / sec; else print "–" }'
}

# CPU seconds of one stage from --timings ("timing ingest: … s (…), cpu 1.23 s"), or "–".
stage_cpu() {
  local line
  line=$(grep -m1 "^timing $2:" "$1" 2>/dev/null) || { echo "–"; return; }
  awk -v line="$line" 'BEGIN { if (match(line, /cpu [0-9.]+ s/)) {
      v = substr(line, RSTART + 4, RLENGTH - 6); printf "%.2f\n", v } else print "–" }'
}

# Renderer CPU split from "timing cpu (all threads): build A s, html B s, pdf C s, xlsx D s",
# as "html / pdf / xlsx".
render_split() {
  local line
  line=$(grep -m1 '^timing cpu (all threads)' "$1" 2>/dev/null) || { echo "–"; return; }
  awk -v line="$line" 'BEGIN {
      split("html pdf xlsx", names, " "); out = ""
      for (i = 1; i <= 3; i++) {
        v = line; sub(".*" names[i] " ", "", v); sub(/ s.*/, "", v)
        out = out (i > 1 ? " / " : "") sprintf("%.1f", v) }
      print out }'
}

mkdir -p "$work" || die "cannot create $work"
echo "ipsreport benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPU, format $format," \
     "$half_years half-years, $per_site participants per site, seed $seed, median of $repeat runs"
echo "build: $build"
echo
echo "Wall times depend on what else the machine runs (load average per step in the last column);"
echo "CPU times (user + system, all threads and child processes) do much less."
echo
echo "| Sites | Participants | Item rows | Input (MB) | Generate (s) | Generate peak (MB) | ipsreport wall (s), median (range) | ipsreport CPU (s) | ipsreport peak (MB) | Ingest (MB/s) | Ingest CPU (s) | Render CPU html / pdf / xlsx (s) | PDF pages | PDF pages per CPU-s | Status | Load |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"

failures=()
for sites in $sizes; do
  participants=$((sites * per_site))
  step="$work/sites-$sites"
  rm -rf "$step"
  mkdir -p "$step/input" "$step/out"

  gen_args=(--sites "$sites" --half-years "$half_years" --participants "$participants"
            --seed "$seed" --out "$step/input")
  case "$format" in
    xlsx) gen_args+=(--format xlsx) ;;
    split) gen_args+=(--format xlsx --split) ;;
    csv) gen_args+=(--format csv) ;;
  esac
  if ! "$gnu_time" -v -o "$step/generate.time" "$generator" "${gen_args[@]}" \
       >"$step/generate.log" 2>&1; then
    echo "| $sites | $participants | | | | | | | | | generator failed (see $step/generate.log) |"
    failures+=("$sites: generator failed: $(tail -n 3 "$step/generate.log" | tr '\n' ' ')")
    continue
  fi
  input_bytes=$(du -cb "$step"/input/* | awk 'END {print $1}')
  input_mb=$(awk -v b="$input_bytes" 'BEGIN {printf "%.1f", b / 1e6}')
  item_rows=$((sites * half_years * 37))
  gen_wall=$(wall_seconds "$step/generate.time")
  gen_peak=$(peak_mb "$step/generate.time")

  if [[ ! -x "$ipsreport" ]]; then
    echo "| $sites | $participants | $item_rows | $input_mb | $gen_wall | $gen_peak | | | | – | no ipsreport |"
    continue
  fi
  case "$format" in
    xlsx) inputs=("$step/input/ips-export.xlsx") ;;
    *) inputs=("$step"/input/*) ;;
  esac
  load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "–")
  # Each run starts from an empty output folder: a second run into the same folder would find
  # nothing changed and write nothing.
  walls=()
  for ((run = 1; run <= repeat; run++)); do
    rm -rf "$step/out"
    # shellcheck disable=SC2086  # IPSREPORT_ARGS is meant to split into words
    "$gnu_time" -v -o "$step/ipsreport.$run.time" "$ipsreport" run "${inputs[@]}" --out "$step/out" \
        --timings ${IPSREPORT_ARGS:-} >"$step/ipsreport.$run.log" 2>&1
    run_status=$?
    walls+=("$(wall_seconds "$step/ipsreport.$run.time") $run $run_status")
    [[ $run_status -le 1 ]] || break  # a failing run is reported, not repeated
  done
  # The run of median wall time stands for the step (a failed one for itself); its time and log
  # are the step's.
  mapfile -t sorted < <(printf '%s\n' "${walls[@]}" | sort -n)
  read -r _ median_run status <<<"${sorted[$(( (${#sorted[@]} - 1) / 2 ))]}"
  if [[ $run_status -gt 1 ]]; then median_run=$run; status=$run_status; fi
  fastest=${sorted[0]%% *}
  slowest=${sorted[-1]%% *}
  cp "$step/ipsreport.$median_run.time" "$step/ipsreport.time"
  cp "$step/ipsreport.$median_run.log" "$step/ipsreport.log"
  if [[ $status -eq 0 ]]; then
    result="ok"
  elif [[ $status -eq 1 ]]; then
    # Reports written; the synthetic data holds a few problems on purpose (see README).
    result="ok (input notes)"
  else
    result="ipsreport failed (exit $status)"
    failures+=("$sites: ipsreport exit $status: $(tail -n 5 "$step/ipsreport.log" | tr '\n' ' ')")
  fi
  echo "| $sites | $participants | $item_rows | $input_mb | $gen_wall | $gen_peak" \
       "| $(wall_seconds "$step/ipsreport.time") ($fastest–$slowest) | $(cpu_seconds "$step/ipsreport.time")" \
       "| $(peak_mb "$step/ipsreport.time") | $(ingest_mb_per_s "$step/ipsreport.log" "$input_bytes")" \
       "| $(stage_cpu "$step/ipsreport.log" ingest) | $(render_split "$step/ipsreport.log")" \
       "| $(pdf_pages "$step/ipsreport.log") | $result | $load |"
done

if ((${#failures[@]})); then
  echo
  echo "Failures (logs under $work):"
  for f in "${failures[@]}"; do echo "- $f"; done
  exit 1
fi
