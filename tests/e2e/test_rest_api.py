"""REST API surface (reference/flink-rest.md §1–§4): routes per version prefix, session and
statement lifecycle, nextResultUri, configure/complete-statement, and the 404/501 answers."""

import re
import uuid

import pytest

from conftest import HEX32_RE, UUID_RE

VERSIONS = ["v1", "v2", "v3", "v4", ""]  # "" = unversioned, behaves as V4
ALL_VERSIONS = ["V1", "V2", "V3", "V4"]


def vid(v):
    return v or "unversioned"


def prefix(v, rest):
    return f"/{v}{rest}" if v else rest


@pytest.mark.parametrize("v", VERSIONS, ids=vid)
def test_api_versions(client, v):
    r = client.get(prefix(v, "/api_versions"))
    assert r.status == 200, r
    assert r.body == {"versions": ALL_VERSIONS}
    assert r.headers.get("Content-Type", "").startswith("application/json"), r.headers


@pytest.mark.parametrize("v", VERSIONS, ids=vid)
def test_info_names_this_gateway(client, v):
    r = client.get(prefix(v, "/info"))
    assert r.status == 200, r
    assert set(r.body) == {"productName", "version"}, r
    assert isinstance(r.body["productName"], str) and r.body["productName"], r
    assert r.body["productName"] != "Apache Flink", r
    assert re.match(r"^\d+\.\d+", r.body["version"]), r
    # Every version answers the same.
    assert client.get("/v1/info").body == r.body


@pytest.mark.parametrize("v", VERSIONS, ids=vid)
def test_full_statement_flow(client, v):
    """open → config → execute → status → fetch (following nextResultUri) → close op → close."""
    s = client.open_session(properties={"e2e.flow": v or "none"}, name=f"flow-{vid(v)}", version=v)

    r = client.get(prefix(v, f"/sessions/{s}"))
    assert r.status == 200, r
    assert r.body["properties"].get("e2e.flow") == (v or "none"), r

    op = client.execute(s, "SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'y' ORDER BY a", version=v)
    assert client.wait_status(s, op, version=v) == "FINISHED"

    expect_ver = v or "v4"
    first_uri = prefix(v, f"/sessions/{s}/operations/{op}/result/0")
    if v != "v1":
        first_uri += "?rowFormat=JSON"
    r = client.get(first_uri)
    assert r.status == 200, r
    page = r.body
    assert page["resultType"] == "PAYLOAD", page
    assert page["isQueryResult"] is True
    assert page["resultKind"] == "SUCCESS_WITH_CONTENT"
    assert HEX32_RE.match(page["jobID"]), page
    assert page["results"]["rowFormat"] == "JSON"
    assert [c["name"] for c in page["results"]["columns"]] == ["a", "b"]
    assert page["results"]["columns"][0] == {
        "name": "a", "logicalType": {"type": "INTEGER", "nullable": True}, "comment": None}
    rows = [row["fields"] for row in page["results"]["data"]]
    assert all(row["kind"] == "INSERT" for row in page["results"]["data"])

    # nextResultUri carries the request's version; ?rowFormat= only from V2 on.
    nxt = page["nextResultUri"]
    base = f"/{expect_ver}/sessions/{s}/operations/{op}/result/1"
    if v == "v1":
        assert nxt == base, nxt
    else:
        assert nxt == base + "?rowFormat=JSON", nxt

    while True:
        page = client.fetch_uri(nxt)
        if page["resultType"] == "EOS":
            assert "nextResultUri" not in page, page
            assert [c["name"] for c in page["results"]["columns"]] == ["a", "b"]
            assert page["results"]["data"] == []
            break
        rows += [row["fields"] for row in page["results"]["data"]]
        nxt = page["nextResultUri"]
        assert nxt.startswith(f"/{expect_ver}/sessions/{s}/operations/{op}/result/"), nxt
    assert rows == [[1, "x"], [2, "y"]]

    r = client.delete(prefix(v, f"/sessions/{s}/operations/{op}/close"))
    assert r.status == 200 and r.body == {"status": "CLOSED"}, r
    r = client.get(prefix(v, f"/sessions/{s}/operations/{op}/status"))
    assert r.status == 404, r

    r = client.delete(prefix(v, f"/sessions/{s}"))
    assert r.status == 200 and r.body == {"status": "CLOSED"}, r
    r = client.get(prefix(v, f"/sessions/{s}"))
    assert r.status == 404, r


@pytest.mark.parametrize("v", ["v2", "v3", "v4", ""], ids=vid)
def test_plain_text_row_format_is_echoed_in_next_uri(client, session, v):
    op = client.execute(session, "SELECT 7 AS n", version=v)
    assert client.wait_status(session, op, version=v) == "FINISHED"
    r = client.fetch(session, op, 0, row_format="PLAIN_TEXT", version=v)
    assert r.status == 200, r
    assert r.body["results"]["rowFormat"] == "PLAIN_TEXT"
    assert r.body["results"]["data"] == [{"kind": "INSERT", "fields": ["7"]}]
    assert r.body["nextResultUri"] == f"/{v or 'v4'}/sessions/{session}/operations/{op}/result/1?rowFormat=PLAIN_TEXT"


def test_v1_ignores_row_format(client, session):
    op = client.execute(session, "SELECT 7 AS n", version="v1")
    assert client.wait_status(session, op) == "FINISHED"
    r = client.fetch(session, op, 0, row_format="PLAIN_TEXT", version="v1")
    assert r.status == 200, r
    assert r.body["results"]["rowFormat"] == "JSON"
    assert r.body["results"]["data"] == [{"kind": "INSERT", "fields": [7]}]
    assert r.body["nextResultUri"] == f"/v1/sessions/{session}/operations/{op}/result/1"


def test_next_uri_uses_fetch_request_version_not_session_version(client):
    s = client.open_session(version="v1")
    op = client.execute(s, "SELECT 1", version="v2")
    assert client.wait_status(s, op) == "FINISHED"
    r = client.fetch(s, op, 0, version="v3")
    assert r.status == 200, r
    assert r.body["nextResultUri"] == f"/v3/sessions/{s}/operations/{op}/result/1?rowFormat=JSON"
    client.close_session(s)


def test_sessions_start_in_default_catalog_and_database(client, session):
    rows = client.query(session, "SELECT current_database() AS c, current_schema() AS d")
    assert rows == [["default_catalog", "default_database"]]


def test_session_config_contains_open_properties(client):
    props = {"e2e.alpha": "1", "e2e.beta": "two words", "table.local-time-zone": "Asia/Tokyo"}
    s = client.open_session(properties=props, name="cfg")
    r = client.get(f"/v2/sessions/{s}")
    assert r.status == 200, r
    got = r.body["properties"]
    assert all(isinstance(val, str) for val in got.values()), got
    for k, val in props.items():
        assert got.get(k) == val, (k, got)
    client.close_session(s)


def test_open_session_ignores_unknown_fields_and_accepts_empty_body(client):
    r = client.post("/v1/sessions", {"sessionName": "x", "unknownField": [1, 2, 3]})
    assert r.status == 200 and UUID_RE.match(r.body["sessionHandle"]), r
    client.close_session(r.body["sessionHandle"])
    r = client.post("/v1/sessions")  # no body at all
    assert r.status == 200 and UUID_RE.match(r.body["sessionHandle"]), r
    client.close_session(r.body["sessionHandle"])


def test_session_handles_are_unique(client):
    handles = [client.open_session() for _ in range(5)]
    assert len(set(handles)) == 5
    for h in handles:
        client.close_session(h)


@pytest.mark.parametrize("v", VERSIONS, ids=vid)
def test_heartbeat(client, session, v):
    r = client.post(prefix(v, f"/sessions/{session}/heartbeat"))
    assert r.status == 200 and r.body == {}, r
    r = client.post(prefix(v, f"/sessions/{uuid.uuid4()}/heartbeat"))
    assert r.status == 404, r


@pytest.mark.parametrize("v", ["v2", "v3", "v4", ""], ids=vid)
def test_configure_session(client, v):
    s = client.open_session(version=v)
    path = prefix(v, f"/sessions/{s}/configure-session")

    r = client.post(path, {"statement": "SET 'e2e.configured' = 'yes'"})
    assert r.status == 200 and r.body == {}, r
    assert client.get(prefix(v, f"/sessions/{s}")).body["properties"].get("e2e.configured") == "yes"

    table = f"cfg_{vid(v)}_{uuid.uuid4().hex[:8]}"
    r = client.post(path, {"statement": f"CREATE TABLE {table} (i INTEGER)"})
    assert r.status == 200 and r.body == {}, r
    assert client.query(s, f"SELECT count(*) FROM {table}") == [[0]]

    r = client.post(path, {"statement": "SELECT 1"})
    assert r.status in (400, 500), r
    assert "Unsupported statement for configuring session" in r.body["rootCause"], r
    assert r.body["errors"], r

    r = client.post(path, {"statement": f"INSERT INTO {table} VALUES (1)"})
    assert r.status in (400, 500), r
    assert client.query(s, f"SELECT count(*) FROM {table}") == [[0]]

    client.query(s, f"DROP TABLE {table}")
    client.close_session(s)


def test_configure_session_reports_sql_errors(client, session):
    r = client.post(f"/v4/sessions/{session}/configure-session",
                    {"statement": "CREATE TABLE broken (i NOSUCHTYPE)"})
    assert r.status == 500, r
    assert "NOSUCHTYPE" in r.body["rootCause"], r


def test_complete_statement(client, session):
    table = "completion_target_tbl"
    client.query(session, f"CREATE TABLE {table} (i INTEGER)")

    r = client.get(f"/v2/sessions/{session}/complete-statement", {"statement": "SEL", "position": 3})
    assert r.status == 200, r
    assert set(r.body) == {"candidates"}, r
    assert "SELECT" in [c.strip() for c in r.body["candidates"]], r

    stmt = "SELECT * FROM completion_tar"
    r = client.get(f"/v4/sessions/{session}/complete-statement", {"statement": stmt, "position": len(stmt)})
    assert r.status == 200, r
    assert any(c.strip().strip('"') == table or c.strip().endswith(table) for c in r.body["candidates"]), r

    client.query(session, f"DROP TABLE {table}")


def test_close_session_then_everything_404(client):
    s = client.open_session()
    op = client.execute(s, "SELECT 1")
    client.wait_status(s, op)
    client.close_session(s)
    for method, path in [
        ("GET", f"/v4/sessions/{s}"),
        ("DELETE", f"/v4/sessions/{s}"),
        ("POST", f"/v4/sessions/{s}/heartbeat"),
        ("POST", f"/v4/sessions/{s}/statements"),
        ("GET", f"/v4/sessions/{s}/operations/{op}/status"),
        ("GET", f"/v4/sessions/{s}/operations/{op}/result/0"),
    ]:
        body = {"statement": "SELECT 1"} if path.endswith("statements") else None
        r = client.request(method, path, body=body)
        assert r.status == 404, (method, path, r)
        assert s in r.body["rootCause"], (method, path, r)


def test_v1_has_no_configure_session_or_completion(client, session):
    r = client.post(f"/v1/sessions/{session}/configure-session", {"statement": "SET 'a' = 'b'"})
    assert r.status == 404, r
    assert r.body["errors"] == [f"Not found: /v1/sessions/{session}/configure-session"], r
    r = client.get(f"/v1/sessions/{session}/complete-statement", {"statement": "SEL", "position": 3})
    assert r.status == 404, r
    # The SET never ran.
    assert "a" not in client.get(f"/v1/sessions/{session}").body["properties"]


@pytest.mark.parametrize("path", ["/v1/nope", "/nope", "/v5/api_versions", "/v4/sessions/x/y/z/w",
                                  "/v0/info", "/"])
def test_unknown_path_404(client, path):
    r = client.get(path)
    assert r.status == 404, r
    assert r.body["errors"] == [f"Not found: {path}"], r


@pytest.mark.parametrize("method,path", [
    ("DELETE", "/v1/api_versions"),
    ("POST", "/v2/info"),
    ("GET", "/v1/sessions"),
    ("PUT", "/v4/sessions"),
    ("GET", "/v3/sessions/{s}/statements"),
    ("POST", "/v4/sessions/{s}/operations/{o}/status"),
    ("GET", "/v4/sessions/{s}/operations/{o}/cancel"),
])
def test_wrong_method_404(client, session, method, path):
    path = path.format(s=session, o=uuid.uuid4())
    r = client.request(method, path)
    assert r.status == 404, r
    assert r.body["errors"] == [f"Not found: {path}"], r


def test_trailing_slash_matches(client):
    r = client.get("/v1/api_versions/")
    assert r.status == 200 and r.body == {"versions": ALL_VERSIONS}, r


V3_ONLY = [
    ("POST", "/sessions/{s}/materialized-tables/default_catalog.default_database.mt/refresh",
     {"isPeriodic": False}),
    ("POST", "/workflow/embedded-scheduler/create",
     {"materializedTableIdentifier": "a.b.c", "cronExpression": "0 0 * * * ?"}),
    ("POST", "/workflow/embedded-scheduler/suspend", {"workflowName": "w", "workflowGroup": "g"}),
    ("POST", "/workflow/embedded-scheduler/resume", {"workflowName": "w", "workflowGroup": "g"}),
    ("DELETE", "/workflow/embedded-scheduler/delete", {"workflowName": "w", "workflowGroup": "g"}),
]


@pytest.mark.parametrize("method,path,body", V3_ONLY, ids=[p for _, p, _ in V3_ONLY])
def test_v3_only_paths(client, session, method, path, body):
    path = path.format(s=session)
    r = client.request(method, "/v3" + path, body=body)
    assert r.status == 501, r
    assert "not supported by this engine" in r.body["rootCause"], r
    assert r.body["errors"], r
    for other in ["", "/v1", "/v2", "/v4"]:
        r = client.request(method, other + path, body=body)
        assert r.status == 404, (other, r)


@pytest.mark.parametrize("v", ["v4", ""], ids=vid)
def test_deploy_script_not_supported(client, session, v):
    r = client.post(prefix(v, f"/sessions/{session}/scripts"), {"script": "SELECT 1;"})
    assert r.status == 501, r
    assert "not supported by this engine" in r.body["rootCause"], r
    for other in ["v1", "v2", "v3"]:
        r = client.post(f"/{other}/sessions/{session}/scripts", {"script": "SELECT 1;"})
        assert r.status == 404, (other, r)


def test_execution_config_overlay_is_not_persisted(client, session):
    op = client.execute(session, "SELECT 1", executionConfig={"e2e.per.statement": "x"})
    assert client.wait_status(session, op) == "FINISHED"
    assert "e2e.per.statement" not in client.get(f"/v4/sessions/{session}").body["properties"]
