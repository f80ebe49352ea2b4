#!/bin/sh
# Check that every C source and header follows .clang-format (GLib style).
#
#   scripts/check-format.sh [SOURCE_ROOT]
#
# SOURCE_ROOT defaults to this script's parent directory, so the script
# works from any cwd (meson runs tests from the build directory).  Files are
# the git-tracked *.c/*.h under the project's source folders, or all of them
# when the tree is not a git checkout.  Exit 0: all formatted; 1: some files
# need `make format` (listed); 77: clang-format is missing (meson: skip).
set -eu

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "check-format: $CLANG_FORMAT not found, skipping"
  exit 77
fi

DIRS="janus-client tools tests examples bench fuzz"

list_files () {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # Tracked plus new, not-ignored files, so a file nobody has added yet
    # is checked too.
    # shellcheck disable=SC2086
    git ls-files --cached --others --exclude-standard -- $DIRS |
      grep -E '\.[ch]$' || true
  else
    for d in $DIRS; do
      [ -d "$d" ] && find "$d" -type f \( -name '*.c' -o -name '*.h' \)
    done
    true
  fi
}

files=$(list_files | sort -u)
if [ -z "$files" ]; then
  echo "check-format: no C files found under $root"
  exit 0
fi

bad=""
count=0
for f in $files; do
  [ -f "$f" ] || continue  # deleted in the work tree
  count=$((count + 1))
  if ! "$CLANG_FORMAT" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
    bad="$bad $f"
  fi
done

if [ -n "$bad" ]; then
  echo "check-format: these files do not follow .clang-format (run 'make format'):"
  for f in $bad; do
    echo "  $f"
  done
  # Show the first offending hunk of each file to make the log useful.
  for f in $bad; do
    "$CLANG_FORMAT" --style=file --dry-run "$f" 2>&1 | head -n 12
  done
  exit 1
fi

echo "check-format: $count files OK"
