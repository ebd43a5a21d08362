#!/usr/bin/env bash
# Nothing points at the development spec outside the repository (../shared/spec, or its
# documents domain.md, input.md, metrics.md, reports.md and design.md by name) unless the
# repository has a file of that name (docs/input.md): a user's clone has only what is tracked.
set -euo pipefail
cd "$1"
if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "skipped: not a git checkout (the tracked files are what a clone has)"
  exit 77
fi
status=0
if git grep -n -I -E "\.\./shared|shared/spec" -- ':!tests/doc_references_stay_in_repo.sh'; then
  echo "error: the lines above point outside the repository" >&2
  status=1
fi
tracked="$(git ls-files '*.md' | sed 's#.*/##' | sort -u)"
while IFS= read -r name; do
  grep -qxF "$name" <<<"$tracked" || {
    echo "error: '$name' is named but no tracked file has that name:" >&2
    git grep -n -I -F "$name" | head -n 5 >&2
    status=1
  }
done < <(git grep -o -h -I -w -E "(domain|input|metrics|reports|design)\.md" -- ":!tests/doc_references_stay_in_repo.sh" | sort -u)
exit "$status"
