"""sql-client against a gateway that answers the way Apache Flink's SQL Gateway does (not ours):
an older newest version (V3), NOT_READY polls, empty PAYLOAD pages while a streaming job runs, no
`rootCause` in error bodies (only Flink's server-side stack trace), and heartbeats. A scripted
stdlib HTTP server plays Flink; it records every request so the tests check what the client sent."""

import json
import os
import re
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

CLIENT = os.environ.get("GW_CLIENT_BINARY", os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "src", "client", "sql-client"))
SESSION = "6141d180-5c42-4621-bedf-36614273791a"
OPERATION = "4f3a6937-8c5f-4cf9-982c-a739dee254d6"
JOB = "6c982d81ad1ba7b0725983294973e0aa"

FLINK_ERROR = {
    "errors": [
        "Internal server error.",
        "<Exception on server side:\norg.apache.flink.table.gateway.api.utils.SqlGatewayException: "
        "Failed to fetchResults.\n\tat org.apache.flink.table.gateway.rest.handler.statement."
        "FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)\nCaused by: "
        "org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, "
        "column 15 to line 1, column 19: Object 'nope' not found\n\tat org.apache.flink.table."
        "planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:105)\nEnd of exception "
        "on server side>",
    ]
}

COLUMNS = [{"name": "n", "logicalType": {"type": "BIGINT", "nullable": True}, "comment": None},
           {"name": "s", "logicalType": {"type": "VARCHAR", "nullable": True, "length": 10},
            "comment": None}]


class FlinkLikeGateway:
    """A scripted Flink SQL Gateway: V1-V3, one session, statements chosen by their text."""

    def __init__(self):
        self.requests = []   # (method, path, body)
        self.heartbeats = 0
        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.statement = None
        # Flink's session config: the cluster's defaults plus what the client sent.
        self.properties = {"execution.runtime-mode": "streaming",
                           "sql-client.execution.result-mode": "tableau",
                           "table.display.max-column-width": "30"}
        self.fetches = 0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _handle(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}") if length else {}
                with gateway.cond:
                    gateway.requests.append((method, self.path, body))
                    gateway.cond.notify_all()
                status, answer = gateway.route(method, self.path, body)
                self._answer(status, answer)

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def do_DELETE(self):
                self._handle("DELETE")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def route(self, method, path, body):
        if path == "/v1/api_versions":
            return 200, {"versions": ["V1", "V2", "V3"]}
        if method == "POST" and path == "/v3/sessions":
            self.properties.update(body.get("properties") or {})
            return 200, {"sessionHandle": SESSION}
        if method == "GET" and path == f"/v3/sessions/{SESSION}":
            return 200, {"properties": dict(self.properties)}
        if method == "POST" and path.endswith("/heartbeat"):
            with self.cond:
                self.heartbeats += 1
                self.cond.notify_all()
            return 200, {}
        if method == "POST" and path.endswith("/statements"):
            self.statement = body.get("statement")
            self.fetches = 0
            return 200, {"operationHandle": OPERATION}
        if method == "DELETE" and path.endswith("/close"):
            return 200, {"status": "CLOSED"}
        if method == "DELETE" and path == f"/v3/sessions/{SESSION}":
            return 200, {"status": "CLOSED"}
        m = re.match(rf"/v3/sessions/{SESSION}/operations/{OPERATION}/result/(\d+)\?rowFormat=(\w+)$",
                     path)
        if method == "GET" and m:
            return self.fetch(int(m.group(1)), m.group(2))
        return 404, {"errors": [f"Not found: {path}"]}

    def fetch(self, token, row_format):
        self.fetches += 1
        base = f"/v3/sessions/{SESSION}/operations/{OPERATION}/result"
        if self.statement.startswith("SELECT * FROM nope"):
            return 500, FLINK_ERROR
        if self.fetches <= 2:  # the job is being submitted
            return 200, {"resultType": "NOT_READY", "nextResultUri": f"{base}/0?rowFormat={row_format}"}
        page = {"resultType": "PAYLOAD", "isQueryResult": True, "jobID": JOB,
                "resultKind": "SUCCESS_WITH_CONTENT",
                "results": {"columns": COLUMNS, "rowFormat": row_format, "data": []},
                "nextResultUri": f"{base}/{token + 1}?rowFormat={row_format}"}
        if token == 0:        # running streaming job, nothing produced yet
            return 200, page
        if token == 1:
            page["results"]["data"] = [{"kind": "INSERT", "fields": ["1", "a"]},
                                       {"kind": "UPDATE_BEFORE", "fields": ["1", "a"]},
                                       {"kind": "UPDATE_AFTER", "fields": ["2", None]}]
            return 200, page
        del page["nextResultUri"]
        page["resultType"] = "EOS"
        return 200, page

    def wait_for(self, predicate, timeout=20.0):
        end = time.monotonic() + timeout
        with self.cond:
            while not predicate():
                left = end - time.monotonic()
                assert left > 0, f"condition not met; requests: {self.requests[-10:]}"
                self.cond.wait(left)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def flink():
    gw = FlinkLikeGateway()
    yield gw
    gw.close()


def run_client(flink, script, *extra):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "s.sql")
        with open(path, "w") as f:
            f.write(script)
        env = dict(os.environ, FLINK_CONF_DIR=tmp)
        proc = subprocess.run([CLIENT, "gateway", "-e", f"127.0.0.1:{flink.port}", "-f", path,
                               "-s", "compat", *extra],
                              capture_output=True, text=True, timeout=60, env=env)
    return proc


def test_streaming_query_follows_empty_pages_and_prints_changelog(flink):
    proc = run_client(flink, "SELECT * FROM t;\n", "-Dmy.option=42")
    assert proc.returncode == 0, proc.stderr
    assert "| op | n | s |" not in proc.stdout  # widths come from the types in streaming mode
    lines = proc.stdout.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert table == [
        "| op |                    n |                              s |",
        "| +I |                    1 |                              a |",
        "| -U |                    1 |                              a |",
        "| +U |                    2 |                         <NULL> |",
    ]
    assert "Received a total of 3 rows" in lines
    # What the client sent: V3 paths (the newest both know), its name and properties, PLAIN_TEXT.
    paths = [p for _, p, _ in flink.requests]
    assert paths[0] == "/v1/api_versions"
    opened = [b for m, p, b in flink.requests if m == "POST" and p == "/v3/sessions"]
    assert opened[0]["sessionName"] == "compat"
    assert opened[0]["properties"]["my.option"] == "42"
    fetched = [p for p in paths if "/result/" in p]
    assert fetched[:3] == [f"/v3/sessions/{SESSION}/operations/{OPERATION}/result/0?rowFormat=PLAIN_TEXT"] * 3
    assert fetched[3].endswith("/result/1?rowFormat=PLAIN_TEXT")
    assert ("DELETE", f"/v3/sessions/{SESSION}/operations/{OPERATION}/close", {}) in flink.requests
    assert flink.requests[-1][:2] == ("DELETE", f"/v3/sessions/{SESSION}")


def test_flink_error_body_without_root_cause_shows_the_deepest_cause(flink):
    proc = run_client(flink, "SELECT * FROM nope;\nSELECT * FROM t;\n")
    assert proc.returncode == 1
    assert ("[ERROR] Could not execute SQL statement. Reason:\n"
            "org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, "
            "column 15 to line 1, column 19: Object 'nope' not found\n") in proc.stdout
    assert "SELECT * FROM t;" not in proc.stdout  # the script stopped at the error


def test_verbose_shows_the_whole_server_side_trace(flink):
    proc = run_client(flink, "SELECT * FROM nope;\n", "-Dsql-client.verbose=true")
    assert proc.returncode == 1
    assert "FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)" in proc.stdout
    assert "Internal server error." in proc.stdout


def test_idle_client_sends_heartbeats(flink):
    pexpect = pytest.importorskip("pexpect")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, FLINK_CONF_DIR=tmp, TERM="xterm")
        child = pexpect.spawn(CLIENT, ["gateway", "-e", f"http://127.0.0.1:{flink.port}",
                                       "-hist", os.path.join(tmp, "h"),
                                       "-Dsql-client.session.heartbeat-interval=100ms"],
                              env=env, encoding="utf-8", timeout=20)
        try:
            child.expect("Flink SQL> ")
            flink.wait_for(lambda: flink.heartbeats >= 3)
            child.sendline("QUIT;")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)
        assert child.exitstatus == 0
    heartbeat_paths = {p for m, p, _ in flink.requests if p.endswith("/heartbeat")}
    assert heartbeat_paths == {f"/v3/sessions/{SESSION}/heartbeat"}
