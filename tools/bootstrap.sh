#!/usr/bin/env bash
# Installs everything a fresh Debian bookworm machine needs to build, run and test the gateway:
# Debian -dev packages (apt) and the pinned DuckDB library + header (npm pack, sha512-checked).
# Idempotent and quiet when everything is already there.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
deps="$top/.deps"

APT_PACKAGES=(
  build-essential pkg-config meson ninja-build
  libglib2.0-dev libsoup-3.0-dev libjson-glib-dev libyaml-dev libedit-dev
  libthrift-c-glib-dev thrift-compiler
  curl ca-certificates nodejs npm python3 python3-pytest python3-pexpect time
)

DUCKDB_LIB_PKG="@duckdb/node-bindings-linux-x64@1.4.4-r.4"
DUCKDB_LIB_TGZ="duckdb-node-bindings-linux-x64-1.4.4-r.4.tgz"
DUCKDB_LIB_SHA512="jBTL/WvfwxLToFa/pVHfT6elMtltJGnc3wSuxZD9OfMltit9YUdVFS37vBFQzXMT1Z8OWjtSjMh+zPKxOwHLHA=="
DUCKDB_HDR_PKG="duckdb@1.4.4"
DUCKDB_HDR_TGZ="duckdb-1.4.4.tgz"
DUCKDB_HDR_SHA512="hEJJ5hyVF0VLj3dmOLpsWrQR0b3d4Ykqtygm6iUXjHJDDnSqg/USKxcb5qvNrOhFYPgktayU6dXCtgPqcmmpog=="

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian (the machine image ships them): accept any on PATH.
if command -v node >/dev/null && command -v npm >/dev/null; then
  keep=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || keep+=("$p"); done
  missing=("${keep[@]+"${keep[@]}"}")
fi
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=(); [[ $(id -u) == 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

check_sha512() { # file expected-base64
  local got
  got=$(openssl dgst -sha512 -binary "$1" | base64 -w0)
  [[ $got == "$2" ]] || { echo "bootstrap: sha512 mismatch for $1" >&2; rm -f "$1"; exit 1; }
}

fetch() { # package tgz sha512
  if [[ ! -f "$deps/npm/$2" ]]; then
    echo "bootstrap: npm pack $1"
    mkdir -p "$deps/npm"
    (cd "$deps/npm" && npm pack --silent "$1" >/dev/null)
  fi
  check_sha512 "$deps/npm/$2" "$3"
}

if [[ ! -f "$deps/duckdb/lib/libduckdb.so" || ! -f "$deps/duckdb/include/duckdb.h" ]]; then
  fetch "$DUCKDB_LIB_PKG" "$DUCKDB_LIB_TGZ" "$DUCKDB_LIB_SHA512"
  fetch "$DUCKDB_HDR_PKG" "$DUCKDB_HDR_TGZ" "$DUCKDB_HDR_SHA512"
  mkdir -p "$deps/duckdb/lib" "$deps/duckdb/include"
  tar -xzf "$deps/npm/$DUCKDB_LIB_TGZ" -C "$deps/duckdb/lib" --strip-components=1 package/libduckdb.so
  tar -xzf "$deps/npm/$DUCKDB_HDR_TGZ" -C "$deps/duckdb/include" --strip-components=5 \
    package/src/duckdb/src/include/duckdb.h
fi
