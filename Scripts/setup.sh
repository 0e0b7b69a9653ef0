#!/usr/bin/env bash
# Installs what netconv needs on a fresh Debian/Ubuntu machine, skipping what is already there:
# libyaml-dev (the C library behind the YAML writer) and Python's jsonschema (used by the tests
# to validate output against Schema/socket.schema.json).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pkg-config --exists yaml-0.1 2>/dev/null && [ ! -f /usr/include/yaml.h ]; then
  echo "setup: installing libyaml-dev"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config >/dev/null
fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "setup: installing python jsonschema"
  python3 -m pip install --quiet jsonschema || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null
fi
