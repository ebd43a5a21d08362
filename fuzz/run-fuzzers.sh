#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a while, two at a
# time at most, niced: the machine is shared. libFuzzer runs in fork mode, so a crash is saved
# to fuzz/crashes/ and fuzzing goes on for the whole time.
#   fuzz/run-fuzzers.sh [seconds per target, default 600] [target ...]
# Targets: fuzz_csv fuzz_values fuzz_workbook (all when none is named).
# Seeds come from fuzz/corpus/<target>/ (never written); the growing corpus lives in
# build-fuzz/corpus/<target>/, logs in build-fuzz/logs/, crashes in fuzz/crashes/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_csv fuzz_values fuzz_workbook)
build="${IPS_FUZZ_BUILD_DIR:-$root/build-fuzz}"

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DIPS_FUZZ=ON -DIPS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
nice cmake --build "$build" -j2 --target "${targets[@]}"

mkdir -p "$root/fuzz/crashes" "$build/logs"

# The longest input worth trying for each target.
max_len() {
  case "$1" in
    fuzz_values) echo 256 ;;
    fuzz_csv) echo 16384 ;;
    fuzz_workbook) echo 65536 ;;
  esac
}

run_one() {
  local target="$1"
  local work="$build/corpus/$target"
  local dict=()
  mkdir -p "$work"
  [ -f "$root/fuzz/dict/$target.dict" ] && dict=(-dict="$root/fuzz/dict/$target.dict")
  # ASan's leak check at exit is kept; UBSan findings stop the run (-fno-sanitize-recover).
  UBSAN_OPTIONS=print_stacktrace=1 nice -n 10 "$build/fuzz/$target" "$work" "$root/fuzz/corpus/$target" "${dict[@]}" \
    -max_len="$(max_len "$target")" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$root/fuzz/crashes/$target-" -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
    >"$build/logs/$target.log" 2>&1 || echo "$target: libFuzzer stopped early, see $build/logs/$target.log"
  # Fork mode: each finding is saved and fuzzing goes on; the last status line has the totals.
  echo "$target: $(grep -E '^#[0-9]+: cov' "$build/logs/$target.log" | tail -1); corpus $(ls "$work" | wc -l) files"
}

# Two at a time: start a pair, wait for it, then the next.
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run_one "${targets[i]}" &
  if ((i + 1 < ${#targets[@]})); then run_one "${targets[i + 1]}" & fi
  wait
done
ls "$root/fuzz/crashes" 2>/dev/null | grep -v '^\.' || echo "no crashes"
