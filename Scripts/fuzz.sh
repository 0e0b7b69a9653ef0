#!/usr/bin/env bash
# Fuzzes netconv with libFuzzer: arbitrary bytes through decoding, detection, every dialect
# parser and every writer, with the invariants of Sources/NetConvChecks checked on each input.
#
# Usage: Scripts/fuzz.sh [SECONDS] [JOBS] [MODE]    (default 120 seconds, 1 job, mode full)
#   MODE full         every writer's output read back, and a second parse (about 20 inputs/s)
#   MODE parse        one parse with the cheap invariants: the fast target
#   MODE chunks       the same result whether the bytes arrive 1, 7 or 4096 at a time
#   MODE metamorphic  every paste transformation keeps the records or says why not
#   Scripts/fuzz.sh 120               a short run of the full target; fails on any finding
#   Scripts/fuzz.sh 3600 1 parse      an hour of the fast target
# The seed corpus is every fixture and every file of ../shared/corpus; findings are written to
# Fuzz/findings/ — copy each one into Fuzz/regressions/ (InvariantTests replays them) once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
jobs=${2:-1}
mode=${3:-full}
case "$mode" in full | parse | chunks | metamorphic) ;; *) echo "fuzz: unknown mode $mode" >&2; exit 64 ;; esac
scratch=.build-fuzz
swift build -c release --product netconv-fuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xlinker --export-dynamic \
  | { grep -E "error:|Build of product|Build complete" || true; }
binary="$scratch/release/netconv-fuzz"

corpus=$scratch/corpus
mkdir -p "$corpus" Fuzz/findings
find Fixtures -name '*.txt' -exec cp {} "$corpus/" \;
if [ -d ../shared/corpus ]; then
  find ../shared/corpus -type f \( -name '*.txt' -o -name '*.out' \) | while read -r file; do
    cp "$file" "$corpus/shared-$(echo "$file" | tr '/' '_')"
  done
fi
cp Fuzz/regressions/* "$corpus/" 2>/dev/null || true

echo "fuzz: $mode, $seconds s, $jobs job(s), $(ls "$corpus" | wc -l) seed files"
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-fork="$jobs")
NETCONV_FUZZ_MODE=$mode SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" -dict=Fuzz/netconv.dict -max_len=8192 \
  -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" "${parallel[@]}" \
  -artifact_prefix=Fuzz/findings/$mode- -print_final_stats=1 2>&1 | tee "$scratch/fuzz-$mode.log" | grep -E "^#[0-9]+.*(DONE|pulse)|stat::|ERROR|Deadly|Test unit written|SUMMARY" || true
status=${PIPESTATUS[0]}
if ls Fuzz/findings/* >/dev/null 2>&1; then
  echo "fuzz: findings in Fuzz/findings/ (see $scratch/fuzz-$mode.log)"
  exit 1
fi
exit "$status"
