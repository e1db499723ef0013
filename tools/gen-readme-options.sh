#!/usr/bin/env bash
# Regenerates the option table in README.md from the binary's option table.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
binary=${GW_BINARY:-$top/build/src/gateway/sql-gateway}
table=$("$binary" --help-options-markdown)
/usr/bin/python3 - "$top/README.md" "$table" <<'PY'
import sys, re
path, table = sys.argv[1], sys.argv[2]
text = open(path).read()
new = re.sub(r"(<!-- options:begin -->\n).*?(<!-- options:end -->)",
             lambda m: m.group(1) + table.rstrip("\n") + "\n" + m.group(2), text, flags=re.S)
open(path, "w").write(new)
PY
