#!/usr/bin/env bash
# Runs the whole test suite: the normal build, then the same tests under AddressSanitizer and
# UndefinedBehaviorSanitizer. Set IPS_SKIP_SANITIZE=1 to skip the sanitizer pass. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIPS_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

if [ "${IPS_SKIP_SANITIZE:-0}" != "1" ]; then
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DIPS_SANITIZE=ON -DIPS_WERROR=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  # Left out here, to keep CI well inside its time: the accessibility check and the LibreOffice
  # checks drive other programs over files the normal build already checked, and the 500-site
  # national summary repeats at scale what the smaller tests run under the sanitizers. The
  # out-of-memory test limits the address space, which AddressSanitizer's shadow memory needs.
  # Two tests repeat at size what others run once: the memory-budget test expands 900 MB of
  # cells, the determinism test renders the example again and again (together a minute and a half
  # under the sanitizers).
  (cd build-asan && ctest --output-on-failure -j"$jobs" \
    -E "^a11y\\.|LibreOffice|of 500 sites|^Out of memory while|^Cells past the memory budget|run after run$")
fi
