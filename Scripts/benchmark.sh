#!/usr/bin/env bash
# Throughput of netconv on generated input: MB/s, records/s and peak RSS per output format.
# Usage: Scripts/benchmark.sh [MEGABYTES]   (default 20). Builds a release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-20}
work=${TMPDIR:-/tmp}/netconv-bench
mkdir -p "$work"
swift build -c release --product netconv --static-swift-stdlib --scratch-path .build-release >/dev/null
bin=.build-release/release/netconv

input="$work/linux-netstat-${size_mb}MB.txt"
if [ ! -f "$input" ]; then
  python3 - "$input" "$size_mb" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
rows = [l for l in open("Fixtures/linux-netstat/tunapee.txt", encoding="utf-8").read().splitlines()
        if l[:3] in ("tcp", "udp")]
with open(path, "w", encoding="utf-8") as out:
    out.write(open("Fixtures/linux-netstat/tunapee.txt", encoding="utf-8").read().splitlines()[1] + "\n")
    out.write(open("Fixtures/linux-netstat/tunapee.txt", encoding="utf-8").read().splitlines()[2] + "\n")
    n = 0
    while out.tell() < size:
        out.write(rows[n % len(rows)] + "\n")
        n += 1
PY
fi
cat "$input" > /dev/null  # into the page cache
bytes=$(stat -c %s "$input")
records=$("$bin" -f jsonl "$input" | wc -l)

printf '%-16s %-7s %10s %12s %10s\n' dialect format "MB/s" "records/s" "peak RSS"
measure() {  # label format command...
  local label=$1 format=$2; shift 2
  local best=999999 rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null
    read -r secs kb < "$work/time"
    if awk "BEGIN{exit !($secs < $best)}"; then best=$secs; rss=$kb; fi
  done
  awk -v b="$bytes" -v r="$records" -v s="$best" -v k="$rss" -v l="$label" -v f="$format" \
    'BEGIN{ s = (s < 0.01 ? 0.01 : s); printf "%-16s %-7s %10.1f %12.0f %7.1f MB\n", l, f, b/s/1e6, r/s, k/1024 }'
}
for format in json jsonl yaml csv; do
  measure linux-netstat "$format" "$bin" -f "$format" "$input"
done
measure "wc -l" "-" wc -l "$input"
echo "input: $input ($((bytes / 1024 / 1024)) MB, $records records); $(nproc) cores; $(uname -m)"
