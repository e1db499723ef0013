"""Golden .q scripts (tests/e2e/golden/*.q) in the spirit of Flink's sql-client / sql-gateway .q
files: the parser of the format, and the renderer that turns what a client saw into the expected
text. Shared by the REST runner (tests/e2e/test_golden.py, rowFormat JSON and PLAIN_TEXT) and the
HiveServer2 runner (tests/hs2/golden.test.js, which calls this file's command line: `plan` to get
the steps, `check` to render and compare what hive-driver saw).

THE FORMAT
----------
A file is a sequence of items, read line by line:

  # text                 a comment (outside an expected block); kept as it is
  <blank line>           kept as it is
  <statement>;           SQL, possibly over several lines, ended by a line whose last non-blank
                         character is ';' (the ';' is not sent). `EXECUTE|EXPLAIN STATEMENT SET`
                         statements end at a line `END;` instead, so the inner INSERTs keep theirs.
  <expected output>      every line after the statement up to the command line below
  !ok | !info | !error | !contains
                         ends the expected block of the statement before it.

Expected blocks, as Flink's sql-client .q files show them:

  OK result (one column `result`, one row `OK`; REST resultKind SUCCESS):
      [INFO] Execute statement succeeded.
      !info
  Job submission (one column `job id`, one row with the 32-hex id; REST SUCCESS_WITH_CONTENT, jobID
  set to the same id):
      [INFO] Submitting SQL update statement to the cluster...
      [INFO] SQL update statement has been successfully submitted to the cluster:
      Job ID: ${job_id_1}
      !info
  Any other result: Flink's tableau layout (borders, right-aligned cells, header of the column
  names), then `1 row in set` / `N rows in set`, or only `Empty set` when there are no rows, then
  `!ok`. Batch style: no `op` column. SQL NULL is `<NULL>` in query results and an empty cell in
  the other tables (as Flink prints DESCRIBE's missing key / extras / watermark).
  The single `result` cell of EXPLAIN and SHOW CREATE TABLE|VIEW|CATALOG is printed as raw text
  (as Flink's sql-gateway .q files print it), then `!ok`.
  Error: the root cause `<exception class>: <message>` (the last `Caused by:` of the REST error
  body, up to the stack lines):
      [ERROR] Could not execute SQL statement. Reason:
      org.apache.flink.table.api.ValidationException: Table with identifier ... does not exist.
      !error
    The first root-cause line must match exactly (runs of blanks collapsed); further expected
    lines must match the following actual lines, but the actual text may go on (Flink's "Was
    expecting one of:" lists, DuckDB's "LINE 1:" hints need not be written down).
  `!contains` instead of `!ok`: for output whose exact form is the engine's (EXPLAIN plans,
    the built-in function list): the result must be raw text or a table (not an OK result, a
    job or an error), and each non-blank expected line must occur, in order, inside the actual
    lines.

A statement that does not reach a terminal state within the runner's timeout (20 s) is
cancelled, and the rest of the file is not run (shown as `[NOT RUN]`): its session would only
queue behind it.

Every file runs on a gateway of its own with a fresh data directory (REST: once per row format;
HS2: the endpoint's catalog.name / default-database set to default_catalog / default_database,
so that HS2 sessions start where REST sessions do).

Directives (lines of their own between items):

  !rest-only     before a statement: not run over HiveServer2 (its block is taken as expected
                 there). For what HS2 cannot show the same way (nested values typed as strings,
                 timestamps without their precision).
  !unordered     before a statement: the rows are compared sorted (by their rendered cells), for
                 lists whose order Flink does not define (SHOW JOBS).
  !restart       stop the gateway cleanly (SIGTERM, exit 0), start it again on the same data
                 directory, and continue in a new session.
  !wait-job S [seconds]
                 poll `DESCRIBE JOB '${job_id}'` (not printed) until the job's status is S, or
                 fail after `seconds` (default 20).
  !log-contains TEXT
                 wait (up to 20 s) until the gateway's log (stdout + stderr) contains TEXT: for
                 what a statement writes to the log only (the print connector).

Substitutions in statements: `${data_dir}` = the gateway's data directory (an allowed directory;
the DuckDB file of default_catalog lives in it, and `${data_dir}/jars/udf-a.jar` and
`udf-b.jar` exist as empty files), `${job_id}` = the id of the latest job submission,
`${job_id_N}` = the id of the N-th job submission of the file (1-based).

Normalisation of the actual output (so that it can be compared): the data directory's path is
shown as `${data_dir}`; a job id of the file's N-th job submission is shown as `${job_id_N}` (any
other 32-hex value in a `job id` column as `${job_id_?}`); a timestamp in a `start time` column
as `${start_time}`; a UUID (session / operation handle in a message) as `${uuid}`. Only in a
`SET` listing (columns `key`, `value`): rows whose key starts with `sql-gateway.` are left out
(the generated gateway configuration differs by runner and start).

RENDERING RULES PER PROTOCOL
----------------------------
REST JSON: values are printed from the JSON by their column's logical type as Flink prints them
  in PLAIN_TEXT / the tableau: BOOLEAN TRUE/FALSE; DECIMAL with the column's scale, never
  scientific (`1E+2` with scale 2 → `100.00`); FLOAT/DOUBLE like Java's toString; TIMESTAMP(p) and
  TIMESTAMP_LTZ(p) `yyyy-MM-dd HH:mm:ss` plus the fraction padded to p digits (the `T` and the
  LTZ `Z` dropped); BINARY `x'hex'`; ARRAY `[a, b]`, MAP `{k=v}`, ROW `(a, b)`, nested NULL
  `NULL`. So a JSON and a PLAIN_TEXT run print the same text.
REST PLAIN_TEXT: the server's strings as they are; JSON null → `<NULL>`.
REST envelope: checked on every statement and reported as `[PROTOCOL] ...` lines on top of the
  block when wrong (never expected in a file): a query (first word SELECT, WITH, VALUES or `(`)
  needs isQueryResult true, resultKind SUCCESS_WITH_CONTENT and a jobID; every other statement
  isQueryResult false; an OK result resultKind SUCCESS and no jobID; a job submission
  SUCCESS_WITH_CONTENT and jobID equal to the `job id` value; any other content
  SUCCESS_WITH_CONTENT and no jobID; every row kind INSERT.
HiveServer2 (hive-driver): there is no resultKind / isQueryResult / jobID. An operation without a
  result set is an OK result; otherwise the same shapes as REST. Typed values are printed by
  their TTypeId: BOOLEAN TRUE/FALSE; integers; DOUBLE/FLOAT like Java's toString; DECIMAL with
  the scale qualifier; STRING/VARCHAR/CHAR/DATE/TIMESTAMP text as sent (TIMESTAMP carries no
  precision, so no padding: statements that select fractional timestamps are `!rest-only`);
  BINARY `x'hex'` (but a TINYINT sent as byteVal, Hive's BINARY_TYPE quirk, as a number);
  ARRAY/MAP/STRUCT text parsed as JSON and printed like REST; NULL `<NULL>`.
  Errors: only the message is compared: a leading `<exception class>: ` is removed from the
  expected and the actual first line (HS2 errorMessage carries no class).
  Jobs: HS2 sessions run with table.dml-sync=true, and an INSERT / CTAS / statement set ends
  when its job did, with no result set (the row count is numModifiedRows): no job id comes
  back. So a statement whose expected block is a job submission (either form: the `Job ID:`
  block or `[INFO] Complete execution of the SQL update statement.`) accepts an operation that
  finished without a result set, shown as the expected block with the placeholder of its
  submission number (`${job_id_N}`); that job's id is unknown (not substituted). A job id row
  is still taken as a job submission, as over REST.
  Steps skipped over HS2 (taken as expected, reported as skipped by the node runner):
  `!rest-only` statements; a statement whose `${job_id}` / `${job_id_N}` names a job of unknown
  id, and `!wait-job` when the latest job's id is unknown (decided by the runner at run time);
  after `SET 'table.dml-sync' = 'false'` (the file's jobs run asynchronously, and its
  expectations about RUNNING jobs do not hold over HS2): every `!wait-job`, SHOW JOBS and every
  statement using `${job_id...}`, to the end of the file.
  SHOW JOBS (any table with a `job id` and a `start time` column): ids not seen before are
  taken, in start time order, as the jobs of unknown id in submission order, and then shown as
  `${job_id_N}` like REST does; any other id as `${job_id_?}`.

COMMAND LINE (for the node runner)
----------------------------------
  python3 golden_format.py plan FILE.q
      → JSON {"steps": [{"type": "statement", "sql": ..., "restOnly": bool, "line": N} |
                        {"type": "restart"} | {"type": "wait-job", "status": S, "timeout": s} |
                        {"type": "log-contains", "text": T, "timeout": s}]}
  python3 golden_format.py plan FILE.q --mode hs2
      → the same steps, each statement and wait-job step also with "line": N, "text" (its first
        line), "job": bool (the expected block is a job submission), "usesJobId": bool and
        "hs2Skip": null or the reason it is not run over HS2 (see the HS2 rules above).
  python3 golden_format.py check FILE.q --mode hs2 < {"dataDir": ..., "results": [...]}
      → JSON {"actual": <the file as it would be with what was seen>, "expected": <file text>,
              "diff": <unified diff from expected to actual>}
      One result per step, in order: {"kind": "result", "columns": [{"name", "typeName",
      "arm"}], "rows": [[...]]} (i64 as {"i64": "..."}, binary as {"binary": "<hex>"}),
      {"kind": "no-result-set"}, {"kind": "error", "text": ...}, {"kind": "skipped"} (also
      for a wait-job step),
      {"kind": "status", "status": ...} (ended neither FINISHED nor ERROR),
      {"kind": "not-run", "line": N} (left out: the statement of line N never finished),
      {"kind": "restart"}, {"kind": "wait-job"|"log-contains", "ok": bool, "detail": ...}.
"""

import base64
import binascii
import difflib
import decimal
import json
import re
import sys
import unicodedata
from decimal import Decimal

TERMINATORS = ("!ok", "!info", "!error", "!contains")
MODIFIERS = ("!rest-only", "!unordered")
DEFAULT_WAIT_SECONDS = 20.0

OK_LINE = "[INFO] Execute statement succeeded."
JOB_LINES = ("[INFO] Submitting SQL update statement to the cluster...",
             "[INFO] SQL update statement has been successfully submitted to the cluster:")
ERROR_LINE = "[ERROR] Could not execute SQL statement. Reason:"
COMPLETE_LINE = "[INFO] Complete execution of the SQL update statement."
JOB_ID_LINE_RE = re.compile(r"^Job ID: \$\{job_id(?:_\d+)?\}$")
JOB_ID_USE_RE = re.compile(r"\$\{job_id(?:_\d+)?\}")
DML_ASYNC_RE = re.compile(r"^\s*SET\s+'?table\.dml-sync'?\s*=\s*'?false'?\s*$", re.IGNORECASE)
SHOW_JOBS_RE = re.compile(r"^\s*SHOW\s+JOBS\b", re.IGNORECASE)

HEX32_RE = re.compile(r"\b[0-9a-f]{32}\b")
UUID_RE = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
TIMESTAMP_RE = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?Z?$")
EXCEPTION_PREFIX_RE = re.compile(r"^(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error): ")
STATEMENT_SET_RE = re.compile(r"^\s*(EXECUTE|EXPLAIN)\s+STATEMENT\s+SET\b", re.IGNORECASE)
END_LINE_RE = re.compile(r"^\s*END\s*;\s*$", re.IGNORECASE)
QUERY_RE = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|^\s*\(", re.IGNORECASE)
RAW_RE = re.compile(r"^\s*(EXPLAIN\b|SHOW\s+CREATE\b)", re.IGNORECASE)


# ---- parsing -----------------------------------------------------------------------------------

class Text:
    """Comment or blank lines between statements, kept verbatim."""

    def __init__(self, lines):
        self.lines = lines


class Directive:
    """!restart or !wait-job S [seconds]."""

    def __init__(self, line, line_no=None):
        self.line = line
        self.line_no = line_no
        words = line.split()
        self.name = words[0][1:]
        if self.name == "restart" and len(words) == 1:
            return
        if self.name == "wait-job" and len(words) in (2, 3):
            self.status = words[1]
            self.timeout = float(words[2]) if len(words) == 3 else DEFAULT_WAIT_SECONDS
            return
        if self.name == "log-contains" and len(words) >= 2:
            self.text = line.split(None, 1)[1]
            self.timeout = DEFAULT_WAIT_SECONDS
            return
        raise ValueError(f"bad directive: {line!r}")


class Statement:
    """A statement, its modifiers, its expected block and the command that ended the block."""

    def __init__(self, modifiers, sql_lines, expected, command, line_no):
        self.modifiers = modifiers
        self.sql_lines = sql_lines
        self.expected = expected
        self.command = command
        self.line_no = line_no

    @property
    def sql(self):
        text = "\n".join(self.sql_lines).rstrip()
        return text[:-1].rstrip() if text.endswith(";") else text

    @property
    def rest_only(self):
        return "!rest-only" in self.modifiers

    @property
    def unordered(self):
        return "!unordered" in self.modifiers


def parse(text):
    """The items of a .q file. Raises ValueError naming the line of a malformed file."""
    items = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    pending_text = []
    modifiers = []
    i = 0

    def flush_text():
        if pending_text:
            items.append(Text(list(pending_text)))
            pending_text.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not modifiers and (stripped == "" or stripped.startswith("#")):
            pending_text.append(line)
            i += 1
            continue
        if stripped.startswith("!"):
            word = stripped.split()[0]
            if word in MODIFIERS:
                flush_text()
                modifiers.append(stripped)
                i += 1
                continue
            if modifiers:
                raise ValueError(f"line {i + 1}: {word} after a modifier, expected a statement")
            flush_text()
            try:
                items.append(Directive(stripped, i + 1))
            except ValueError as e:
                raise ValueError(f"line {i + 1}: {e}") from None
            i += 1
            continue
        flush_text()
        start = i
        statement_set = bool(STATEMENT_SET_RE.match(line))
        sql_lines = []
        while True:
            if i >= len(lines):
                raise ValueError(f"line {start + 1}: statement without its ending ';'")
            sql_lines.append(lines[i])
            ends = END_LINE_RE.match(lines[i]) if statement_set else lines[i].rstrip().endswith(";")
            i += 1
            if ends:
                break
        expected = []
        while True:
            if i >= len(lines):
                raise ValueError(f"line {start + 1}: expected block without "
                                 "!ok/!info/!error/!contains")
            if lines[i].strip() in TERMINATORS:
                command = lines[i].strip()
                i += 1
                break
            expected.append(lines[i])
            i += 1
        items.append(Statement(modifiers, sql_lines, expected, command, start + 1))
        modifiers = []
    if modifiers:
        raise ValueError("modifier at the end of the file")
    flush_text()
    return items


def plan(items):
    """The steps a runner executes, in order."""
    steps = []
    for item in items:
        if isinstance(item, Statement):
            steps.append({"type": "statement", "sql": item.sql, "restOnly": item.rest_only,
                          "line": item.line_no})
        elif isinstance(item, Directive):
            if item.name == "restart":
                steps.append({"type": "restart"})
            elif item.name == "log-contains":
                steps.append({"type": "log-contains", "text": item.text, "timeout": item.timeout})
            else:
                steps.append({"type": "wait-job", "status": item.status, "timeout": item.timeout})
    return steps


def is_job_block(expected):
    """Is an expected block a job submission (the `Job ID:` block or sql-client's
    `Complete execution` line)?"""
    lines = [x.rstrip() for x in expected]
    while lines and lines[-1] == "":
        lines.pop()
    if lines == [COMPLETE_LINE]:
        return True
    return len(lines) == 3 and tuple(lines[:2]) == JOB_LINES and bool(JOB_ID_LINE_RE.match(lines[2]))


def plan_hs2(items):
    """plan(items) with what the HS2 runner needs to know (see the HS2 rules in the docstring)."""
    steps = plan(items)
    runnable = [item for item in items if isinstance(item, (Statement, Directive))]
    async_jobs = False
    for item, step in zip(runnable, steps):
        if isinstance(item, Statement):
            uses = bool(JOB_ID_USE_RE.search(item.sql))
            step.update({"text": item.sql_lines[0].strip(), "job": is_job_block(item.expected),
                         "usesJobId": uses, "hs2Skip": None})
            if async_jobs and (uses or SHOW_JOBS_RE.match(strip_leading_comments(item.sql))):
                step["hs2Skip"] = ("after SET 'table.dml-sync' = 'false' the file's jobs run "
                                   "asynchronously; their status checks do not hold over HS2")
            if DML_ASYNC_RE.match(strip_leading_comments(item.sql)):
                async_jobs = True
        elif step["type"] == "wait-job":
            step.update({"line": item.line_no, "text": item.line, "hs2Skip": None})
            if async_jobs:
                step["hs2Skip"] = ("after SET 'table.dml-sync' = 'false' the file's jobs run "
                                   "asynchronously; their status checks do not hold over HS2")
    return steps


def is_query(sql):
    return bool(QUERY_RE.match(strip_leading_comments(sql)))


def is_raw(sql):
    return bool(RAW_RE.match(strip_leading_comments(sql)))


def strip_leading_comments(sql):
    s = sql
    while True:
        s = s.lstrip()
        if s.startswith("--"):
            s = s.split("\n", 1)[1] if "\n" in s else ""
        elif s.startswith("/*") and "*/" in s:
            s = s.split("*/", 1)[1]
        else:
            return s


def substitute(sql, data_dir, job_ids):
    """${data_dir}, ${job_id} and ${job_id_N} in a statement."""
    def job(m):
        if m.group(1) is None:
            return job_ids[-1] if job_ids else "${job_id}"
        n = int(m.group(1))
        return job_ids[n - 1] if 0 < n <= len(job_ids) else m.group(0)
    sql = sql.replace("${data_dir}", data_dir)
    return re.sub(r"\$\{job_id(?:_(\d+))?\}", job, sql)


# ---- values → text -----------------------------------------------------------------------------

NULL_TEXT = "<NULL>"


def java_double(value):
    """Java's Double.toString of a finite or special double."""
    if isinstance(value, str):
        return value  # "NaN", "Infinity", "-Infinity" as Jackson writes them
    f = float(value)
    if f != f:
        return "NaN"
    if f in (float("inf"), float("-inf")):
        return "Infinity" if f > 0 else "-Infinity"
    if f == 0:
        return "-0.0" if str(f).startswith("-") else "0.0"
    sign = "-" if f < 0 else ""
    digits, exponent = _shortest_digits(abs(f))
    # digits "d1d2...dn" with value 0.d1d2...dn * 10^exponent
    if 1e-3 <= abs(f) < 1e7:
        point = exponent
        if point <= 0:
            return f"{sign}0.{'0' * -point}{digits}"
        if point >= len(digits):
            return f"{sign}{digits}{'0' * (point - len(digits))}.0"
        return f"{sign}{digits[:point]}.{digits[point:]}"
    mantissa = digits[0] + "." + (digits[1:] or "0")
    return f"{sign}{mantissa}E{exponent - 1}"


def _shortest_digits(f):
    t = Decimal(repr(f)).normalize().as_tuple()
    digits = "".join(str(d) for d in t.digits)
    return digits, len(digits) + t.exponent


def plain_decimal(value, scale):
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if scale is not None:
        try:
            d = d.quantize(Decimal(1).scaleb(-scale))
        except decimal.InvalidOperation:
            pass
    return format(d, "f")


def pad_fraction(text, precision):
    """'2021-04-13 20:12:11.1' with precision 3 → '2021-04-13 20:12:11.100'."""
    if precision is None:
        return text
    head, _, frac = text.partition(".")
    if precision == 0:
        return head
    return f"{head}.{(frac + '0' * precision)[:precision]}"


def json_value_text(value, ltype, nested=False):
    """A REST JSON value printed as Flink prints it (see the module docstring)."""
    if value is None:
        return "NULL" if nested else NULL_TEXT
    root = (ltype or {}).get("type")
    if root == "BOOLEAN":
        return "TRUE" if value is True else "FALSE" if value is False else str(value)
    if root in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT"):
        return str(value)
    if root in ("FLOAT", "DOUBLE"):
        return java_double(value)
    if root == "DECIMAL":
        return plain_decimal(value, ltype.get("scale"))
    if root in ("CHAR", "VARCHAR", "DATE"):
        return str(value)
    if root in ("BINARY", "VARBINARY"):
        try:
            return "x'" + base64.b64decode(value).hex() + "'"
        except (binascii.Error, TypeError):
            return str(value)
    if root == "TIME_WITHOUT_TIME_ZONE":
        return pad_fraction(str(value), ltype.get("precision"))
    if root in ("TIMESTAMP_WITHOUT_TIME_ZONE", "TIMESTAMP_WITH_LOCAL_TIME_ZONE",
                "TIMESTAMP_WITH_TIME_ZONE"):
        text = str(value).replace("T", " ", 1)
        if text.endswith("Z"):
            text = text[:-1]
        return pad_fraction(text, ltype.get("precision"))
    if root == "ARRAY" and isinstance(value, list):
        element = ltype.get("elementType")
        return "[" + ", ".join(json_value_text(v, element, True) for v in value) + "]"
    if root == "MAP" and isinstance(value, dict):
        return "{" + ", ".join(f"{json_value_text(k, ltype.get('keyType'), True)}="
                               f"{json_value_text(v, ltype.get('valueType'), True)}"
                               for k, v in value.items()) + "}"
    if root == "MULTISET" and isinstance(value, dict):
        return "{" + ", ".join(f"{json_value_text(k, ltype.get('elementType'), True)}={v}"
                               for k, v in value.items()) + "}"
    if root == "ROW" and isinstance(value, dict):
        fields = ltype.get("fields") or []
        parts = [json_value_text(value.get(f["name"]), f.get("fieldType"), True) for f in fields]
        return "(" + ", ".join(parts) + ")"
    return untyped_text(value, nested)


def untyped_text(value, nested=False):
    """A JSON value without a usable type (nested HS2 values, unknown types)."""
    if value is None:
        return "NULL" if nested else NULL_TEXT
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, list):
        return "[" + ", ".join(untyped_text(v, True) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}={untyped_text(v, True)}" for k, v in value.items()) + "}"
    return str(value)


def plain_value_text(value):
    return NULL_TEXT if value is None else value if isinstance(value, str) else untyped_text(value)


def hs2_value_text(value, column):
    if value is None:
        return NULL_TEXT
    type_name = column.get("typeName") or ""
    if isinstance(value, dict) and "i64" in value:
        return str(value["i64"])
    if isinstance(value, dict) and "binary" in value:
        return "x'" + value["binary"] + "'"
    if type_name == "BOOLEAN_TYPE":
        return "TRUE" if value else "FALSE"
    if type_name in ("TINYINT_TYPE", "SMALLINT_TYPE", "INT_TYPE", "BIGINT_TYPE"):
        return str(value)
    if type_name == "BINARY_TYPE" and column.get("arm") == "byteVal":
        return str(value)
    if type_name in ("FLOAT_TYPE", "DOUBLE_TYPE"):
        return java_double(value)
    if type_name == "DECIMAL_TYPE":
        try:
            return plain_decimal(Decimal(str(value)), (column.get("qualifiers") or {}).get("scale"))
        except decimal.InvalidOperation:
            return str(value)
    if type_name in ("ARRAY_TYPE", "MAP_TYPE", "STRUCT_TYPE") and isinstance(value, str):
        try:
            parsed = json.loads(value, parse_float=float)
        except ValueError:
            return value
        if type_name == "STRUCT_TYPE" and isinstance(parsed, dict):
            return "(" + ", ".join(untyped_text(v, True) for v in parsed.values()) + ")"
        return untyped_text(parsed)
    if type_name == "NULL_TYPE":
        return NULL_TEXT
    return value if isinstance(value, str) else untyped_text(value)


# ---- tables --------------------------------------------------------------------------------------

def display_width(text):
    """TableauStyle's width: East Asian wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def tableau(names, rows):
    """Flink's TableauStyle: every cell right-aligned in a column as wide as its widest cell."""
    if not rows:
        return ["Empty set"]
    widths = [display_width(n) for n in names]
    for row in rows:
        for j, cell in enumerate(row):
            widths[j] = max(widths[j], display_width(cell))
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def line(cells):
        return "|" + "|".join(" " + " " * (w - display_width(c)) + c + " "
                              for c, w in zip(cells, widths)) + "|"
    out = [border, line(names), border]
    out += [line(r) for r in rows]
    out.append(border)
    out.append("1 row in set" if len(rows) == 1 else f"{len(rows)} rows in set")
    # A cell with line breaks makes one "line" of several: keep the block line-based.
    return "\n".join(out).split("\n")


# ---- rendering one statement ---------------------------------------------------------------------

class Rendered:
    """What one statement printed: its block lines, the command ending it, and its shape."""

    def __init__(self, lines, command, shape, protocol=()):
        self.protocol = list(protocol)
        self.lines = self.protocol + list(lines)
        self.command = command
        self.shape = shape  # ok | job | table | raw | error | other


class Context:
    """Per file: the data directory, the job ids seen so far (in submission order)."""

    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.job_ids = []

    def normalise(self, text):
        if self.data_dir:
            text = text.replace(self.data_dir, "${data_dir}")
        text = UUID_RE.sub("${uuid}", text)
        return HEX32_RE.sub(lambda m: self.job_name(m.group(0), keep_unknown=True), text)

    def job_name(self, value, keep_unknown=False):
        if value in self.job_ids:
            return "${job_id_%d}" % (self.job_ids.index(value) + 1)
        return value if keep_unknown else "${job_id_?}"


def root_cause(text):
    """`<class>: <message>` of the last `Caused by:` (up to the stack lines), or the whole text."""
    idx = text.rfind("Caused by: ")
    if idx >= 0:
        text = text[idx + len("Caused by: "):]
    out = []
    for line in text.split("\n"):
        if line.startswith("\tat ") or line.strip() == "End of exception on server side>" \
                or line.startswith("\t... "):
            break
        out.append(line.rstrip())
    while out and out[-1] == "":
        out.pop()
    return out or [""]


def rest_error_text(status, body, raw_text):
    """The error text of a failed REST fetch: the last `errors` entry (the stack of the root
    cause), else the raw body."""
    if isinstance(body, dict) and isinstance(body.get("errors"), list) and body["errors"]:
        entries = [e for e in body["errors"] if isinstance(e, str)]
        with_cause = [e for e in entries if "Caused by: " in e]
        if with_cause:
            return with_cause[-1]
        if isinstance(body.get("rootCause"), str):
            return body["rootCause"]
        return entries[-1]
    return f"HTTP {status}: {raw_text}"


def render(sql, result, ctx, mode, unordered=False):
    """The block of one statement. mode: JSON, PLAIN_TEXT or HS2. result: see the module doc."""
    kind = result["kind"]
    if kind == "error":
        lines = root_cause(ctx.normalise(result["text"]))
        return Rendered([ERROR_LINE] + lines, "!error", "error")
    if kind == "status":
        return Rendered([f"[ERROR] The operation ended {result['status']}."], "!error", "other")
    if kind == "no-result-set":
        return Rendered([OK_LINE], "!info", "ok")
    columns = result["columns"]
    names = [c["name"] for c in columns]
    raw_rows = result["rows"]
    query = is_query(sql)
    protocol = []

    # Flink prints NULL as <NULL> in query results but as an empty cell in the tables its
    # statements build (DESCRIBE's key/extras/watermark: PrintStyle with nullColumn "").
    null_text = NULL_TEXT if query else ""
    if mode == "HS2":
        text_rows = [[hs2_value_text(v, c) if v is not None else null_text
                      for v, c in zip(r, columns)] for r in raw_rows]
    elif mode == "JSON":
        text_rows = [[json_value_text(v, c.get("logicalType")) if v is not None else null_text
                      for v, c in zip(r, columns)] for r in raw_rows]
    else:
        text_rows = [[plain_value_text(v) if v is not None else null_text for v in r]
                     for r in raw_rows]

    is_ok = not query and names == ["result"] and text_rows == [["OK"]]
    is_job = not query and names == ["job id"] and len(text_rows) == 1
    if is_job and text_rows[0][0] not in ctx.job_ids and HEX32_RE.fullmatch(text_rows[0][0]):
        ctx.job_ids.append(text_rows[0][0])

    if mode != "HS2":
        protocol = envelope_problems(result, query, is_ok, is_job, text_rows)

    if is_ok:
        return Rendered([OK_LINE], "!info", "ok", protocol)
    if is_job:
        value = text_rows[0][0]
        shown = ctx.job_name(value) if HEX32_RE.fullmatch(value) else value
        return Rendered(list(JOB_LINES) + [f"Job ID: {shown}"], "!info", "job", protocol)

    if mode == "HS2" and not query:
        hs2_learn_job_ids(names, text_rows, ctx)
    text_rows = [[normalise_cell(names[j], cell, ctx) for j, cell in enumerate(row)]
                 for row in text_rows]
    if names == ["key", "value"]:
        text_rows = [r for r in text_rows if not r[0].startswith("sql-gateway.")]
    if unordered:
        text_rows.sort()
    if is_raw(sql) and names == ["result"] and len(text_rows) == 1:
        return Rendered(text_rows[0][0].rstrip("\n").split("\n"), "!ok", "raw", protocol)
    return Rendered(tableau(names, text_rows), "!ok", "table", protocol)


def normalise_cell(name, cell, ctx):
    if name == "start time" and TIMESTAMP_RE.match(cell):
        return "${start_time}"
    if name == "job id" and HEX32_RE.fullmatch(cell):
        return ctx.job_name(cell)
    return ctx.normalise(cell)


def envelope_problems(result, query, is_ok, is_job, text_rows):
    """REST resultKind / isQueryResult / jobID / row kinds against the statement's shape."""
    problems = []
    kind = result.get("resultKind")
    is_query_result = result.get("isQueryResult")
    job_id = result.get("jobID")
    if query:
        if is_query_result is not True:
            problems.append(f"isQueryResult is {is_query_result}, a query needs true")
        if kind != "SUCCESS_WITH_CONTENT":
            problems.append(f"resultKind is {kind}, a query needs SUCCESS_WITH_CONTENT")
        if not (isinstance(job_id, str) and HEX32_RE.fullmatch(job_id)):
            problems.append(f"jobID is {job_id}, a query needs its job's id")
    else:
        if is_query_result is not False:
            problems.append(f"isQueryResult is {is_query_result}, expected false for a non-query")
        if is_ok:
            if kind != "SUCCESS":
                problems.append(f"resultKind is {kind}, an OK result needs SUCCESS")
            if job_id is not None:
                problems.append(f"jobID {job_id} on an OK result")
        elif is_job:
            if kind != "SUCCESS_WITH_CONTENT":
                problems.append(f"resultKind is {kind}, a job submission needs "
                                "SUCCESS_WITH_CONTENT")
            if job_id != text_rows[0][0]:
                problems.append(f"jobID is {job_id}, expected the `job id` value {text_rows[0][0]}")
        else:
            if kind != "SUCCESS_WITH_CONTENT":
                problems.append(f"resultKind is {kind}, content needs SUCCESS_WITH_CONTENT")
            if job_id is not None:
                problems.append(f"jobID {job_id} on a result that is no job")
    kinds = result.get("kinds") or []
    if any(k != "INSERT" for k in kinds):
        problems.append(f"row kinds {sorted(set(kinds))}, a batch result has only INSERT")
    return ["[PROTOCOL] " + p for p in problems]


# ---- comparing -----------------------------------------------------------------------------------

def _squash(line):
    return " ".join(line.split())


def _message_only(line):
    return EXCEPTION_PREFIX_RE.sub("", line, count=1)


def matches(statement, rendered, mode):
    """Does what was seen satisfy the statement's expected block (with the leniencies above)?"""
    expected = statement.expected
    if rendered.protocol:
        return False
    if statement.command == "!contains":
        if rendered.shape not in ("raw", "table"):
            return False
        pos = 0
        for want in (e.strip() for e in expected if e.strip()):
            while pos < len(rendered.lines) and want not in rendered.lines[pos]:
                pos += 1
            if pos == len(rendered.lines):
                return False
        return True
    if statement.command != rendered.command:
        return False
    if statement.command == "!error":
        actual = rendered.lines
        if len(expected) < 2 or len(actual) < 2 or _squash(expected[0]) != _squash(actual[0]):
            return False
        first_e, first_a = _squash(expected[1]), _squash(actual[1])
        if mode == "HS2":
            first_e, first_a = _message_only(first_e), _message_only(first_a)
        if first_e != first_a:
            return False
        rest_e = [_squash(x) for x in expected[2:]]
        rest_a = [_squash(x) for x in actual[2:]]
        while rest_e and rest_e[-1] == "":
            rest_e.pop()
        return rest_a[:len(rest_e)] == rest_e
    return [x.rstrip() for x in expected] == [x.rstrip() for x in rendered.lines]


def statement_of(items):
    return [item for item in items if isinstance(item, (Statement, Directive))]


def actual_text(items, outcomes, update=False):
    """The file as it would read with what was seen: each statement whose outcome matches keeps
    its expected block; any other shows the actual block. outcomes: per Statement/Directive item,
    a Rendered, None (kept as expected: skipped) or, for a directive, (ok, detail)."""
    out = []
    for item in items:
        if isinstance(item, Text):
            out += item.lines
            continue
        outcome = outcomes.get(id(item))
        if isinstance(item, Directive):
            if outcome is not None and not outcome[0] and not update:
                out.append(f"{item.line}    <-- FAILED: {outcome[1]}")
            else:
                out.append(item.line)
            continue
        out += item.modifiers
        out += item.sql_lines
        rendered = outcome
        if rendered is None or (item.command == "!contains" and update) \
                or matches(item, rendered, outcome_mode(outcomes)):
            out += item.expected
            out.append(item.command)
        else:
            out += rendered.lines
            out.append(rendered.command)
    return "\n".join(out) + "\n"


def outcome_mode(outcomes):
    return outcomes.get("mode", "JSON")


def not_run(item, stuck_line):
    """The outcome of a step left out because the statement of line stuck_line never finished
    (the session no longer answers; waiting on would only make the run slow)."""
    detail = f"not run: the statement of line {stuck_line} did not finish"
    if isinstance(item, Directive):
        return (False, detail)
    return Rendered([f"[NOT RUN] the statement of line {stuck_line} did not finish"], "!error",
                    "other")


def render_all(items, results, data_dir, mode):
    """Renders the results of a run (one per step of plan(items), in order) into outcomes."""
    ctx = Context(data_dir)
    outcomes = {"mode": mode}
    steps = statement_of(items)
    for item, result in zip(steps, results):
        if result.get("kind") == "not-run":
            outcomes[id(item)] = not_run(item, result.get("line"))
            continue
        if mode == "HS2" and result.get("kind") == "skipped":
            outcomes[id(item)] = None
            continue
        if mode == "HS2" and isinstance(item, Statement) and result.get("kind") == "no-result-set" \
                and is_job_block(item.expected):
            outcomes[id(item)] = hs2_job_without_id(item, ctx)
            continue
        if isinstance(item, Directive):
            if item.name in ("wait-job", "log-contains"):
                detail = ctx.normalise(str(result.get("detail", "")))
                outcomes[id(item)] = (bool(result.get("ok")), detail)
            continue
        if result["kind"] == "skipped":
            outcomes[id(item)] = None
            continue
        outcomes[id(item)] = render(item.sql, result, ctx, mode, item.unordered)
    for item in steps[len(results):]:  # the run stopped early
        if isinstance(item, Statement):
            outcomes[id(item)] = Rendered(["[NOT RUN]"], "!error", "other")
    return outcomes


def hs2_job_without_id(item, ctx):
    """A job submission that ended without a result set over HS2 (dml-sync): the N-th job, of
    unknown id, shown as the expected block with its placeholder."""
    ctx.job_ids.append(None)
    if [x.rstrip() for x in item.expected if x.strip()] == [COMPLETE_LINE]:
        return Rendered([COMPLETE_LINE], "!info", "job")
    return Rendered(list(JOB_LINES) + ["Job ID: ${job_id_%d}" % len(ctx.job_ids)], "!info", "job")


def hs2_learn_job_ids(names, text_rows, ctx):
    """SHOW JOBS over HS2: ids not seen before fill the jobs of unknown id, in start time order."""
    if "job id" not in names or "start time" not in names or None not in ctx.job_ids:
        return
    j, t = names.index("job id"), names.index("start time")
    new = [r for r in text_rows if HEX32_RE.fullmatch(r[j]) and r[j] not in ctx.job_ids]
    seen = set()
    for row in sorted(new, key=lambda r: r[t]):
        if row[j] in seen:
            continue
        seen.add(row[j])
        if None not in ctx.job_ids:
            break
        ctx.job_ids[ctx.job_ids.index(None)] = row[j]


def check_file(path, results, data_dir, mode):
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    items = parse(expected)
    return expected, actual_text(items, render_all(items, results, data_dir, mode))


def main(argv):
    if len(argv) >= 2 and argv[0] == "plan":
        with open(argv[1], encoding="utf-8") as f:
            items = parse(f.read())
        hs2 = "--mode" in argv and argv[argv.index("--mode") + 1].upper() == "HS2"
        print(json.dumps({"steps": plan_hs2(items) if hs2 else plan(items)}))
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        mode = "HS2"
        if "--mode" in argv:
            mode = argv[argv.index("--mode") + 1].upper()
        payload = json.loads(sys.stdin.read(), parse_float=Decimal)
        expected, actual = check_file(argv[1], payload["results"], payload.get("dataDir"), mode)
        name = argv[1].rsplit("/", 1)[-1]
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name} (expected)",
                                            f"{name} ({mode}, actual)"))
        print(json.dumps({"expected": expected, "actual": actual, "diff": diff}))
        return 0
    print(__doc__.split("COMMAND LINE")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
