"""sql-client's command line and environment: option and mode errors, endpoints that refuse, die or
speak only V1, init files, session names and -D properties, and the result-mode rule of -f.
Failures of the command line are one line on stderr and a non-zero exit, never a crash."""

import http.client
import json
import os
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from client_support import (CLIENT_BINARY, ClientEnv, LONG_QUERY, NO_TIME_COST, TABLEAU,
                            assert_cli_error, endpoint_args, free_port, parse_tableau, run_client,
                            run_script)
from conftest import deadline_after

SELECT_ONE = "SET 'sql-client.execution.result-mode' = 'tableau';\nSELECT 1 AS one;\n"
GATEWAY_MESSAGE = ("Please specify the address of the SQL Gateway with command line option "
                   "'-e,--endpoint <SQL Gateway address>' in the gateway mode.")
V1_MESSAGE = ("Currently, SQL Client only supports to connect to the REST endpoint with API "
              "version larger than V1.")
NON_INTERACTIVE_MESSAGE = (
    "In non-interactive mode, it only supports to use TABLEAU as value of "
    "sql-client.execution.result-mode when execute query. Please add "
    "'SET sql-client.execution.result-mode=TABLEAU;' in the sql file.")


@pytest.fixture
def env(tmp_path):
    return ClientEnv(tmp_path)


class StubServer:
    """A stdlib HTTP server on a free port: answers with answer(method, path, body) -> (status,
    body dict) and records every request as (method, path, body)."""

    def __init__(self, answer):
        self.requests = []
        self.answer = answer
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def handle_one(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                stub.requests.append((self.command, self.path, body))
                status, answer = stub.answer(self.command, self.path, raw)
                data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = handle_one

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def stub_factory():
    servers = []

    def start(answer):
        servers.append(StubServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def forward_to(gateway):
    """A stub answer that relays each request to the real gateway (a recording proxy)."""
    def answer(method, path, raw):
        conn = http.client.HTTPConnection("127.0.0.1", gateway.port, timeout=30)
        try:
            conn.request(method, path, body=raw or None,
                         headers={"Content-Type": "application/json"} if raw else {})
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()
    return answer


# ---- the command line ----

@pytest.mark.parametrize("args,message", [
    (["gateway"], GATEWAY_MESSAGE),
    (["--bogus"], "Unknown option '--bogus'"),
    (["foo"], "Unknown mode 'foo'"),
    (["-s", "bad id"], "Invalid session identifier 'bad id'"),
    (["-s", ""], "Invalid session identifier ''"),
    (["embedded", "-e", "127.0.0.1:8083"], "Option '-e,--endpoint' is only used in the gateway mode"),
    (["-Dsql-client.execution.result-mode=foo"],
     "Invalid value 'foo' for option 'sql-client.execution.result-mode'"),
])
def test_command_line_errors(env, args, message):
    script = env.write("select.sql", SELECT_ONE)
    code, out, err = run_client(env, args + ["-f", script])
    assert_cli_error(code, out, err, message)
    assert out == ""  # nothing ran: no session was opened


@pytest.mark.parametrize("target", ["missing", "directory"])
def test_unreadable_script(env, target):
    path = os.path.join(env.dir, "no-such.sql") if target == "missing" else env.dir
    code, out, err = run_client(env, ["-f", path])
    assert_cli_error(code, out, err, f"Cannot read SQL file {path}")
    assert out == ""


def test_help_and_version(env):
    code, out, err = run_client(env, ["--help"])
    assert (code, err) == (0, "") and "Usage: sql-client [MODE] [OPTIONS]" in out
    assert "-e,--endpoint" in out and "-hist,--history" in out
    code, out, err = run_client(env, ["--version"])
    assert (code, err) == (0, "") and out.startswith("sql-client ")


# ---- endpoints ----

@pytest.mark.parametrize("url", [False, True], ids=["host-port", "url"])
def test_connection_refused(env, url):
    port = free_port()
    address = f"http://127.0.0.1:{port}" if url else f"127.0.0.1:{port}"
    code, out, err = run_script(env, ["gateway", "-e", address], SELECT_ONE)
    assert_cli_error(code, out, err, f"Could not reach the SQL Gateway at http://127.0.0.1:{port}")
    assert "Connection refused" in err


@pytest.mark.parametrize("url", [False, True], ids=["host-port", "url"])
def test_endpoint_forms(env, gateway, url):
    code, out, err = run_script(env, endpoint_args("gateway", gateway, url=url), SELECT_ONE,
                                NO_TIME_COST)
    assert (code, err) == (0, ""), (code, out, err)
    assert parse_tableau(out, ["one"]) == [["1"]]


def test_v1_only_gateway_is_refused(env, stub_factory):
    stub = stub_factory(lambda method, path, raw: (200, {"versions": ["V1"]})
                        if path.endswith("/api_versions") else (404, {"errors": ["Not found"]}))
    code, out, err = run_script(env, ["gateway", "-e", f"127.0.0.1:{stub.port}"], SELECT_ONE)
    assert_cli_error(code, out, err, V1_MESSAGE)
    assert [r[:2] for r in stub.requests] == [("GET", "/v1/api_versions")]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_gateway_killed_during_query(env, gateway_factory):
    gw = gateway_factory()
    script = env.write("long.sql", f"SET 'sql-client.execution.result-mode' = 'tableau';\n"
                                   f"{LONG_QUERY};\nSELECT 'after' AS stage;\n")
    out_path = os.path.join(env.dir, "stdout")
    with open(out_path, "wb") as out_file:
        proc = subprocess.Popen([CLIENT_BINARY] + env.argv(endpoint_args("gateway", gw) +
                                                           ["-f", script]),
                                stdin=subprocess.DEVNULL, stdout=out_file,
                                stderr=subprocess.PIPE, env=env.environ(), cwd=env.dir)
    try:
        # The query runs once the gateway burns CPU (half a second of it) after the echo.
        end = deadline_after(20)
        start = None
        while True:
            assert proc.poll() is None, open(out_path).read()
            assert time.monotonic() < end, "the long query never ran:\n" + open(out_path).read()
            if start is None and LONG_QUERY in open(out_path).read():
                start = cpu_ticks(gw.proc.pid)
            if start is not None and cpu_ticks(gw.proc.pid) - start >= 50:
                break
            time.sleep(0.05)
        gw.kill9()
        code = proc.wait(timeout=30)
        err = proc.stderr.read().decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    out = open(out_path, encoding="utf-8").read()
    assert code == 1, (code, out, err)
    assert "[ERROR] Could not execute SQL statement. Reason:\nCould not reach the SQL Gateway" in out
    assert "'after'" not in out
    assert "Traceback" not in err and "CRITICAL" not in err, err


# ---- init files, sessions, properties ----

@pytest.mark.parametrize("mode", ["embedded", "gateway"])
def test_init_file_prepares_the_session(env, gateway_factory, mode):
    init = env.write("init.sql", "SET 'init.key' = 'init value';\n"
                                 "CREATE TABLE init_t (a INT);\n"
                                 "CREATE VIEW init_v AS SELECT 7 AS a;\n")
    mode_args = endpoint_args(mode, gateway_factory() if mode == "gateway" else None)
    code, out, err = run_script(env, mode_args, """
SET 'sql-client.execution.result-mode' = 'tableau';
INSERT INTO init_t VALUES (5);
SELECT a FROM init_t UNION ALL SELECT a FROM init_v ORDER BY a;
SET;
""", NO_TIME_COST, "-i", init)
    assert (code, err) == (0, ""), (code, out, err)
    assert "Executing SQL from file" in out and "init_t (a INT)" not in out  # -i runs silently
    assert parse_tableau(out, ["a"]) == [["5"], ["7"]]
    assert dict(parse_tableau(out, ["key", "value"]))["init.key"] == "init value"


@pytest.mark.parametrize("statement", ["SELECT 1", "INSERT INTO init_t VALUES (1)"])
def test_init_file_rejects_queries_and_dml(env, statement):
    init = env.write("init.sql", f"CREATE TABLE init_t (a INT);\n{statement};\n")
    code, out, err = run_script(env, ["embedded"], SELECT_ONE, "-i", init)
    assert code == 1, (code, out, err)
    assert ("[ERROR] Could not execute SQL statement. Reason:\n"
            f"Unsupported statement for configuring session:{statement}\n") in out
    assert f"Failed to initialize from sql script: {init}\n" in out
    assert "Executing SQL from file" not in out  # the -f script never started


def test_session_name_and_properties_reach_the_gateway(env, gateway, stub_factory):
    proxy = stub_factory(forward_to(gateway))
    code, out, err = run_script(env, ["gateway", "-e", f"127.0.0.1:{proxy.port}"], """
SET 'sql-client.execution.result-mode' = 'tableau';
SET;
""", "-s", "my.session-1", "-Dmy.prop=hello", "-Dtable.display.max-column-width=40")
    assert (code, err) == (0, ""), (code, out, err)
    listed = dict(parse_tableau(out, ["key", "value"]))
    assert listed["my.prop"] == "hello"
    assert listed["table.display.max-column-width"] == "40"
    opened = [body for method, path, body in proxy.requests
              if method == "POST" and path.endswith("/sessions")]
    assert len(opened) == 1, proxy.requests
    assert opened[0]["sessionName"] == "my.session-1"
    assert opened[0]["properties"]["my.prop"] == "hello"
    closed = [path for method, path, _ in proxy.requests
              if method == "DELETE" and path.count("/") == 3 and "/sessions/" in path]
    assert len(closed) == 1, proxy.requests  # the session is closed on exit


@pytest.mark.parametrize("mode", ["embedded", "gateway"])
def test_reset_all_keeps_defines_only_where_they_are_defaults(env, gateway_factory, mode):
    """As in Flink: embedded mode makes -D part of its gateway's default configuration, so RESET;
    keeps them; a remote gateway got them as session properties, and RESET; drops them."""
    mode_args = endpoint_args(mode, gateway_factory() if mode == "gateway" else None)
    code, out, err = run_script(env, mode_args, """
SET 'sql-client.execution.result-mode' = 'tableau';
RESET;
SET 'sql-client.execution.result-mode' = 'tableau';
SET;
""", "-Dmy.define=kept")
    assert (code, err) == (0, ""), (code, out, err)
    listed = dict(parse_tableau(out, ["key", "value"]))
    assert ("my.define" in listed) == (mode == "embedded"), listed


def test_query_in_table_mode_fails_in_file_mode(env):
    code, out, err = run_script(env, ["embedded"], "SELECT 1 AS one;\nSELECT 2 AS two;\n")
    assert code == 1, (code, out, err)
    assert f"[ERROR] Could not execute SQL statement. Reason:\n{NON_INTERACTIVE_MESSAGE}\n" in out
    assert "two" not in out
    # Any non-tableau mode, also given with -D.
    code, out, err = run_script(env, ["embedded"], "SELECT 1 AS one;\n",
                                "-Dsql-client.execution.result-mode=changelog")
    assert code == 1 and NON_INTERACTIVE_MESSAGE in out, (code, out, err)
    code, out, err = run_script(env, ["embedded"], "SELECT 1 AS one;\n", TABLEAU, NO_TIME_COST)
    assert code == 0 and parse_tableau(out, ["one"]) == [["1"]], (code, out, err)
