"""Error answers and limits (reference/flink-rest.md §8–§9 plus this gateway's decisions): bad SQL,
unknown and malformed handles, bad bodies and parameters, size limits, cancel, timeouts, idle
expiry, the session cap and the DuckDB sandbox."""

import http.client
import json
import os
import time
import uuid

import pytest

from conftest import deadline_after

LONG_QUERY = "SELECT count(*) FROM range(100000000000)"


def assert_error_body(r):
    assert isinstance(r.body, dict), r
    assert isinstance(r.body.get("errors"), list) and r.body["errors"], r
    assert all(isinstance(e, str) for e in r.body["errors"]), r
    assert isinstance(r.body.get("rootCause"), str) and r.body["rootCause"], r
    assert r.headers.get("Content-Type", "").startswith("application/json"), r.headers


# ---- SQL errors ----

@pytest.mark.parametrize("sql,needles", [
    # Flink's ParseException and Calcite validator texts for DuckDB's parser and catalog errors
    ("SELEC 1", ['Encountered "SELEC" at line 1, column 1.']),
    ("SELECT * FROM e2e_no_such_table", ["Object 'e2e_no_such_table' not found"]),
    ("SELECT no_such_column FROM range(3)", ["no_such_column"]),
    ("SELECT CAST('abc' AS INTEGER)", ["abc"]),
])
def test_bad_sql_surfaces_on_fetch(client, session, sql, needles):
    r = client.post(f"/v4/sessions/{session}/statements", {"statement": sql})
    assert r.status == 200, r
    op = r.body["operationHandle"]
    assert client.wait_status(session, op) == "ERROR"
    for v in ("v1", "v4"):
        r = client.fetch(session, op, 0, version=v)
        assert r.status == 500, r
        assert_error_body(r)
        for needle in needles:
            assert needle in r.body["rootCause"], (needle, r)
        assert any(r.body["rootCause"] in e for e in r.body["errors"]), r
    # The session is still usable.
    assert client.query(session, "SELECT 1 AS one") == [[1]]


def test_multiple_statements_in_one_execute(client, session):
    op = client.execute(session, "SELECT 1; SELECT 2")
    assert client.wait_status(session, op) == "ERROR"
    r = client.fetch(session, op, 0)
    assert r.status == 500, r
    assert "single SQL statement" in r.body["rootCause"], r


@pytest.mark.parametrize("sql", ["SET 'x'", "SET 'k' 'v'", "SET 'unterminated", "RESET 'x' junk",
                                 "SET 'k' = 'v' junk", "SET 'k' ="])
def test_malformed_set_and_reset(gateway_factory, sql):
    """Malformed gateway SET/RESET statements are parse errors of that statement only."""
    gw = gateway_factory()
    c = gw.client
    s = c.open_session()
    r = c.post(f"/v4/sessions/{s}/statements", {"statement": sql})
    assert r.status == 200, r
    op = r.body["operationHandle"]
    assert c.wait_status(s, op) == "ERROR"
    r = c.fetch(s, op, 0)
    assert r.status == 500, r
    assert_error_body(r)
    assert gw.proc.poll() is None, "gateway died"
    assert c.query(s, "SELECT 1 AS n") == [[1]]


# ---- unknown and malformed handles ----

def session_routes(s, o):
    return [
        ("GET", f"/sessions/{s}", None),
        ("DELETE", f"/sessions/{s}", None),
        ("POST", f"/sessions/{s}/heartbeat", None),
        ("POST", f"/sessions/{s}/configure-session", {"statement": "SET 'a' = 'b'"}),
        ("GET", f"/sessions/{s}/complete-statement", {"statement": "SEL", "position": 3}),
        ("POST", f"/sessions/{s}/statements", {"statement": "SELECT 1"}),
        ("GET", f"/sessions/{s}/operations/{o}/status", None),
        ("POST", f"/sessions/{s}/operations/{o}/cancel", None),
        ("DELETE", f"/sessions/{s}/operations/{o}/close", None),
        ("GET", f"/sessions/{s}/operations/{o}/result/0", None),
    ]


@pytest.mark.parametrize("v", ["/v1", "/v2", "/v4", ""])
def test_unknown_session_is_404_on_every_route(client, v):
    s, o = uuid.uuid4(), uuid.uuid4()
    for method, path, body in session_routes(s, o):
        if v == "/v1" and ("configure" in path or "complete" in path):
            continue
        r = client.request(method, v + path, body=body)
        assert r.status == 404, (method, v + path, r)
        assert_error_body(r)
        assert str(s) in r.body["rootCause"], (method, path, r)


def test_unknown_operation_is_404(client, session):
    o = uuid.uuid4()
    for method, path in [("GET", f"/v4/sessions/{session}/operations/{o}/status"),
                         ("POST", f"/v4/sessions/{session}/operations/{o}/cancel"),
                         ("GET", f"/v4/sessions/{session}/operations/{o}/result/0"),
                         ("GET", f"/v1/sessions/{session}/operations/{o}/result/0")]:
        r = client.request(method, path)
        assert r.status == 404, (method, path, r)
        assert_error_body(r)
        assert str(o) in r.body["rootCause"], r


def test_close_unknown_operation_in_known_session(client, session):
    r = client.delete(f"/v4/sessions/{session}/operations/{uuid.uuid4()}/close")
    assert r.status == 200 and r.body == {"status": "CLOSED"}, r


def test_operation_of_another_session_is_not_visible(client, session):
    other = client.open_session()
    op = client.execute(other, "SELECT 1")
    assert client.wait_status(other, op) == "FINISHED"
    r = client.get(f"/v4/sessions/{session}/operations/{op}/status")
    assert r.status == 404, r
    client.close_session(other)


@pytest.mark.parametrize("path,param,value", [
    ("/v1/sessions/not-a-uuid", "session_handle", "not-a-uuid"),
    ("/v4/sessions/1234/heartbeat", "session_handle", "1234"),
    ("/sessions/{s}/operations/zzz/status", "operation_handle", "zzz"),
    ("/v2/sessions/{s}/operations/{o}/result/abc", "token", "abc"),
    ("/v2/sessions/{s}/operations/{o}/result/1.5", "token", "1.5"),
    ("/v3/sessions/{s}/operations/{o}/result/99999999999999999999", "token", "99999999999999999999"),
])
def test_malformed_path_parameters_400(client, session, path, param, value):
    path = path.format(s=session, o=uuid.uuid4())
    method = "POST" if path.endswith("heartbeat") else "GET"
    r = client.request(method, path)
    assert r.status == 400, r
    assert_error_body(r)
    assert f'Cannot resolve path parameter ({param}) from value "{value}"' in r.body["rootCause"], r


# ---- request bodies ----

@pytest.mark.parametrize("path,raw", [
    ("/v1/sessions", '{"properties": '),
    ("/v4/sessions", "not json at all"),
    ("/v4/sessions", "[1, 2]"),
    ("/v4/sessions/{s}/statements", '{"statement": "SELECT 1"'),
    ("/v4/sessions/{s}/statements", '"SELECT 1"'),
    ("/v2/sessions/{s}/configure-session", "{statement: 'SET'}"),
])
def test_malformed_json_400(client, session, path, raw):
    r = client.post(path.format(s=session), raw=raw)
    assert r.status == 400, r
    assert_error_body(r)


@pytest.mark.parametrize("path,body", [
    ("/v4/sessions", {"properties": "not-a-map"}),
    ("/v4/sessions", {"sessionName": 42}),
    ("/v4/sessions", {"properties": {"k": {"nested": 1}}}),
    ("/v4/sessions/{s}/statements", {"statement": 123}),
    ("/v4/sessions/{s}/statements", {"statement": "SELECT 1", "executionTimeout": "soon"}),
    ("/v4/sessions/{s}/statements", {"statement": "SELECT 1", "executionConfig": ["a"]}),
    ("/v4/sessions/{s}/configure-session", {"statement": ["SET"]}),
])
def test_wrong_field_type_400(client, session, path, body):
    before = client.get(f"/v4/sessions/{session}").body["properties"]
    r = client.post(path.format(s=session), body)
    assert r.status == 400, r
    assert_error_body(r)
    assert client.get(f"/v4/sessions/{session}").body["properties"] == before


def test_oversized_body_413_then_still_serving(gateway_factory):
    gw = gateway_factory({"sql-gateway.endpoint.rest.max-content-length": "1 kb"})
    c = gw.client
    s = c.open_session()
    big = "SELECT '" + "x" * 4096 + "' AS s"
    r = c.post(f"/v4/sessions/{s}/statements", {"statement": big})
    assert r.status == 413, r
    assert_error_body(r)
    # The server still serves, and bodies under the limit work.
    r = c.get("/v1/api_versions")
    assert r.status == 200, r
    assert c.query(s, "SELECT 'small' AS s") == [["small"]]
    r = c.post("/v4/sessions", {"properties": {f"k{i}": "v" * 64 for i in range(40)}})
    assert r.status == 413, r
    assert c.query(s, "SELECT 2 AS n") == [[2]]
    c.close_session(s)


def test_oversized_chunked_body_413(gateway_factory):
    gw = gateway_factory({"sql-gateway.endpoint.rest.max-content-length": "1 kb"})
    body = json.dumps({"properties": {f"k{i}": "v" * 64 for i in range(40)}}).encode()
    conn = http.client.HTTPConnection("127.0.0.1", gw.port, timeout=30)
    try:
        conn.request("POST", "/v4/sessions", body=iter([body[:500], body[500:]]),
                     headers={"Content-Type": "application/json"}, encode_chunked=True)
        resp = conn.getresponse()
        assert resp.status == 413, resp.read()
        assert json.loads(resp.read())["errors"]
    finally:
        conn.close()
    assert gw.client.get("/v1/api_versions").status == 200


# ---- fetch parameters ----

def test_bad_row_format_400(client, session):
    op = client.execute(session, "SELECT 1 AS n")
    assert client.wait_status(session, op) == "FINISHED"
    base = f"/v4/sessions/{session}/operations/{op}/result/0"
    r = client.get(base + "?rowFormat=XML")
    assert r.status == 400, r
    assert_error_body(r)
    assert 'Cannot resolve query parameter (rowFormat) from value "XML"' in r.body["rootCause"], r
    r = client.get(base + "?rowFormat=JSON&rowFormat=JSON")
    assert r.status == 400, r
    assert_error_body(r)
    # Neither bad request consumed the page: token 0 still returns the row, case-insensitively.
    r = client.get(base + "?rowFormat=plain_text")
    assert r.status == 200, r
    assert r.body["results"]["rowFormat"] == "PLAIN_TEXT"
    assert r.body["results"]["data"] == [{"kind": "INSERT", "fields": ["1"]}]
    # V1 has no rowFormat parameter at all.
    r = client.get(f"/v1/sessions/{session}/operations/{op}/result/1?rowFormat=XML")
    assert r.status == 200, r
    assert r.body["resultType"] == "EOS"


# ---- cancel and timeout ----

def test_cancel_long_query(own_client, own_session):
    op = own_client.execute(own_session, LONG_QUERY)
    started = time.monotonic()
    r = own_client.post(f"/v4/sessions/{own_session}/operations/{op}/cancel")
    assert r.status == 200 and r.body == {"status": "CANCELED"}, r
    assert own_client.wait_status(own_session, op, timeout=20) == "CANCELED"
    assert time.monotonic() - started < 20
    r = own_client.fetch(own_session, op, 0)
    assert r.status == 500, r
    assert "CANCELED" in r.body["rootCause"], r
    # Cancelling again is an illegal transition; the session goes on working.
    r = own_client.post(f"/v4/sessions/{own_session}/operations/{op}/cancel")
    assert r.status == 500, r
    assert own_client.query(own_session, "SELECT 5 AS n", timeout=10) == [[5]]


def test_cancel_right_after_submit_stops_the_engine(gateway_factory):
    """A cancel that lands while the statement is being handed to DuckDB must still stop it:
    otherwise the canceled query keeps the session's connection busy and later statements hang."""
    c = gateway_factory().client
    for i in range(40):
        s = c.open_session()
        op = c.execute(s, LONG_QUERY)
        r = c.post(f"/v4/sessions/{s}/operations/{op}/cancel")
        assert r.status == 200 and r.body == {"status": "CANCELED"}, r
        assert c.wait_status(s, op) == "CANCELED"
        try:
            rows = c.query(s, f"SELECT {i} AS i", timeout=10)
        except AssertionError as e:
            raise AssertionError(f"iteration {i}: the canceled query still holds the session: {e}") from None
        assert rows == [[i]], i
        c.close_session(s)


def test_cancel_running_query_after_it_started(own_client, own_session):
    op = own_client.execute(own_session, LONG_QUERY)
    assert own_client.wait_status(own_session, op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
    r = own_client.post(f"/v1/sessions/{own_session}/operations/{op}/cancel")
    assert r.status == 200 and r.body == {"status": "CANCELED"}, r
    assert own_client.wait_status(own_session, op, timeout=20) == "CANCELED"
    r = own_client.delete(f"/v4/sessions/{own_session}/operations/{op}/close")
    assert r.status == 200 and r.body == {"status": "CLOSED"}, r
    assert own_client.get(f"/v4/sessions/{own_session}/operations/{op}/status").status == 404


def test_cancel_finished_operation_500(client, session):
    op = client.execute(session, "SELECT 1")
    assert client.wait_status(session, op) == "FINISHED"
    r = client.post(f"/v4/sessions/{session}/operations/{op}/cancel")
    assert r.status == 500, r
    assert_error_body(r)
    assert "FINISHED" in r.body["rootCause"], r
    assert client.status(session, op) == "FINISHED"
    assert client.fetch_all(session, op).rows == [[1]]


def test_execution_timeout(own_client, own_session):
    started = time.monotonic()
    op = own_client.execute(own_session, LONG_QUERY, executionTimeout=200)
    assert own_client.wait_status(own_session, op, timeout=20) == "TIMEOUT"
    assert time.monotonic() - started < 20
    r = own_client.fetch(own_session, op, 0)
    assert r.status == 500, r
    assert "TIMEOUT" in r.body["rootCause"], r
    # A generous timeout does not disturb a quick statement.
    op = own_client.execute(own_session, "SELECT 3 AS n", executionTimeout=60_000)
    assert own_client.wait_status(own_session, op) == "FINISHED"
    assert own_client.fetch_all(own_session, op).rows == [[3]]


def test_close_session_cancels_running_query(own_client):
    s = own_client.open_session()
    op = own_client.execute(s, LONG_QUERY)
    assert own_client.wait_status(s, op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
    started = time.monotonic()
    own_client.close_session(s)
    assert time.monotonic() - started < 20
    assert own_client.get(f"/v4/sessions/{s}").status == 404


def test_configure_session_honours_execution_timeout(own_client, own_session):
    started = time.monotonic()
    r = own_client.post(f"/v4/sessions/{own_session}/configure-session",
                    {"statement": "CREATE TABLE e2e_slow AS SELECT count(*) AS n FROM range(100000000000)",
                     "executionTimeout": 300})
    assert r.status == 500, r
    assert "TIMEOUT" in r.body["rootCause"], r
    assert time.monotonic() - started < 20
    op = own_client.execute(own_session, "SELECT * FROM e2e_slow")
    assert own_client.wait_status(own_session, op) == "ERROR"


def test_queued_operation_times_out_while_waiting(own_client, own_session):
    long_op = own_client.execute(own_session, LONG_QUERY)
    try:
        assert own_client.wait_status(own_session, long_op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
        queued = own_client.execute(own_session, "SELECT 1", executionTimeout=200)
        assert own_client.wait_status(own_session, queued, timeout=20) == "TIMEOUT"
        assert own_client.status(own_session, long_op) == "RUNNING"
    finally:
        own_client.post(f"/v4/sessions/{own_session}/operations/{long_op}/cancel")
    assert own_client.query(own_session, "SELECT 8 AS n", timeout=10) == [[8]]


def test_queued_operation_waits_for_running_one(own_client, own_session):
    long_op = own_client.execute(own_session, LONG_QUERY)
    try:
        assert own_client.wait_status(own_session, long_op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
        queued = own_client.execute(own_session, "SELECT 6 AS n")
        r = own_client.fetch(own_session, queued, 0)
        assert r.status == 200 and r.body["resultType"] == "NOT_READY", r
        assert own_client.status(own_session, queued) in ("INITIALIZED", "PENDING")
        r = own_client.post(f"/v4/sessions/{own_session}/operations/{long_op}/cancel")
        assert r.status == 200 and r.body == {"status": "CANCELED"}, r
        assert own_client.wait_status(own_session, queued, timeout=20) == "FINISHED"
        assert own_client.fetch_all(own_session, queued).rows == [[6]]
    finally:
        own_client.post(f"/v4/sessions/{own_session}/operations/{long_op}/cancel")


def test_close_operation_while_another_runs(gateway_factory):
    """Closing a finished operation must not wait for the session's running statement."""
    c = gateway_factory().client
    s = c.open_session()
    done = c.execute(s, "SELECT 1")
    assert c.wait_status(s, done) == "FINISHED"
    long_op = c.execute(s, LONG_QUERY)
    try:
        assert c.wait_status(s, long_op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
        r = c.request("DELETE", f"/v4/sessions/{s}/operations/{done}/close", timeout=10)
        assert r.status == 200 and r.body == {"status": "CLOSED"}, r
        queued = c.execute(s, "SELECT 2")
        r = c.request("DELETE", f"/v4/sessions/{s}/operations/{queued}/close", timeout=10)
        assert r.status == 200 and r.body == {"status": "CLOSED"}, r
        assert c.status(s, long_op) == "RUNNING"
    finally:
        c.post(f"/v4/sessions/{s}/operations/{long_op}/cancel")


def test_close_session_with_running_and_queued_operations(gateway_factory):
    c = gateway_factory().client
    s = c.open_session()
    long_op = c.execute(s, LONG_QUERY)
    try:
        assert c.wait_status(s, long_op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
        queued = [c.execute(s, f"SELECT {i}") for i in range(3)]
        r = c.request("DELETE", f"/v4/sessions/{s}", timeout=10)
        assert r.status == 200 and r.body == {"status": "CLOSED"}, r
        for op in [long_op] + queued:
            assert c.get(f"/v4/sessions/{s}/operations/{op}/status").status == 404
    finally:
        c.post(f"/v4/sessions/{s}/operations/{long_op}/cancel")


# ---- sessions: idle expiry and cap ----

def test_idle_session_expires(gateway_factory):
    gw = gateway_factory({"sql-gateway.session.idle-timeout": "1 s",
                          "sql-gateway.session.check-interval": "200 ms",
                          "sql-gateway.session.max-num": "3"})
    c = gw.client
    idle = c.open_session()
    by_heartbeat = c.open_session()
    by_fetch = c.open_session()
    op = c.execute(by_fetch, "SELECT 1 AS n")
    assert c.wait_status(by_fetch, op) == "FINISHED"
    started = time.monotonic()
    # The cap is full until the idle session expires; probing with opens does not touch it,
    # while the other two sessions are kept alive by heartbeats and by fetches.
    end = deadline_after(15)
    fresh = None
    while fresh is None:
        assert time.monotonic() < end, "idle session never expired"
        r = c.post(f"/v4/sessions/{by_heartbeat}/heartbeat")
        assert r.status == 200, r
        r = c.fetch(by_fetch, op, 0)
        assert r.status == 200, r
        r = c.post("/v4/sessions", {})
        if r.status == 200:
            fresh = r.body["sessionHandle"]
        else:
            assert r.status == 500, r
            time.sleep(0.05)
    assert time.monotonic() - started >= 0.9, "session closed before its idle timeout"
    for method, path in [("GET", f"/v4/sessions/{idle}"), ("POST", f"/v4/sessions/{idle}/heartbeat"),
                         ("POST", f"/v4/sessions/{idle}/statements")]:
        r = c.request(method, path, body={"statement": "SELECT 1"} if "statements" in path else None)
        assert r.status == 404, (path, r)
    for s in (by_heartbeat, by_fetch):
        assert c.get(f"/v4/sessions/{s}").status == 200
        assert c.query(s, "SELECT 1 AS n") == [[1]]


def test_session_max_num(gateway_factory):
    gw = gateway_factory({"sql-gateway.session.max-num": "2"})
    c = gw.client
    a = c.open_session()
    b = c.open_session()
    r = c.post("/v4/sessions", {})
    assert r.status == 500, r
    assert_error_body(r)
    assert "exceeds the max count: 2" in r.body["rootCause"], r
    c.close_session(a)
    d = c.open_session()
    r = c.post("/v1/sessions", {})
    assert r.status == 500, r
    for h in (b, d):
        c.close_session(h)


# ---- sandbox ----

@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "COPY (SELECT 1 AS x) TO '/tmp/e2e-sandbox-escape.csv'",
    "ATTACH '/tmp/e2e-sandbox-attach.duckdb' AS escape_db",
])
def test_sandbox_blocks_file_access(client, session, sql):
    op = client.execute(session, sql)
    assert client.wait_status(session, op) == "ERROR", sql
    r = client.fetch(session, op, 0)
    assert r.status == 500, r
    assert_error_body(r)
    assert not os.path.exists("/tmp/e2e-sandbox-escape.csv")
    assert not os.path.exists("/tmp/e2e-sandbox-attach.duckdb")


def test_server_healthy_after_errors(client):
    r = client.get("/v1/api_versions")
    assert r.status == 200, r
    s = client.open_session()
    assert client.query(s, "SELECT 40 + 2 AS n") == [[42]]
    client.close_session(s)
