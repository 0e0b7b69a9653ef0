#!/usr/bin/env bash
# Builds the parsing core (Sources/NetConv) and its WebAssembly interface
# (Sources/NetConvWasm) as one module with Embedded Swift, into .build/wasm/:
#   netconv.wasm          the module a page or an embedder loads (exports netconv_*)
#   netconv-command.wasm  the same as a WASI command (stdin to stdout), for wasmkit and tests
#   netconv.html          the offline page: Sources/NetConvWasm/page.html with the module inlined
# Needs Swift 6.3 (its embedded standard library for wasm32-unknown-none-wasm and wasm-ld),
# Debian's wasi-libc (malloc, memcpy: apt-get install wasi-libc) and python3.
# Each step is skipped when its output is newer than its inputs (compiling takes about two
# minutes, and the test suite calls this on every run); --force rebuilds everything.
# --publish also copies the page to netconv.html at the top of the package, the copy a
# newcomer opens from a clone; --digest prints the digest of the sources the page is built
# from (the page carries it, and a test compares it with the committed copy's).
set -euo pipefail
export LC_ALL=C  # one file order (and so one digest) whatever the locale
cd "$(dirname "$0")/.."
out=.build/wasm
force=${1:-}
swiftc_path=$(command -v swiftc)
toolchain=$(dirname "$(dirname "$(readlink -f "$swiftc_path")")")
wasi=/usr/lib/wasm32-wasi
[ -f "$wasi/libc.a" ] || { echo "build-wasm: needs wasi-libc (apt-get install wasi-libc)" >&2; exit 1; }
sources=$(find Sources/NetConv Sources/NetConvWasm -name '*.swift' | sort)
digest=$(for file in $sources Sources/NetConvWasm/page.html Scripts/build-wasm.sh; do
  printf '%s\n' "$file"
  cat "$file"
done | sha256sum | cut -d' ' -f1)
if [ "$force" = "--digest" ]; then
  echo "$digest"
  exit 0
fi
mkdir -p "$out"

# stale TARGET INPUT...: whether TARGET is missing or older than an input (or --force).
stale() {
  local target=$1
  shift
  [ "$force" = "--force" ] || [ ! -f "$target" ] || [ -n "$(find "$@" -newer "$target" 2>/dev/null)" ]
}

if stale "$out/netconv.o" $sources "$0"; then
  swiftc -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -enable-experimental-feature Extern \
    -wmo -Osize -parse-as-library -Xfrontend -disable-stack-protector -module-name NetConv -package-name netconv \
    -c -o "$out/netconv.o" $sources
fi
libraries=("$toolchain/lib/swift/embedded/wasm32-unknown-none-wasm/libswiftUnicodeDataTables.a" "$wasi/libc.a")
if stale "$out/netconv.wasm" "$out/netconv.o"; then
  exports=()
  for name in netconv_alloc netconv_free netconv_run netconv_output_pointer netconv_output_length; do
    exports+=("--export=$name")
  done
  "$toolchain/bin/wasm-ld" --no-entry "${exports[@]}" --gc-sections --strip-all -z stack-size=1048576 \
    "$wasi/crt1-reactor.o" "$out/netconv.o" "${libraries[@]}" -o "$out/netconv.wasm"
fi
if stale "$out/netconv-command.wasm" "$out/netconv.o"; then
  "$toolchain/bin/wasm-ld" --gc-sections --strip-all -z stack-size=1048576 \
    "$wasi/crt1-command.o" "$out/netconv.o" "${libraries[@]}" -o "$out/netconv-command.wasm"
fi
if stale "$out/netconv.html" "$out/netconv.wasm" Sources/NetConvWasm/page.html; then
  python3 - "$out/netconv.wasm" Sources/NetConvWasm/page.html "$out/netconv.html" "$digest" <<'PY'
import base64, sys
module, template, target, digest = sys.argv[1:5]
page = open(template, encoding="utf-8").read()
assert page.count("__NETCONV_WASM_BASE64__") == 1 and page.count("__NETCONV_SOURCE_DIGEST__") == 1
encoded = base64.b64encode(open(module, "rb").read()).decode()
page = page.replace("__NETCONV_WASM_BASE64__", encoded).replace("__NETCONV_SOURCE_DIGEST__", "sha256:" + digest)
open(target, "w", encoding="utf-8").write(page)
PY
fi
if [ "$force" = "--publish" ]; then
  cp "$out/netconv.html" netconv.html
  echo "build-wasm: published netconv.html"
fi
for file in netconv.wasm netconv-command.wasm netconv.html; do
  echo "build-wasm: $out/$file, $(wc -c <"$out/$file") bytes"
done
