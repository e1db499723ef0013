#!/usr/bin/env bash
# Installs what is missing (tools/bootstrap.sh), configures build/ once, builds.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
tools/bootstrap.sh
[[ -f build/build.ninja ]] || meson setup build >/dev/null
ninja -C build >/dev/null
