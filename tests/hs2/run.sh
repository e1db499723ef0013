#!/usr/bin/env bash
# End-to-end tests of the HiveServer2 endpoint: npm hive-driver 1.0.0 (installed into the
# git-ignored node_modules/ on first use) against the real sql-gateway binary.
# Usage: tests/hs2/run.sh [test files...]   (default: every tests/hs2/*.test.js)
# Prints the node test runner's report, then one line "hs2: N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cd "$here"

if [[ ! -f node_modules/hive-driver/package.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "hs2: 0 passed, 1 failed (npm ci)"; exit 1; }
fi

export GW_BINARY=${GW_BINARY:-$top/build/src/gateway/sql-gateway}
export HS2_LOG_DIR=${HS2_LOG_DIR:-$top/build/hs2-logs}  # one log per gateway started
mkdir -p "$HS2_LOG_DIR"
tap=$HS2_LOG_DIR/report.tap

files=("$@")
((${#files[@]})) || files=(*.test.js)
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}"
node_status=$?

count() { grep -aE "^# $1 [0-9]+$" "$tap" | tail -n 1 | awk '{print $3}'; }
pass=$(count pass) fail=$(count fail) cancelled=$(count cancelled)
failed=$(( ${fail:-0} + ${cancelled:-0} ))
# A runner that died before its summary counts as a failure.
[[ -n $pass ]] || failed=$((failed + 1))
((node_status == 0 || failed > 0)) || failed=1
echo "hs2: ${pass:-0} passed, $failed failed"
((failed == 0))
