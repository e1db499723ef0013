#!/usr/bin/env bash
# Benchmarks of the REST endpoint against limits measured in the same run (DESIGN.md §8):
# DuckDB streaming the same query in-process, DuckDB answering SELECT 1 in-process, and
# (optionally) PostgreSQL answering SELECT 1 over libpq.
# Usage: tools/bench/run.sh   (about 90 s; environment: BENCH_ROWS, BENCH_SECONDS,
# BENCH_POSTGRES=0 to skip the PostgreSQL comparison, BENCH_PG_SECONDS, BENCH_BUILD_DIR)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

rows=${BENCH_ROWS:-10000000}
seconds=${BENCH_SECONDS:-10}
sql="SELECT range AS id, range * 2 AS twice, 'row-' || range::VARCHAR AS label FROM range($rows)"
build=${BENCH_BUILD_DIR:-build}
gateway=$build/src/gateway/sql-gateway
bench=$build/tools/bench/gw-bench
start_deadline=15   # seconds for the gateway to log its port
stop_deadline=10    # seconds for the gateway to exit after SIGTERM
run_deadline=300    # seconds for one benchmark run

# ---- build -------------------------------------------------------------------------------
[[ -f $build/build.ninja ]] || meson setup "$build" >/dev/null
targets=(src/gateway/sql-gateway tools/bench/gw-bench)
ninja -C "$build" "${targets[@]}" >/dev/null || { ninja -C "$build" "${targets[@]}"; exit 1; }

load_at_start=$(cut -d' ' -f1 /proc/loadavg)   # other work on the machine skews every number

# ---- gateway lifecycle -------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench.XXXXXX")
gateway_pid=
stop_gateway() {
  [[ -n $gateway_pid ]] || return 0
  kill -TERM "$gateway_pid" 2>/dev/null || true
  for ((i = 0; i < stop_deadline * 10; i++)); do
    kill -0 "$gateway_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$gateway_pid" 2>/dev/null; then
    echo "gateway did not stop within ${stop_deadline}s after SIGTERM; killing it" >&2
    kill -KILL "$gateway_pid" 2>/dev/null || true
  fi
  wait "$gateway_pid" 2>/dev/null || true
  gateway_pid=
}
pg_bin= pg_dir=
stop_postgres() {
  [[ -n $pg_dir ]] || return 0
  if [[ -f $pg_dir/data/postmaster.pid ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t "$stop_deadline" \
      stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  pg_dir=
}
cleanup() { stop_gateway; stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

: >"$work/flink-conf.yaml"
FLINK_CONF_DIR=$work "$gateway" \
  -Dsql-gateway.endpoint.rest.address=127.0.0.1 \
  -Dsql-gateway.endpoint.rest.bind-port=0 2>"$work/gateway.log" >/dev/null &
gateway_pid=$!
url=
for ((i = 0; i < start_deadline * 10; i++)); do
  url=$(grep -oE 'REST endpoint listening on http://[0-9.]+:[0-9]+' "$work/gateway.log" \
        | grep -oE 'http://.*' | head -n 1 || true)
  [[ -n $url ]] && break
  kill -0 "$gateway_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $url ]]; then
  echo "gateway did not report its port within ${start_deadline}s; its log:" >&2
  cat "$work/gateway.log" >&2
  exit 1
fi

# ---- helpers -----------------------------------------------------------------------------
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
# Resets VmHWM so that each run reports its own peak (Linux >= 4.0, /proc/PID/clear_refs).
reset_peak() { echo 5 >"/proc/$gateway_pid/clear_refs" 2>/dev/null || true; }
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
# Runs gw-bench, remembers the command line (in a file: callers run it in a subshell), prints
# its key=value result line.
run_bench() {
  local arg line=$bench
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./:=-]+$ ]]; then
      line+=" $arg"
    elif [[ ! $arg =~ [\"\$\`\\] ]]; then
      line+=" \"$arg\""
    else
      line+=" '${arg//\'/\'\\\'\'}'"
    fi
  done
  echo "  $line" >>"$work/commands"
  timeout "$run_deadline" "$bench" "$@" || {
    echo "failed: $bench $*" >&2
    echo "gateway log (tail):" >&2
    tail -n 20 "$work/gateway.log" >&2
    exit 1
  }
}
rss_mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }

# ---- runs --------------------------------------------------------------------------------
fd_count() { local fds=("/proc/$1/fd"/*); echo "${#fds[@]}"; }
base_rss=$(status_kb "$gateway_pid" VmRSS)
base_fds=$(fd_count "$gateway_pid")
limit=$(run_bench duckdb --sql "$sql" --expect-rows "$rows")
declare -A fetch fetch_peak
for format in JSON PLAIN_TEXT; do
  reset_peak
  fetch[$format]=$(run_bench rest-fetch --url "$url" --sql "$sql" --row-format "$format" \
                   --expect-rows "$rows")
  fetch_peak[$format]=$(status_kb "$gateway_pid" VmHWM)
done
rt_limit=$(run_bench duckdb-roundtrip --seconds "$seconds")
declare -A rt
for clients in 1 4; do
  rt[$clients]=$(run_bench rest-roundtrip --url "$url" --seconds "$seconds" --clients "$clients")
done
end_rss=$(status_kb "$gateway_pid" VmRSS)
end_fds=$(fd_count "$gateway_pid")
stop_gateway

# PostgreSQL answering SELECT 1 over libpq (pgbench), when a local server can be started:
# -C opens a connection per transaction, the counterpart of a gateway session per round trip.
pg_skip= pg_seconds=${BENCH_PG_SECONDS:-5}
declare -A pg
pg_bin=$(pg_config --bindir 2>/dev/null || true)
if [[ ${BENCH_POSTGRES:-1} == 0 ]]; then
  pg_skip="skipped (BENCH_POSTGRES=0)"
elif [[ $(id -u) != 0 ]] || ! id postgres >/dev/null 2>&1 || [[ ! -x $pg_bin/initdb ]] ||
     [[ ! -x $pg_bin/pgbench ]] || [[ ! -x /usr/bin/python3 ]]; then
  pg_skip="skipped (needs root, a postgres user, initdb, pgbench and /usr/bin/python3)"
else
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench-pg.XXXXXX")
  chown postgres: "$pg_dir"
  pg_port=$(/usr/bin/python3 -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo 'SELECT 1;' >"$pg_dir/select1.sql"
  if (cd "$pg_dir" &&
      runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync \
        -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 &&
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/pg.log" -w \
        -t "$start_deadline" start \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null); then
    for mode in C1 C4 P1; do
      clients=${mode#?}
      args=(-n -T "$pg_seconds" -c "$clients" -j "$clients" -h 127.0.0.1 -p "$pg_port"
            -U postgres -f "$pg_dir/select1.sql")
      [[ $mode == C* ]] && args=(-C "${args[@]}")
      echo "  $pg_bin/pgbench ${args[*]} postgres" >>"$work/commands"
      pg[$mode]=$(timeout "$run_deadline" "$pg_bin/pgbench" "${args[@]}" postgres 2>&1 |
                  sed -n 's/^tps = \([0-9.]*\).*/\1/p' || true)
    done
  else
    pg_skip="skipped (could not start a local PostgreSQL: see initdb/pg_ctl)"
  fi
  stop_postgres
fi

# ---- report ------------------------------------------------------------------------------
limit_rate=$(field "$limit" rows_per_s)
rt_limit_rate=$(field "$rt_limit" per_s)
echo "gw-bench $(date -u +%Y-%m-%d), $(nproc) cores, load average at start $load_at_start," \
     "query: $sql"
awk -v r="$(field "$limit" rows)" -v s="$(field "$limit" seconds)" -v rate="$limit_rate" \
    -v f="$(field "$limit" first_row_s)" 'BEGIN {
  printf "%-24s %9d rows %7.2f s %6.2f M rows/s  first row %6.1f ms  (limit)\n",
         "duckdb in-process", r, s, rate / 1e6, f * 1000 }'
for format in JSON PLAIN_TEXT; do
  line=${fetch[$format]}
  awk -v name="rest fetch $format" -v r="$(field "$line" rows)" -v s="$(field "$line" seconds)" \
      -v rate="$(field "$line" rows_per_s)" -v mbs="$(field "$line" mb_per_s)" \
      -v bytes="$(field "$line" bytes)" -v pages="$(field "$line" pages)" \
      -v f="$(field "$line" first_row_s)" -v limit="$limit_rate" \
      -v peak="$(rss_mb "${fetch_peak[$format]}")" 'BEGIN {
    printf "%-24s %9d rows %7.2f s %6.2f M rows/s  first row %6.1f ms  ratio %.3f  %4.0f MB/s  %6.0f MB in %d pages  peak RSS %s MB\n",
           name, r, s, rate / 1e6, f * 1000, rate / limit, mbs, bytes / 1e6, pages, peak }'
done
awk -v n="$(field "$rt_limit" round_trips)" -v rate="$rt_limit_rate" \
    -v mean="$(field "$rt_limit" mean_ms)" 'BEGIN {
  printf "%-24s %9d trips    %8.0f /s  mean %6.3f ms  (limit: connect + SELECT 1 + disconnect)\n",
         "duckdb round trip", n, rate, mean }'
for clients in 1 4; do
  line=${rt[$clients]}
  awk -v name="rest round trip x$clients" -v n="$(field "$line" round_trips)" \
      -v rate="$(field "$line" per_s)" -v mean="$(field "$line" mean_ms)" \
      -v p50="$(field "$line" p50_ms)" -v p99="$(field "$line" p99_ms)" \
      -v limit="$rt_limit_rate" 'BEGIN {
    printf "%-24s %9d trips    %8.0f /s  mean %6.3f ms  p50 %6.3f ms  p99 %6.3f ms  ratio %.3f\n",
           name, n, rate, mean, p50, p99, rate / limit }'
  awk -v o="$(field "$line" open_ms)" -v e="$(field "$line" execute_ms)" \
      -v f="$(field "$line" fetch_ms)" -v c="$(field "$line" close_ms)" \
      -v n="$(field "$line" fetches_per_trip)" 'BEGIN {
    printf "%-24s open %.3f ms, execute %.3f ms, fetch %.3f ms (%.2f requests), close %.3f ms\n",
           "  per trip:", o, e, f, n, c }'
done
echo "gateway RSS: baseline $(rss_mb "$base_rss") MB, after all runs $(rss_mb "$end_rss") MB;" \
     "open fds: baseline $base_fds, after all runs $end_fds"
if [[ -n $pg_skip ]]; then
  echo "postgresql (pgbench SELECT 1): $pg_skip"
else
  for mode in C1 C4 P1; do
    case $mode in
      C1) name="postgres connect x1" gw=${rt[1]} ;;
      C4) name="postgres connect x4" gw=${rt[4]} ;;
      P1) name="postgres query x1" gw=${rt[1]} ;;
    esac
    awk -v name="$name" -v rate="${pg[$mode]:-0}" -v gw="$(field "$gw" per_s)" \
        -v what="$([[ $mode == C* ]] && echo "connect + SELECT 1 + disconnect" ||
                   echo "SELECT 1 on an open connection")" 'BEGIN {
      printf "%-24s %9s          %8.0f /s  %s; gateway x%s / postgres %.2f\n",
             name, "", rate, what, substr(name, length(name)), (rate > 0 ? gw / rate : 0) }'
  done
fi
echo "rest round trip = open session + execute SELECT 1 + fetch to EOS + close session (V2 paths)"
echo
echo "commands (gateway: FLINK_CONF_DIR=<dir with empty flink-conf.yaml> $gateway" \
     "-Dsql-gateway.endpoint.rest.address=127.0.0.1 -Dsql-gateway.endpoint.rest.bind-port=0):"
cat "$work/commands"
