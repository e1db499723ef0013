#!/usr/bin/env bash
# sql-client throughput: a query's result printed as a TABLEAU table (to /dev/null) by sql-client
# in gateway mode, against the limit measured in the same run: gw-bench's lean C loop fetching the
# same query over the same REST protocol (PLAIN_TEXT) without printing. Also the client's peak RSS.
# Usage: tools/bench/client.sh   (environment: BENCH_ROWS (default 1000000), BENCH_BUILD_DIR)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
rows=${BENCH_ROWS:-1000000}
build=${BENCH_BUILD_DIR:-build}
sql="SELECT range AS id, range * 2 AS twice, 'row-' || range::VARCHAR AS label FROM range($rows)"
ninja -C "$build" src/gateway/sql-gateway src/client/sql-client tools/bench/gw-bench >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench-client.XXXXXX")
gateway_pid=
cleanup() {
  if [[ -n $gateway_pid ]]; then kill -TERM "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
: >"$work/flink-conf.yaml"
FLINK_CONF_DIR=$work "$build/src/gateway/sql-gateway" -Dsql-gateway.endpoint.type=rest \
  -Dsql-gateway.endpoint.rest.address=127.0.0.1 -Dsql-gateway.endpoint.rest.bind-port=0 \
  2>"$work/gateway.log" >/dev/null &
gateway_pid=$!
url=
for ((i = 0; i < 150; i++)); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/gateway.log" | head -n 1 || true)
  [[ -n $url ]] && break
  kill -0 "$gateway_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n $url ]] || { echo "gateway did not start:" >&2; cat "$work/gateway.log" >&2; exit 1; }

limit=$(timeout 300 "$build/tools/bench/gw-bench" rest-fetch --url "$url" --sql "$sql" \
        --row-format PLAIN_TEXT --expect-rows "$rows")
limit_rate=$(tr ' ' '\n' <<<"$limit" | sed -n 's/^rows_per_s=//p')

printf "SET 'sql-client.execution.result-mode' = 'tableau';\n%s;\n" "$sql" >"$work/query.sql"
start=$(date +%s.%N)
timeout 300 /usr/bin/time -f "%M" -o "$work/rss" "$build/src/client/sql-client" gateway \
  -e "$url" -f "$work/query.sql" -Dsql-client.display.print-time-cost=false >"$work/out"
end=$(date +%s.%N)
grep -q "^$rows rows in set" "$work/out" || { echo "client did not print $rows rows" >&2; tail "$work/out" >&2; exit 1; }
client_rate=$(awk -v r="$rows" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", r / (b - a) }')
echo "sql-client bench $(date -u +%Y-%m-%d), $(nproc) cores, $rows rows: $sql"
printf "%-44s %12s rows/s\n" "limit: gw-bench rest-fetch PLAIN_TEXT" "$limit_rate"
printf "%-44s %12s rows/s  (%.2f of the limit), peak RSS %d MB\n" \
  "sql-client -f, TABLEAU to /dev/null" "$client_rate" \
  "$(awk -v a="$client_rate" -v b="$limit_rate" 'BEGIN { print a / b }')" "$(($(cat "$work/rss") / 1024))"
