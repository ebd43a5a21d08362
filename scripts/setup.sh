#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install the packages, build, and render the
# example six-site reports into example-out/. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
# The same configuration as scripts/test.sh, so the test command that follows reuses this build
# instead of compiling everything again with other flags.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIPS_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"

rc=0
./build/ipsreport run --config examples/ipsreport.toml --out example-out --verbose --force || rc=$?
# 1 means the reports were written and the run summary lists problems in the input (the
# example contains one on purpose: a stated total that disagrees with the item scores).
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "setup: rendering the example failed (exit $rc)" >&2
  exit "$rc"
fi
echo "setup: example reports are in example-out/ (open example-out/index.html)"
