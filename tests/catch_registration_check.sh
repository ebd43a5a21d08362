#!/usr/bin/env bash
# Makes sure CTest runs every Catch2 test case, each exactly once.
#
# catch_discover_tests reads `--list-test-names-only` into a CMake list, so a name with `;` is
# split into two CTest entries that match no test case (and Catch2 2.x exits 0 when nothing
# matches: the test case silently never runs). Brackets, backslashes and quotes break the list or
# the Catch2 filter the same way, and regex characters keep `ctest -R "<name>"` from finding it.
#
# Usage: catch_registration_check.sh TEST_BINARY                       names only (after linking)
#        catch_registration_check.sh TEST_BINARY CTEST_COMMAND BUILD_DIR   names, and CTest's list
#                                                                          equals Catch2's
set -euo pipefail
binary="$1"

# Catch2 2.x exits with the number of test cases (at most 255) after listing them.
names="$("$binary" --list-test-names-only)" || true
[ -n "$names" ] || { echo "$binary --list-test-names-only listed no test cases" >&2; exit 1; }
# ; [ ] \ " split or break the list; ( ) { } * + ? | ^ $ are regex characters for ctest -R; a
# leading # or ~ means a tag or an exclusion to Catch2; spaces at either end are lost.
bad="$(printf '%s\n' "$names" | grep -nE '[][;\\"(){}*+?|^$]|^[#~ ]| $' || true)"
if [ -n "$bad" ]; then
  echo "Catch2 test names CTest cannot register as they are (line: name):" >&2
  printf '%s\n' "$bad" >&2
  echo "Rename them without ; [ ] \\ \" ( ) { } * + ? | ^ \$, a leading # or ~, or spaces at the ends." >&2
  exit 1
fi
catch_count="$(printf '%s\n' "$names" | grep -c .)"
[ "$#" -lt 3 ] && exit 0

ctest_command="$2"
build_dir="$3"
# The tests CTest has from catch_discover_tests (they carry the label catch2).
registered="$(cd "$build_dir" && "$ctest_command" -N -L '^catch2$' | sed -n 's/^ *Test *#[0-9]*: //p')"
ctest_count="$(printf '%s\n' "$registered" | grep -c . || true)"
missing="$(comm -23 <(printf '%s\n' "$names" | LC_ALL=C sort) <(printf '%s\n' "$registered" | LC_ALL=C sort))"
extra="$(comm -13 <(printf '%s\n' "$names" | LC_ALL=C sort) <(printf '%s\n' "$registered" | LC_ALL=C sort))"
if [ "$catch_count" != "$ctest_count" ] || [ -n "$missing" ] || [ -n "$extra" ]; then
  echo "Catch2 has $catch_count test cases, CTest registered $ctest_count" >&2
  [ -z "$missing" ] || printf 'not registered with CTest:\n%s\n' "$missing" >&2
  [ -z "$extra" ] || printf 'registered with CTest but no Catch2 test case:\n%s\n' "$extra" >&2
  echo "(a stale build/tests/ipsreport_tests_tests-*.cmake? rebuild ipsreport_tests)" >&2
  exit 1
fi
echo "$catch_count Catch2 test cases, $ctest_count CTest tests: the same names"
