"""Golden .q scripts (tests/e2e/golden/*.q, format in golden_format.py) through the REST endpoint:
each file × {rowFormat JSON, PLAIN_TEXT} is one test on a gateway of its own with a fresh data
directory, every statement in one session, in order; the file as it reads with what the gateway
answered must equal the file. tests/hs2/golden.test.js runs the same files over HiveServer2.

To rewrite the expected blocks from the actual output: GW_UPDATE_GOLDEN=1 (JSON runs only; then
read the diff: the expected texts are Flink's, not whatever the gateway prints today)."""

import difflib
import json
import os
import time
import urllib.parse
from decimal import Decimal

import pytest

from conftest import deadline_after
import golden_format as gf

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
NAMES = sorted(n[:-len(".q")] for n in os.listdir(GOLDEN_DIR) if n.endswith(".q"))
STATEMENT_TIMEOUT = 20.0  # seconds one statement may take to reach a terminal status
FETCH_TIMEOUT = 30.0      # seconds until its result reaches EOS
POLL_INTERVAL = 0.05      # between two DESCRIBE JOB polls of !wait-job
TERMINAL = frozenset({"FINISHED", "ERROR", "CANCELED", "CLOSED", "TIMEOUT"})


def golden_options(data_dir):
    """The gateway configuration of a golden run: default_catalog in a file of the data
    directory (so !restart keeps it), and only the data directory open to file access."""
    return {
        "sql-gateway.engine.duckdb.path": os.path.join(data_dir, "default_catalog.duckdb"),
        "sql-gateway.engine.duckdb.allowed-directories": data_dir,
    }


def prepare_data_dir(data_dir):
    """The data directory with the files the scripts rely on (empty jars for ADD JAR)."""
    os.makedirs(os.path.join(data_dir, "jars"), exist_ok=True)
    for name in ("udf-a.jar", "udf-b.jar"):
        open(os.path.join(data_dir, "jars", name), "wb").close()


class RestRun:
    """One session on one gateway, executing statements and turning each answer into the result
    dict golden_format renders."""

    def __init__(self, gateway_factory, data_dir, row_format):
        self.row_format = row_format
        self.gateway = gateway_factory(golden_options(data_dir))
        self.client = self.gateway.client
        self.session = self.client.open_session()

    def restart(self):
        self.gateway.stop_clean()
        self.gateway.start()
        self.client = self.gateway.client
        self.session = self.client.open_session()

    def execute(self, sql):
        client, session = self.client, self.session
        op = client.execute(session, sql)
        end = deadline_after(STATEMENT_TIMEOUT)
        status = client.status(session, op)
        while status not in TERMINAL:
            if time.monotonic() > end:
                client.post(f"/v4/sessions/{session}/operations/{op}/cancel")
                return {"kind": "status", "stuck": True,
                        "status": f"still {status} after {STATEMENT_TIMEOUT:.0f} s"}
            time.sleep(0.01)
            status = client.status(session, op)
        if status == "ERROR":
            r = client.fetch(session, op, 0)
            return {"kind": "error", "text": gf.rest_error_text(r.status, r.body, r.text)}
        if status != "FINISHED":
            return {"kind": "status", "status": status}
        return self.fetch_all(op)

    def fetch_all(self, op):
        """Follows nextResultUri to EOS; decimals parsed exactly."""
        uri = (f"/v4/sessions/{self.session}/operations/{op}/result/0?rowFormat="
               + urllib.parse.quote(self.row_format))
        end = deadline_after(FETCH_TIMEOUT)
        first = None
        rows, kinds = [], []
        while True:
            if time.monotonic() > end:
                return {"kind": "status", "status": f"no EOS after {FETCH_TIMEOUT:.0f} s"}
            r = self.client.get(uri)
            if r.status != 200:
                return {"kind": "error", "text": gf.rest_error_text(r.status, r.body, r.text)}
            page = json.loads(r.text, parse_float=Decimal)
            if page["resultType"] != "NOT_READY":
                first = first or page
                for row in page["results"]["data"]:
                    rows.append(row["fields"])
                    kinds.append(row["kind"])
            if page["resultType"] == "EOS":
                break
            if page["resultType"] == "NOT_READY" or not page["results"]["data"]:
                time.sleep(0.01)
            uri = page["nextResultUri"]
        return {
            "kind": "result",
            "columns": first["results"]["columns"],
            "rows": rows,
            "kinds": kinds,
            "resultKind": first.get("resultKind"),
            "isQueryResult": first.get("isQueryResult"),
            "jobID": first.get("jobID"),
        }

    def log_contains(self, text, timeout):
        """Waits until the gateway's log holds text; returns (ok, detail)."""
        end = deadline_after(timeout)
        while text not in self.gateway.log_text():
            if time.monotonic() > end:
                return False, f"not in the gateway log after {timeout:.0f} s"
            time.sleep(POLL_INTERVAL)
        return True, "found"

    def wait_job(self, job_id, status, timeout):
        """Polls DESCRIBE JOB until the job's status is `status`; returns (ok, detail)."""
        if job_id is None:
            return False, "no job submitted before"
        end = deadline_after(timeout)
        seen = None
        while True:
            result = self.execute(f"DESCRIBE JOB '{job_id}'")
            if result["kind"] == "result":
                names = [c["name"] for c in result["columns"]]
                if "status" in names and result["rows"]:
                    seen = result["rows"][0][names.index("status")]
                else:
                    seen = f"columns {names}, rows {result['rows']}"
            else:
                seen = " ".join(gf.root_cause(result.get("text", result.get("status", ""))))
            if seen == status:
                return True, seen
            if time.monotonic() > end or result.get("stuck"):
                return False, f"job {job_id} is {seen} after {timeout:.0f} s"
            time.sleep(POLL_INTERVAL)


def run_file(path, gateway_factory, data_dir, row_format):
    """Runs every step of the file; returns (expected text, actual text, update text)."""
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    items = gf.parse(expected)
    run = RestRun(gateway_factory, data_dir, row_format)
    ctx = gf.Context(data_dir)
    outcomes = {"mode": row_format}
    stuck = None  # the statement after which the session no longer answers
    for item in gf.statement_of(items):
        if stuck is not None:
            outcomes[id(item)] = gf.not_run(item, stuck)
            continue
        if isinstance(item, gf.Directive):
            if item.name == "restart":
                run.restart()
            elif item.name == "log-contains":
                outcomes[id(item)] = run.log_contains(item.text, item.timeout)
            else:
                job = ctx.job_ids[-1] if ctx.job_ids else None
                ok, detail = run.wait_job(job, item.status, item.timeout)
                outcomes[id(item)] = (ok, ctx.normalise(detail))
            continue
        sql = gf.substitute(item.sql, data_dir, ctx.job_ids)
        result = run.execute(sql)
        outcomes[id(item)] = gf.render(item.sql, result, ctx, row_format, item.unordered)
        if result.get("stuck"):
            stuck = item.line_no
    return expected, gf.actual_text(items, outcomes), gf.actual_text(items, outcomes, update=True)


@pytest.mark.parametrize("row_format", ["JSON", "PLAIN_TEXT"])
@pytest.mark.parametrize("name", NAMES)
def test_golden(name, row_format, gateway_factory, tmp_path):
    data_dir = str(tmp_path / "data")
    prepare_data_dir(data_dir)
    path = os.path.join(GOLDEN_DIR, name + ".q")
    expected, actual, update = run_file(path, gateway_factory, data_dir, row_format)
    if os.environ.get("GW_UPDATE_GOLDEN") and row_format == "JSON":
        with open(path, "w", encoding="utf-8") as f:
            f.write(update)
        pytest.skip(f"wrote {path}")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                    f"golden/{name}.q (expected)",
                                    f"{name}.q ({row_format}, actual)")
        pytest.fail("".join(diff), pytrace=False)


def test_golden_files_parse_and_follow_flink_layout():
    """The frozen files themselves: each parses, every statement has its block, every expected
    table is laid out by TableauStyle's rules (guards against freezing a wrong output)."""
    from client_support import tableau_problems
    for name in NAMES:
        with open(os.path.join(GOLDEN_DIR, name + ".q"), encoding="utf-8") as f:
            text = f.read()
        items = gf.parse(text)
        statements = [i for i in items if isinstance(i, gf.Statement)]
        assert statements, name
        for st in statements:
            block = "\n".join(st.expected)
            if st.command == "!ok" and not gf.is_raw(st.sql):
                assert tableau_problems(block) == [], (name, st.line_no)
                assert st.expected and (st.expected[-1] == "Empty set"
                                        or st.expected[-1].endswith(" in set")), (name, st.line_no)
            if st.command == "!info":
                assert st.expected in ([gf.OK_LINE], list(gf.JOB_LINES) + [st.expected[-1]]), \
                    (name, st.line_no)
            if st.command == "!error":
                assert st.expected[0] == gf.ERROR_LINE and len(st.expected) >= 2, (name, st.line_no)
            assert "[PROTOCOL]" not in block and "[NOT RUN]" not in block, (name, st.line_no)


def test_renderer_rules():
    """The renderer prints JSON values as Flink's PLAIN_TEXT does, so both runs share one file."""
    ctx = gf.Context("/data")
    j = gf.json_value_text
    assert j(Decimal("1E+2"), {"type": "DECIMAL", "precision": 5, "scale": 2}) == "100.00"
    assert j(True, {"type": "BOOLEAN"}) == "TRUE"
    assert j(Decimal("1.0"), {"type": "DOUBLE"}) == "1.0"
    assert j(Decimal("1.0E20"), {"type": "DOUBLE"}) == "1.0E20"
    assert j(Decimal("0.0001"), {"type": "DOUBLE"}) == "1.0E-4"
    assert j(Decimal("33.333"), {"type": "DOUBLE"}) == "33.333"
    assert j(Decimal("1234567.0"), {"type": "DOUBLE"}) == "1234567.0"
    assert j(Decimal("12345678.0"), {"type": "DOUBLE"}) == "1.2345678E7"
    assert j("2021-04-13T20:12:11.1", {"type": "TIMESTAMP_WITHOUT_TIME_ZONE", "precision": 3}) \
        == "2021-04-13 20:12:11.100"
    assert j("2021-04-13T20:12:11Z", {"type": "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "precision": 0}) \
        == "2021-04-13 20:12:11"
    assert j("q80=", {"type": "VARBINARY", "length": 10}) == "x'abcd'"
    arr = {"type": "ARRAY", "elementType": {"type": "INTEGER"}}
    assert j([1, None, 3], arr) == "[1, NULL, 3]"
    row = {"type": "ROW", "fields": [{"name": "a", "fieldType": {"type": "INTEGER"}},
                                     {"name": "b", "fieldType": {"type": "VARCHAR"}}]}
    assert j({"a": 1, "b": "x"}, row) == "(1, x)"
    mp = {"type": "MAP", "keyType": {"type": "VARCHAR"}, "valueType": {"type": "BIGINT"}}
    assert j({"k": 1, "l": 2}, mp) == "{k=1, l=2}"
    assert j(None, {"type": "INTEGER"}) == "<NULL>"
    assert gf.tableau(["a", "bb"], [["1", "<NULL>"]]) == [
        "+---+--------+", "| a |     bb |", "+---+--------+", "| 1 | <NULL> |",
        "+---+--------+", "1 row in set"]
    assert gf.tableau(["a"], []) == ["Empty set"]
    assert gf.root_cause("x\nCaused by: a.B: one\ntwo\n\tat here\nCaused by: c.D: three\n\tat x") \
        == ["c.D: three"]
    assert gf.substitute("'${job_id}' '${job_id_1}' ${data_dir}", "/d", ["a" * 32, "b" * 32]) \
        == f"'{'b' * 32}' '{'a' * 32}' /d"
    assert ctx.normalise("/data/x") == "${data_dir}/x"


def test_parser_directives():
    items = gf.parse("# c\n\n!rest-only\nSELECT 1;\nx\n!ok\n!restart\n!wait-job RUNNING 5\n"
                     "EXECUTE STATEMENT SET BEGIN\nINSERT INTO a VALUES (1);\nEND;\n"
                     "[INFO] Execute statement succeeded.\n!info\n")
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Text", "Statement", "Directive", "Directive", "Statement"]
    assert items[1].rest_only and items[1].sql == "SELECT 1" and items[1].expected == ["x"]
    assert items[3].status == "RUNNING" and items[3].timeout == 5.0
    assert items[4].sql == "EXECUTE STATEMENT SET BEGIN\nINSERT INTO a VALUES (1);\nEND"
    assert gf.plan(items)[0] == {"type": "statement", "sql": "SELECT 1", "restOnly": True,
                                 "line": 4}
