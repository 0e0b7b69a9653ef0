#!/usr/bin/env bash
# Builds the parsing core (Sources/NetConv) and its WebAssembly interface
# (Sources/NetConvWasm) as one module with Embedded Swift: .build/wasm/netconv.wasm.
# Needs Swift 6.3 (its embedded standard library for wasm32-unknown-none-wasm and wasm-ld) and
# Debian's wasi-libc (malloc, memcpy: apt-get install wasi-libc). --force rebuilds even when
# the modules look up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/wasm
mkdir -p "$out"
swiftc_path=$(command -v swiftc)
toolchain=$(dirname "$(dirname "$(readlink -f "$swiftc_path")")")
wasi=/usr/lib/wasm32-wasi
[ -f "$wasi/libc.a" ] || { echo "build-wasm: needs wasi-libc (apt-get install wasi-libc)" >&2; exit 1; }
sources=$(find Sources/NetConv Sources/NetConvWasm -name '*.swift' | sort)
# Up to date when both modules are newer than every source and this script (a full build takes
# about two minutes): the test suite calls this on every run.
if [ "${1:-}" != "--force" ] && [ -f "$out/netconv.wasm" ] && [ -f "$out/netconv-command.wasm" ] &&
  [ -z "$(find $sources "$0" -newer "$out/netconv.wasm" 2>/dev/null)" ] &&
  [ -z "$(find $sources "$0" -newer "$out/netconv-command.wasm" 2>/dev/null)" ]; then
  echo "build-wasm: $out/netconv.wasm and netconv-command.wasm are up to date"
  exit 0
fi
swiftc -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -enable-experimental-feature Extern \
  -wmo -Osize -parse-as-library \
  -Xfrontend -disable-stack-protector -module-name NetConv -package-name netconv \
  -c -o "$out/netconv.o" $sources
exports=""
for name in netconv_alloc netconv_free netconv_run netconv_output_pointer netconv_output_length; do
  exports+=" --export=$name"
done
"$toolchain/bin/wasm-ld" --no-entry $exports --gc-sections --strip-all -z stack-size=1048576 \
  "$wasi/crt1-reactor.o" "$out/netconv.o" \
  "$toolchain/lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a" \
  "$wasi/libc.a" -o "$out/netconv.wasm"
echo "build-wasm: $out/netconv.wasm, $(wc -c <"$out/netconv.wasm") bytes"
# The same code as a WASI command (stdin to stdout), for wasmkit, wasmtime and the tests.
"$toolchain/bin/wasm-ld" --gc-sections --strip-all -z stack-size=1048576 \
  "$wasi/crt1-command.o" "$out/netconv.o" \
  "$toolchain/lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a" \
  "$wasi/libc.a" -o "$out/netconv-command.wasm"
echo "build-wasm: $out/netconv-command.wasm, $(wc -c <"$out/netconv-command.wasm") bytes"
