#!/usr/bin/env bash
# Checks that every tracked C++ file (*.cc, *.h) is formatted as .clang-format says, with
# clang-format 14 (Debian 12's). Lists the files that are not and exits 1; changes nothing.
# To format: git ls-files '*.cc' '*.h' | xargs clang-format-14 -i
# Usage: scripts/check-format.sh [SOURCE_DIR]
set -euo pipefail
src="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$src"
command -v clang-format-14 >/dev/null || { echo "check-format: clang-format-14 is not installed (scripts/install-deps.sh)" >&2; exit 1; }

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h')
else  # an unpacked source tarball: the same files, build folders left out
  mapfile -t files < <(find . \( -name 'build*' -o -name .git -o -name node_modules -o -name .clean-room \) -prune \
                         -o \( -name '*.cc' -o -name '*.h' \) -type f -print | sed 's|^\./||' | LC_ALL=C sort)
fi
[ "${#files[@]}" -gt 0 ] || { echo "check-format: no *.cc or *.h files found in $src" >&2; exit 1; }

# One clang-format run over all files; each violation names its file ("FILE:LINE:COL: error: ...").
report="$(clang-format-14 --dry-run -Werror "${files[@]}" 2>&1 >/dev/null)" && rc=0 || rc=$?
mapfile -t unformatted < <(printf '%s\n' "$report" | sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | uniq)
if [ "$rc" -ne 0 ] && [ "${#unformatted[@]}" -eq 0 ]; then
  printf '%s\n' "$report" >&2
  echo "check-format: clang-format-14 failed (exit $rc)" >&2
  exit 1
fi
if [ "${#unformatted[@]}" -gt 0 ]; then
  echo "check-format: ${#unformatted[@]} of ${#files[@]} files are not formatted as .clang-format says:"
  printf '  %s\n' "${unformatted[@]}"
  echo "format them with: git ls-files '*.cc' '*.h' | xargs clang-format-14 -i"
  exit 1
fi
echo "check-format: all ${#files[@]} C++ files are formatted"
