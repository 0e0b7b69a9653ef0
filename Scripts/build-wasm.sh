#!/usr/bin/env bash
# Builds the parsing core (Sources/NetConv) as a WebAssembly module with Embedded Swift:
# .build/wasm/netconv.wasm. Needs Swift 6.3 (the embedded standard library for
# wasm32-unknown-none-wasm and wasm-ld ship with it) and Debian's wasi-libc (libc.a).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/wasm
mkdir -p "$out"
swift_root=$(dirname "$(dirname "$(command -v swiftc)")")
sources=$(find Sources/NetConv -name '*.swift' | sort)
swiftc -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -wmo -Osize -parse-as-library \
  -Xfrontend -disable-stack-protector -module-name NetConv -package-name netconv \
  -c -o "$out/netconv.o" $sources "$@"
echo "wasm: compiled $out/netconv.o"
