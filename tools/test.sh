#!/usr/bin/env bash
# The whole test suite: bootstrap, build, unit tests (meson test), REST end-to-end tests (pytest
# against the real binary), HiveServer2 end-to-end tests (node hive-driver). Ends with one line
# "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

tools/build.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0 failed=0

# Unit tests: meson runs each GLib test program (TAP); count the test cases, not the programs.
meson test -C build --suite unit --print-errorlogs >build/unit-tests.log 2>&1
unit_status=$?
grep -E "^ *[0-9]+/[0-9]+ " build/unit-tests.log
unit_ok=$(grep -cE "^ok [0-9]+ " build/meson-logs/testlog.txt)
unit_fail=$(grep -cE "^not ok [0-9]+ " build/meson-logs/testlog.txt)
if ((unit_status != 0 && unit_fail == 0)); then
  unit_fail=1  # a test program crashed or timed out before reporting a case
  tail -n 30 build/unit-tests.log
fi
passed=$((passed + unit_ok))
failed=$((failed + unit_fail))

# End-to-end: the real binary on free ports.
GW_BINARY=$top/build/src/gateway/sql-gateway GW_CLIENT_BINARY=$top/build/src/client/sql-client /usr/bin/python3 -m pytest tests/e2e -q -p no:cacheprovider \
  2>&1 | tee build/e2e-tests.log | tail -n 40
e2e_line=$(grep -E "[0-9]+ (passed|failed)" build/e2e-tests.log | tail -n 1)
e2e_ok=$(grep -oE "[0-9]+ passed" <<<"$e2e_line" | awk '{print $1}')
e2e_fail=$(grep -oE "[0-9]+ (failed|error|errors)" <<<"$e2e_line" | awk '{s+=$1} END {print s+0}')
passed=$((passed + ${e2e_ok:-0}))
failed=$((failed + ${e2e_fail:-0}))
[[ -n $e2e_line ]] || failed=$((failed + 1))

# HiveServer2 end-to-end: node hive-driver 1.0.0 (npm, git-ignored node_modules) against the binary.
tests/hs2/run.sh >build/hs2-tests.log 2>&1
grep -aE "^(✖|not ok)" build/hs2-tests.log | head -n 20
hs2_line=$(grep -aE "^hs2: [0-9]+ passed, [0-9]+ failed" build/hs2-tests.log | tail -n 1)
echo "$hs2_line"
hs2_ok=$(awk '{print $2}' <<<"$hs2_line")
hs2_fail=$(awk '{print $4}' <<<"$hs2_line")
passed=$((passed + ${hs2_ok:-0}))
failed=$((failed + ${hs2_fail:-1}))

echo "$passed passed, $failed failed"
((failed == 0))
