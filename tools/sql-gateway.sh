#!/usr/bin/env bash
# Starts and stops sql-gateway like Flink's bin/sql-gateway.sh:
#   sql-gateway.sh [start|start-foreground|stop|stop-all] [-Dkey=value ...]
# `start` runs it in the background with a pid file (log/) and waits until it serves;
# `stop` sends SIGTERM to the newest instance and waits for it to exit; `stop-all` stops all.
# Environment: FLINK_CONF_DIR (default: <repo>/conf), GW_BINARY, GW_LOG_DIR, GW_PID_DIR.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
binary=${GW_BINARY:-$top/build/src/gateway/sql-gateway}
export FLINK_CONF_DIR=${FLINK_CONF_DIR:-$top/conf}
log_dir=${GW_LOG_DIR:-$top/log}
pid_dir=${GW_PID_DIR:-$top/log}
pid_file=$pid_dir/sql-gateway.pid
start_timeout=${GW_START_TIMEOUT:-30}
stop_timeout=${GW_STOP_TIMEOUT:-60}

usage() {
  echo "Usage: sql-gateway.sh [start|start-foreground|stop|stop-all] [-Dkey=value ...]"
}

die() { echo "sql-gateway.sh: $*" >&2; exit 1; }

alive() { kill -0 "$1" 2>/dev/null; }

# Waits (with a deadline) until pid has exited.
wait_exit() {
  local pid=$1 deadline=$((SECONDS + stop_timeout))
  while alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

stop_pid() {
  local pid=$1
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  if wait_exit "$pid"; then
    echo "Stopped sql-gateway (pid $pid)."
  else
    die "sql-gateway (pid $pid) did not exit within ${stop_timeout}s"
  fi
}

cmd=${1:-start}
case $cmd in
  -h|--help) usage; exit 0 ;;
  start|start-foreground|stop|stop-all) shift || true ;;
  -*) cmd=start ;;
  *) usage >&2; exit 2 ;;
esac

case $cmd in
  start-foreground)
    [[ -x $binary ]] || die "no binary at $binary (build it: meson setup build && ninja -C build)"
    cd "$top" && exec "$binary" "$@"
    ;;
  start)
    [[ -x $binary ]] || die "no binary at $binary (build it: meson setup build && ninja -C build)"
    mkdir -p "$log_dir" "$pid_dir"
    log=$log_dir/sql-gateway-$(hostname)-$$.log
    cd "$top"
    nohup "$binary" "$@" >"$log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >>"$pid_file"
    deadline=$((SECONDS + start_timeout))
    until grep -q "sql-gateway .* started" "$log" 2>/dev/null; do
      if ! alive "$pid"; then
        sed -i "/^$pid\$/d" "$pid_file"
        cat "$log" >&2
        die "sql-gateway failed to start (log: $log)"
      fi
      ((SECONDS < deadline)) || die "sql-gateway did not start within ${start_timeout}s (log: $log)"
      sleep 0.05
    done
    echo "Started sql-gateway (pid $pid), log: $log"
    grep -oE "(REST|HiveServer2) endpoint listening on .*" "$log" || true
    ;;
  stop)
    [[ -s $pid_file ]] || { echo "No sql-gateway to stop."; exit 0; }
    pid=$(tail -n 1 "$pid_file")
    stop_pid "$pid"
    sed -i '$d' "$pid_file"
    ;;
  stop-all)
    [[ -s $pid_file ]] || { echo "No sql-gateway to stop."; exit 0; }
    while read -r pid; do stop_pid "$pid"; done <"$pid_file"
    : >"$pid_file"
    ;;
esac
