#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind) of parsing and converting the first 2 MB of each
# benchmark input: unlike wall time on a shared machine they do not vary from run to run, so
# they show what a change to the hot path did. Needs valgrind (apt-get install valgrind) and
# the inputs Scripts/benchmark.sh generates.
# Usage: Scripts/instructions.sh [FORMAT...]   (default: parse json; start-up, about 17 million
# instructions, is included in each count)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "instructions: needs valgrind (apt-get install valgrind)"; exit 1; }
work=${TMPDIR:-/tmp}/netconv-bench
[ -f "$work/ss-20MB.txt" ] || { echo "instructions: run Scripts/benchmark.sh first (it makes $work/*-20MB.txt)"; exit 1; }
swift build -c release --static-swift-stdlib --scratch-path .build-release --product netconv >/dev/null
swift build -c release --scratch-path .build-release --product netconv-bench >/dev/null
count() {  # prints the instructions callgrind collected for a command
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-16s %-6s %14s %12s\n' dialect what instructions per-record
for dialect in linux-netstat ss windows-netstat; do
  prefix="$work/$dialect-2MB-prefix.txt"
  [ -f "$prefix" ] || head -c 2097152 "$work/$dialect-20MB.txt" | sed '$d' >"$prefix"  # whole lines only
  records=$(.build-release/release/netconv-bench --parse-only "$prefix")
  for format in ${@:-parse json}; do
    if [ "$format" = parse ]; then
      total=$(count .build-release/release/netconv-bench --parse-only "$prefix")
    else
      total=$(count .build-release/release/netconv -f "$format" "$prefix")
    fi
    printf '%-16s %-6s %14s %12s\n' "$dialect" "$format" "$total" "$((total / records))"
  done
done
