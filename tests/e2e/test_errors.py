"""Error answers and limits (reference/flink-rest.md §8–§9 plus this gateway's decisions): bad SQL,
unknown and malformed handles, bad bodies and parameters, size limits, cancel, timeouts, idle
expiry, the session cap and the DuckDB sandbox."""

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
    ("SELEC 1", ["syntax error", "SELEC"]),
    ("SELECT * FROM e2e_no_such_table", ["e2e_no_such_table", "does not exist"]),
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

def test_cancel_long_query(client, session):
    op = client.execute(session, LONG_QUERY)
    started = time.monotonic()
    r = client.post(f"/v4/sessions/{session}/operations/{op}/cancel")
    assert r.status == 200 and r.body == {"status": "CANCELED"}, r
    assert client.wait_status(session, op, timeout=20) == "CANCELED"
    assert time.monotonic() - started < 20
    r = client.fetch(session, op, 0)
    assert r.status == 500, r
    assert "CANCELED" in r.body["rootCause"], r
    # Cancelling again is an illegal transition; the session goes on working.
    r = client.post(f"/v4/sessions/{session}/operations/{op}/cancel")
    assert r.status == 500, r
    assert client.query(session, "SELECT 5 AS n") == [[5]]


def test_cancel_running_query_after_it_started(client, session):
    op = client.execute(session, LONG_QUERY)
    assert client.wait_status(session, op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
    r = client.post(f"/v1/sessions/{session}/operations/{op}/cancel")
    assert r.status == 200 and r.body == {"status": "CANCELED"}, r
    assert client.wait_status(session, op, timeout=20) == "CANCELED"
    r = client.delete(f"/v4/sessions/{session}/operations/{op}/close")
    assert r.status == 200 and r.body == {"status": "CLOSED"}, r
    assert client.get(f"/v4/sessions/{session}/operations/{op}/status").status == 404


def test_cancel_finished_operation_500(client, session):
    op = client.execute(session, "SELECT 1")
    assert client.wait_status(session, op) == "FINISHED"
    r = client.post(f"/v4/sessions/{session}/operations/{op}/cancel")
    assert r.status == 500, r
    assert_error_body(r)
    assert "FINISHED" in r.body["rootCause"], r
    assert client.status(session, op) == "FINISHED"
    assert client.fetch_all(session, op).rows == [[1]]


def test_execution_timeout(client, session):
    started = time.monotonic()
    op = client.execute(session, LONG_QUERY, executionTimeout=200)
    assert client.wait_status(session, op, timeout=20) == "TIMEOUT"
    assert time.monotonic() - started < 20
    r = client.fetch(session, op, 0)
    assert r.status == 500, r
    assert "TIMEOUT" in r.body["rootCause"], r
    # A generous timeout does not disturb a quick statement.
    op = client.execute(session, "SELECT 3 AS n", executionTimeout=60_000)
    assert client.wait_status(session, op) == "FINISHED"
    assert client.fetch_all(session, op).rows == [[3]]


def test_close_session_cancels_running_query(client):
    s = client.open_session()
    op = client.execute(s, LONG_QUERY)
    assert client.wait_status(s, op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
    started = time.monotonic()
    client.close_session(s)
    assert time.monotonic() - started < 20
    assert client.get(f"/v4/sessions/{s}").status == 404


# ---- sessions: idle expiry and cap ----

def test_idle_session_expires(gateway_factory):
    gw = gateway_factory({"sql-gateway.session.idle-timeout": "1 s",
                          "sql-gateway.session.check-interval": "200 ms",
                          "sql-gateway.session.max-num": "2"})
    c = gw.client
    idle = c.open_session()
    kept = c.open_session()
    started = time.monotonic()
    # The cap is full until the idle session expires; probing with opens does not touch it,
    # while the other session is kept alive by heartbeats.
    end = deadline_after(15)
    third = None
    while third is None:
        assert time.monotonic() < end, "idle session never expired"
        r = c.post(f"/v4/sessions/{kept}/heartbeat")
        assert r.status == 200, r
        r = c.post("/v4/sessions", {})
        if r.status == 200:
            third = r.body["sessionHandle"]
        else:
            assert r.status == 500, r
            time.sleep(0.05)
    assert time.monotonic() - started >= 0.9, "session closed before its idle timeout"
    for method, path in [("GET", f"/v4/sessions/{idle}"), ("POST", f"/v4/sessions/{idle}/heartbeat"),
                         ("POST", f"/v4/sessions/{idle}/statements")]:
        r = c.request(method, path, body={"statement": "SELECT 1"} if "statements" in path else None)
        assert r.status == 404, (path, r)
    assert c.get(f"/v4/sessions/{kept}").status == 200
    assert c.query(kept, "SELECT 1 AS n") == [[1]]


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
