#!/usr/bin/env bash
# Benchmarks of the REST and HiveServer2 endpoints against limits measured in the same run
# (DESIGN.md §8): DuckDB streaming the same query in-process, DuckDB answering SELECT 1
# in-process, and (optionally) PostgreSQL answering SELECT 1 over libpq.
# Usage: tools/bench/run.sh   (about 2 min; environment: BENCH_ROWS, BENCH_SECONDS,
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
gateway_args=(-Dsql-gateway.endpoint.rest.address=127.0.0.1 -Dsql-gateway.endpoint.rest.bind-port=0
  "-Dsql-gateway.endpoint.type=rest;hiveserver2" -Dsql-gateway.endpoint.hiveserver2.thrift.port=0
  -Dsql-gateway.endpoint.hiveserver2.thrift.http.port=-1
  -Dsql-gateway.endpoint.hiveserver2.authentication=NOSASL)
FLINK_CONF_DIR=$work "$gateway" "${gateway_args[@]}" 2>"$work/gateway.log" >/dev/null &
gateway_pid=$!
url= hs2_port=
for ((i = 0; i < start_deadline * 10; i++)); do
  url=$(grep -oE 'REST endpoint listening on http://[0-9.]+:[0-9]+' "$work/gateway.log" \
        | grep -oE 'http://.*' | head -n 1 || true)
  hs2_port=$(grep -oE 'HiveServer2 endpoint listening on 127\.0\.0\.1:[0-9]+ \(binary\)' \
             "$work/gateway.log" | grep -oE ':[0-9]+' | tr -d : | head -n 1 || true)
  [[ -n $url && -n $hs2_port ]] && break
  kill -0 "$gateway_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ -z $url || -z $hs2_port ]]; then
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
# its key=value result line. A failed run prints mode=failed, its line of the table says FAILED
# and the script exits 1 at the end; if the gateway died, the script stops at once.
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
    kill -0 "$gateway_pid" 2>/dev/null || { echo "the gateway is gone" >&2; exit 1; }
    echo "  $line" >>"$work/failures"
    echo "mode=failed"
  }
}
# failed LINE NAME: prints NAME's table line as FAILED if LINE is a failed run's.
failed() {
  [[ $1 == mode=failed* ]] || return 1
  printf "%-24s FAILED (its error is above)\n" "$2"
}
rss_mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
clock_ticks=$(getconf CLK_TCK)
# CPU seconds (user + system) the gateway has used so far, all threads.
cpu_s() { awk -v hz="$clock_ticks" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' \
            "/proc/$1/stat"; }

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
declare -A hs2_fetch hs2_peak hs2_cpu
for reader in lean generated; do
  reset_peak
  cpu_before=$(cpu_s "$gateway_pid")
  hs2_fetch[$reader]=$(run_bench hs2-fetch --host 127.0.0.1 --port "$hs2_port" --sql "$sql" \
                       --reader "$reader" --expect-rows "$rows")
  hs2_cpu[$reader]=$(awk -v a="$cpu_before" -v b="$(cpu_s "$gateway_pid")" \
                     'BEGIN { printf "%.2f", b - a }')
  hs2_peak[$reader]=$(status_kb "$gateway_pid" VmHWM)
done
rt_limit=$(run_bench duckdb-roundtrip --seconds "$seconds")
rt_query_limit=$(run_bench duckdb-roundtrip --persistent --seconds "$seconds")
declare -A rt hs2_rt
for clients in 1 4; do
  rt[$clients]=$(run_bench rest-roundtrip --url "$url" --seconds "$seconds" --clients "$clients")
done
for clients in 1 8; do
  hs2_rt[$clients]=$(run_bench hs2-roundtrip --host 127.0.0.1 --port "$hs2_port" \
                     --seconds "$seconds" --clients "$clients")
done
end_rss=$(status_kb "$gateway_pid" VmRSS)
end_fds=$(fd_count "$gateway_pid")
stop_gateway

# PostgreSQL answering SELECT 1 over libpq (pgbench), when a local server can be started:
# -C opens a connection per transaction, the counterpart of a gateway session per round trip
# (REST); without it, one connection per client for the whole run (HiveServer2).
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
    for mode in C1 C4 P1 P8; do
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
failed "$limit" "duckdb in-process" ||
awk -v r="$(field "$limit" rows)" -v s="$(field "$limit" seconds)" -v rate="$limit_rate" \
    -v f="$(field "$limit" first_row_s)" 'BEGIN {
  printf "%-24s %9d rows %7.2f s %6.2f M rows/s  first row %6.1f ms  (limit)\n",
         "duckdb in-process", r, s, rate / 1e6, f * 1000 }'
for format in JSON PLAIN_TEXT; do
  line=${fetch[$format]}
  failed "$line" "rest fetch $format" && continue
  awk -v name="rest fetch $format" -v r="$(field "$line" rows)" -v s="$(field "$line" seconds)" \
      -v rate="$(field "$line" rows_per_s)" -v mbs="$(field "$line" mb_per_s)" \
      -v bytes="$(field "$line" bytes)" -v pages="$(field "$line" pages)" \
      -v f="$(field "$line" first_row_s)" -v limit="$limit_rate" \
      -v peak="$(rss_mb "${fetch_peak[$format]}")" 'BEGIN {
    printf "%-24s %9d rows %7.2f s %6.2f M rows/s  first row %6.1f ms  ratio %.3f  %4.0f MB/s  %6.0f MB in %d pages  peak RSS %s MB\n",
           name, r, s, rate / 1e6, f * 1000, (limit > 0 ? rate / limit : 0), mbs, bytes / 1e6, pages, peak }'
done
for reader in lean generated; do
  line=${hs2_fetch[$reader]}
  failed "$line" "hs2 fetch V10$([[ $reader == lean ]] || echo " $reader")" && continue
  awk -v name="hs2 fetch V10$([[ $reader == lean ]] || echo " $reader")" \
      -v r="$(field "$line" rows)" -v s="$(field "$line" seconds)" \
      -v rate="$(field "$line" rows_per_s)" -v mbs="$(field "$line" mb_per_s)" \
      -v bytes="$(field "$line" bytes)" -v fetches="$(field "$line" fetches)" \
      -v f="$(field "$line" first_row_s)" -v limit="$limit_rate" \
      -v peak="$(rss_mb "${hs2_peak[$reader]}")" 'BEGIN {
    printf "%-24s %9d rows %7.2f s %6.2f M rows/s  first row %6.1f ms  ratio %.3f  %4.0f MB/s  %6.0f MB in %d fetches  peak RSS %s MB\n",
           name, r, s, rate / 1e6, f * 1000, (limit > 0 ? rate / limit : 0), mbs, bytes / 1e6, fetches, peak }'
  awk -v r="$(field "$line" rows)" -v g="${hs2_cpu[$reader]}" -v c="$(field "$line" client_cpu_s)" \
      -v what="$([[ $reader == lean ]] && echo "lean reader: row set decoded off the wire" ||
                 echo "generated c_glib structs")" 'BEGIN {
    printf "%-24s gateway %.2f s (%.0f ns/row), client %.2f s (%.0f ns/row, %s)\n",
           "  cpu:", g, g * 1e9 / r, c, c * 1e9 / r, what }'
done
# print_round_trip NAME LINE LIMIT_PER_S: one round-trip result and where its time went.
print_round_trip() {
  failed "$2" "$1" && return
  awk -v name="$1" -v n="$(field "$2" round_trips)" \
      -v rate="$(field "$2" per_s)" -v mean="$(field "$2" mean_ms)" \
      -v p50="$(field "$2" p50_ms)" -v p99="$(field "$2" p99_ms)" -v limit="$3" 'BEGIN {
    printf "%-24s %9d trips    %8.0f /s  mean %6.3f ms  p50 %6.3f ms  p99 %6.3f ms  ratio %.3f\n",
           name, n, rate, mean, p50, p99, (limit > 0 ? rate / limit : 0) }'
  awk -v o="$(field "$2" open_ms)" -v e="$(field "$2" execute_ms)" \
      -v f="$(field "$2" fetch_ms)" -v c="$(field "$2" close_ms)" \
      -v n="$(field "$2" fetches_per_trip)" -v hs2="$([[ $1 == hs2* ]] && echo 1 || echo 0)" 'BEGIN {
    if (hs2)
      printf "%-24s execute %.3f ms, fetch %.3f ms (%.2f requests), close operation %.3f ms\n",
             "  per trip:", e, f, n, c
    else
      printf "%-24s open %.3f ms, execute %.3f ms, fetch %.3f ms (%.2f requests), close %.3f ms\n",
             "  per trip:", o, e, f, n, c }'
}
failed "$rt_limit" "duckdb round trip" ||
awk -v n="$(field "$rt_limit" round_trips)" -v rate="$rt_limit_rate" \
    -v mean="$(field "$rt_limit" mean_ms)" 'BEGIN {
  printf "%-24s %9d trips    %8.0f /s  mean %6.3f ms  (limit: connect + SELECT 1 + disconnect)\n",
         "duckdb round trip", n, rate, mean }'
for clients in 1 4; do
  print_round_trip "rest round trip x$clients" "${rt[$clients]}" "$rt_limit_rate"
done
rt_query_rate=$(field "$rt_query_limit" per_s)
failed "$rt_query_limit" "duckdb query" ||
awk -v n="$(field "$rt_query_limit" round_trips)" -v rate="$rt_query_rate" \
    -v mean="$(field "$rt_query_limit" mean_ms)" 'BEGIN {
  printf "%-24s %9d trips    %8.0f /s  mean %6.3f ms  (limit: SELECT 1 on one connection)\n",
         "duckdb query", n, rate, mean }'
for clients in 1 8; do
  print_round_trip "hs2 round trip x$clients" "${hs2_rt[$clients]}" "$rt_query_rate"
done
echo "gateway RSS: baseline $(rss_mb "$base_rss") MB, after all runs $(rss_mb "$end_rss") MB;" \
     "open fds: baseline $base_fds, after all runs $end_fds"
if [[ -n $pg_skip ]]; then
  echo "postgresql (pgbench SELECT 1): $pg_skip"
else
  for mode in C1 C4 P1 P8; do
    case $mode in
      C1) name="postgres connect x1" gw=${rt[1]} endpoint=rest ;;
      C4) name="postgres connect x4" gw=${rt[4]} endpoint=rest ;;
      P1) name="postgres query x1" gw=${hs2_rt[1]} endpoint=hs2 ;;
      P8) name="postgres query x8" gw=${hs2_rt[8]} endpoint=hs2 ;;
    esac
    awk -v name="$name" -v rate="${pg[$mode]:-0}" -v gw="$(field "$gw" per_s)" \
        -v endpoint="$endpoint" \
        -v what="$([[ $mode == C* ]] && echo "connect + SELECT 1 + disconnect" ||
                   echo "SELECT 1 on an open connection")" 'BEGIN {
      ratio = gw == "" || rate <= 0 ? "n/a" : sprintf ("%.2f", gw / rate)
      printf "%-24s %9s          %8.0f /s  %s; %s x%s / postgres %s\n",
             name, "", rate, what, endpoint, substr(name, length(name)), ratio }'
  done
fi
echo "rest round trip = open session + execute SELECT 1 + fetch to EOS + close session (V2 paths)"
echo "hs2 round trip = ExecuteStatement SELECT 1 + FetchResults to an empty batch +" \
     "CloseOperation, one connection and session per client (NOSASL, V10)"
echo
echo "commands (gateway: FLINK_CONF_DIR=<dir with empty flink-conf.yaml> $gateway" \
     "$(printf '%q ' "${gateway_args[@]}" | sed 's/ $//')):"
cat "$work/commands"
if [[ -s $work/failures ]]; then
  echo
  echo "failed runs:"
  cat "$work/failures"
  exit 1
fi
