#!/usr/bin/env bash
# Installs what building and testing netconv need on a fresh Debian/Ubuntu machine, skipping
# what is already there: libyaml-dev and pkg-config (the C library behind the YAML writer, and
# how SwiftPM finds it), chromium and chromium-driver (the HTML report is checked in a headless
# browser), wasi-libc (malloc and friends for the WebAssembly build, Scripts/build-wasm.sh),
# nodejs (runs the README's JavaScript example), and the Python modules the tests use:
# jsonschema (validates records against Schema/socket.schema.json), PyYAML (a second YAML
# reader), selenium (drives the browser) and wasmtime (runs the README's Python example).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
pkg-config --version >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists yaml-0.1 2>/dev/null || [ -f /usr/include/yaml.h ] || missing+=(libyaml-dev)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -f /usr/lib/wasm32-wasi/libc.a ] || missing+=(wasi-libc)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# module to import, PyPI name, Debian package (- when Debian has none)
for entry in "jsonschema jsonschema python3-jsonschema" "yaml PyYAML python3-yaml" "selenium selenium python3-selenium" \
  "wasmtime wasmtime -"; do
  read -r module pypi debian <<<"$entry"
  if ! python3 -c "import $module" 2>/dev/null; then
    echo "setup: installing python $pypi"
    python3 -m pip install --quiet "$pypi" || { [ "$debian" != - ] &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$debian" >/dev/null; }
  fi
done
