#!/usr/bin/env bash
# Starts the SQL client like Flink's bin/sql-client.sh:
#   sql-client.sh [embedded|gateway] [-e host:port] [-f script] [-i init] [-Dkey=value ...]
# Embedded mode (the default) starts a gateway inside the client with the shipped configuration
# (conf/, databases in data/); gateway mode talks to a running sql-gateway (-e 127.0.0.1:8083).
# Environment: FLINK_CONF_DIR (default: <repo>/conf), GW_CLIENT_BINARY, GW_LOG_DIR (default: <repo>/log).
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
binary=${GW_CLIENT_BINARY:-$top/build/src/client/sql-client}
export FLINK_CONF_DIR=${FLINK_CONF_DIR:-$top/conf}
export GW_LOG_DIR=${GW_LOG_DIR:-$top/log}

[[ -x $binary ]] || { echo "sql-client.sh: no binary at $binary (run tools/build.sh)" >&2; exit 1; }

# The shipped configuration names its databases relative to the repository, so the client runs
# there; file arguments are made absolute first so they keep meaning what the caller meant.
args=()
while (($#)); do
  case $1 in
    -f|--file|-i|--init|-hist|--history)
      args+=("$1")
      if (($# > 1)); then
        shift
        [[ $1 == /* ]] && args+=("$1") || args+=("$PWD/$1")
      fi
      ;;
    *) args+=("$1") ;;
  esac
  shift
done
cd "$top" && exec "$binary" "${args[@]+"${args[@]}"}"
