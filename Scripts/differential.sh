#!/usr/bin/env bash
# Compares two netconv builds on every fixture input and every file of ../shared/corpus: the
# output in each format, the diagnostics on standard error and the exit code. Prints one line
# per input whose behaviour differs and exits 1 if any does.
#
# Usage: Scripts/differential.sh OLD_NETCONV NEW_NETCONV [FORMAT...]   (default: json yaml csv)
# A change that is meant to alter behaviour is checked by reading the differences it lists.
# A deliberate change to the record is compared across with NORMALIZE (arguments of
# Scripts/normalize-records.py, applied to the new build's output, the records then compared
# as canonical JSON): NORMALIZE="--drop inferred" Scripts/differential.sh old new
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1
new=$2
shift 2
formats=("$@")
[ ${#formats[@]} -gt 0 ] || formats=(json yaml csv)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=$(find Fixtures -name '*.txt' | sort)
if [ -d ../shared/corpus ]; then
  inputs+=$'\n'$(find ../shared/corpus -type f \( -name '*.txt' -o -name '*.out' \) ! -name 'SOURCES.md' | sort)
fi
differing=0
count=0
while read -r input; do
  [ -n "$input" ] || continue
  count=$((count + 1))
  for format in "${formats[@]}"; do
    "$old" -f "$format" "$input" >"$work/old.out" 2>"$work/old.err"
    echo "exit $?" >>"$work/old.err"
    "$new" -f "$format" "$input" >"$work/new.out" 2>"$work/new.err"
    echo "exit $?" >>"$work/new.err"
    if [ -n "${NORMALIZE:-}" ]; then
      # shellcheck disable=SC2086
      python3 Scripts/normalize-records.py "$format" <"$work/old.out" >"$work/old.norm" 2>&1
      # shellcheck disable=SC2086
      python3 Scripts/normalize-records.py "$format" $NORMALIZE <"$work/new.out" >"$work/new.norm" 2>&1
      mv "$work/old.norm" "$work/old.out"
      mv "$work/new.norm" "$work/new.out"
    fi
    if ! cmp -s "$work/old.out" "$work/new.out"; then
      echo "differs ($format output): $input"
      differing=$((differing + 1))
      break
    elif ! cmp -s "$work/old.err" "$work/new.err"; then
      echo "differs ($format diagnostics): $input"
      diff "$work/old.err" "$work/new.err" | head -6 | sed 's/^/    /'
      differing=$((differing + 1))
      break
    fi
  done
done <<<"$inputs"
echo "differential: $count inputs, $differing differ"
[ "$differing" -eq 0 ]
