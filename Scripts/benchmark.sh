#!/usr/bin/env bash
# Throughput, peak memory and start-up of netconv — and of jc on the same files when it is
# installed (pip install jc) — printed as a Markdown table.
# Usage: Scripts/benchmark.sh [MEGABYTES] [JC_MEGABYTES] [JC_YAML_MEGABYTES]   (default 20 0 2;
# JC_MEGABYTES 0 runs jc on the whole file, YAML runs on a prefix because jc's YAML is slow)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "benchmark: needs GNU time for peak RSS (apt-get install time)"; exit 1; }
swift build -c release --static-swift-stdlib --scratch-path .build-release --product netconv >/dev/null
swift build -c release --scratch-path .build-release --product netconv-bench >/dev/null
exec .build-release/release/netconv-bench "$PWD/.build-release/release/netconv" "${1:-20}" "${2:-0}" "${3:-2}"
