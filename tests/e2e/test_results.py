"""Fetched results (reference/flink-rest.md §4–§7): every DuckDB type in JSON and PLAIN_TEXT with
its column logicalType, paging and token semantics, NOT_READY, gateway SET/RESET, DDL/DML result
shapes, and results that outlive later statements of the same session (spooling)."""

import base64
import json
import os
import time

import pytest

from conftest import HEX32_RE, deadline_after

INF = 2147483647


class Num:
    """A JSON number kept as its exact text, so 1E+2 and 100 are told apart."""

    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return isinstance(other, Num) and other.text == self.text

    def __repr__(self):
        return f"Num({self.text})"


def exact_json(text):
    return json.loads(text, parse_int=Num, parse_float=Num)


def t(type_, **extra):
    d = {"type": type_, "nullable": True}
    d.update(extra)
    return d


VARCHAR = t("VARCHAR", length=INF)
INTEGER = t("INTEGER")

BLOB = b"\x00\x01\xffab"

# name, DuckDB expression, DuckDB type (for the NULL row), logicalType, JSON text, PLAIN_TEXT
TYPES = [
    ("c_bool", "TRUE", "BOOLEAN", t("BOOLEAN"), "true", "TRUE"),
    ("c_tinyint", "CAST(-7 AS TINYINT)", "TINYINT", t("TINYINT"), "-7", "-7"),
    ("c_smallint", "CAST(300 AS SMALLINT)", "SMALLINT", t("SMALLINT"), "300", "300"),
    ("c_int", "CAST(-70000 AS INTEGER)", "INTEGER", INTEGER, "-70000", "-70000"),
    ("c_bigint", "CAST(1238123899121 AS BIGINT)", "BIGINT", t("BIGINT"), "1238123899121", "1238123899121"),
    ("c_hugeint", "CAST('12345678901234567890123456789012345678' AS HUGEINT)", "HUGEINT",
     t("DECIMAL", precision=38, scale=0),
     "12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
    ("c_hugeint_sci", "CAST(1200 AS HUGEINT)", "HUGEINT", t("DECIMAL", precision=38, scale=0), "1.2E+3", "1200"),
    ("c_dec_sci", "CAST(100.00 AS DECIMAL(5,2))", "DECIMAL(5,2)", t("DECIMAL", precision=5, scale=2),
     "1E+2", "100.00"),
    ("c_dec", "CAST(-12.50 AS DECIMAL(10,2))", "DECIMAL(10,2)", t("DECIMAL", precision=10, scale=2),
     "-12.5", "-12.50"),
    ("c_dec_zero", "CAST(0 AS DECIMAL(6,3))", "DECIMAL(6,3)", t("DECIMAL", precision=6, scale=3), "0", "0.000"),
    ("c_dec_tiny", "CAST(0.0000001 AS DECIMAL(18,9))", "DECIMAL(18,9)", t("DECIMAL", precision=18, scale=9),
     "1E-7", "0.000000100"),
    ("c_float", "CAST(1.5 AS FLOAT)", "FLOAT", t("FLOAT"), "1.5", "1.5"),
    ("c_double", "CAST(33.333 AS DOUBLE)", "DOUBLE", t("DOUBLE"), "33.333", "33.333"),
    ("c_double_big", "CAST(1e20 AS DOUBLE)", "DOUBLE", t("DOUBLE"), "1.0E20", "1.0E20"),
    ("c_varchar", "'h\u00e9llo \"q\" \\ ' || chr(10) || 'end'", "VARCHAR", VARCHAR,
     json.dumps('h\u00e9llo "q" \\ \nend'), 'h\u00e9llo "q" \\ \nend'),
    ("c_blob", "'\\x00\\x01\\xFFab'::BLOB", "BLOB", t("VARBINARY", length=INF),
     json.dumps(base64.b64encode(BLOB).decode()), "x'0001ff6162'"),
    ("c_date", "DATE '1990-10-14'", "DATE", t("DATE"), '"1990-10-14"', "1990-10-14"),
    ("c_date_big", "DATE '10000-01-01'", "DATE", t("DATE"), '"+10000-01-01"', "10000-01-01"),
    ("c_time", "TIME '12:34:56.789'", "TIME", t("TIME_WITHOUT_TIME_ZONE", precision=6),
     '"12:34:56"', "12:34:56.789"),
    # Flink's DateTimeUtils.formatTimestampMillis: at least one fraction digit when precision > 0.
    ("c_time0", "TIME '12:34:56'", "TIME", t("TIME_WITHOUT_TIME_ZONE", precision=6), '"12:34:56"', "12:34:56.0"),
    ("c_ts", "TIMESTAMP '2021-04-13 20:12:11.123'", "TIMESTAMP", t("TIMESTAMP_WITHOUT_TIME_ZONE", precision=6),
     '"2021-04-13T20:12:11.123"', "2021-04-13 20:12:11.123000"),
    ("c_ts0", "TIMESTAMP '2021-04-13 20:12:11'", "TIMESTAMP", t("TIMESTAMP_WITHOUT_TIME_ZONE", precision=6),
     '"2021-04-13T20:12:11"', "2021-04-13 20:12:11.000000"),
    ("c_tstz", "TIMESTAMPTZ '2021-04-13 20:12:11.5+00'", "TIMESTAMPTZ",
     t("TIMESTAMP_WITH_LOCAL_TIME_ZONE", precision=6),
     '"2021-04-13T20:12:11.5Z"', "2021-04-13 20:12:11.500000"),
    ("c_interval", "INTERVAL '1 month 2 days 03:04:05.006'", "INTERVAL",
     t("INTERVAL_DAY_TIME", precision=6, fractionalPrecision=3, resolution="DAY_TO_SECOND"),
     str(32 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_006), "+32 03:04:05.006"),
    ("c_interval_neg", "INTERVAL '-1 day 01:00:00'", "INTERVAL",
     t("INTERVAL_DAY_TIME", precision=6, fractionalPrecision=3, resolution="DAY_TO_SECOND"),
     str(-86_400_000 + 3_600_000), "-0 23:00:00.000"),
    ("c_list", "[1, 2, NULL]", "INTEGER[]", t("ARRAY", elementType=INTEGER), "[1,2,null]", "[1, 2, NULL]"),
    ("c_array", "[1.5, 2.5]::DOUBLE[2]", "DOUBLE[2]", t("ARRAY", elementType=t("DOUBLE")),
     "[1.5,2.5]", "[1.5, 2.5]"),
    ("c_struct", "{'a': 1, 'b': 'x', 'c': NULL::INTEGER}", "STRUCT(a INTEGER, b VARCHAR, c INTEGER)",
     t("ROW", fields=[{"name": "a", "fieldType": INTEGER}, {"name": "b", "fieldType": VARCHAR},
                      {"name": "c", "fieldType": INTEGER}]),
     '{"a":1,"b":"x","c":null}', "(1, x, NULL)"),
    ("c_map", "MAP {'k1': 10, 'k2': NULL}", "MAP(VARCHAR, INTEGER)", t("MAP", keyType=VARCHAR, valueType=INTEGER),
     '{"k1":10,"k2":null}', "{k1=10, k2=NULL}"),
    ("c_nested", "[{'x': 1, 'tags': ['p', 'q']}, {'x': 2, 'tags': []}]", "STRUCT(x INTEGER, tags VARCHAR[])[]",
     t("ARRAY", elementType=t("ROW", fields=[{"name": "x", "fieldType": INTEGER},
                                             {"name": "tags", "fieldType": t("ARRAY", elementType=VARCHAR)}])),
     '[{"x":1,"tags":["p","q"]},{"x":2,"tags":[]}]', "[(1, [p, q]), (2, [])]"),
    ("c_uuid", "'123e4567-e89b-12d3-a456-426614174000'::UUID", "UUID", t("VARCHAR", length=36),
     '"123e4567-e89b-12d3-a456-426614174000"', "123e4567-e89b-12d3-a456-426614174000"),
    ("c_enum", "CAST('happy' AS ENUM('sad', 'happy'))", "ENUM('sad', 'happy')", VARCHAR, '"happy"', "happy"),
]


def types_query():
    values = ", ".join(f"{expr} AS {name}" for name, expr, *_ in TYPES)
    nulls = ", ".join(f"CAST(NULL AS {ty}) AS {name}" for name, _, ty, *_ in TYPES)
    return f"SELECT * FROM (SELECT 1 AS id, {values} UNION ALL SELECT 2 AS id, {nulls}) ORDER BY id"


def fetch_raw_pages(client, session, op, row_format):
    """The raw text of all PAYLOAD pages, following nextResultUri to EOS."""
    uri = f"/v4/sessions/{session}/operations/{op}/result/0?rowFormat={row_format}"
    pages = []
    for _ in range(100):
        r = client.get(uri)
        assert r.status == 200, r
        if r.body["resultType"] == "EOS":
            return pages
        pages.append(r.text)
        uri = r.body["nextResultUri"]
    raise AssertionError("no EOS after 100 pages")


@pytest.fixture(scope="module")
def types_result(client):
    """Runs the all-types query once in a UTC session; yields the session, op and both encodings."""
    s = client.open_session(properties={"table.local-time-zone": "UTC"})
    op = client.execute(s, types_query())
    status = client.wait_status(s, op)
    if status != "FINISHED":
        pytest.fail(f"types query ended {status}: {client.fetch(s, op, 0)}")
    json_pages = fetch_raw_pages(client, s, op, "JSON")
    op2 = client.execute(s, types_query())
    assert client.wait_status(s, op2) == "FINISHED"
    text_pages = fetch_raw_pages(client, s, op2, "PLAIN_TEXT")
    yield {"json": json_pages, "text": text_pages}
    client.close_session(s)


def rows_of(pages):
    """Rows with exact-text numbers."""
    return [row["fields"] for text in pages for row in exact_json(text)["results"]["data"]]


def test_types_columns_logical_type(types_result):
    for fmt in ("json", "text"):
        cols = json.loads(types_result[fmt][0])["results"]["columns"]
        assert [c["name"] for c in cols] == ["id"] + [name for name, *_ in TYPES]
        assert cols[0] == {"name": "id", "logicalType": INTEGER, "comment": None}
        for col, (name, _, _, logical, _, _) in zip(cols[1:], TYPES):
            assert col == {"name": name, "logicalType": logical, "comment": None}, name
            assert list(col["logicalType"])[:2] == ["type", "nullable"], col


@pytest.mark.parametrize("name,json_text", [(n, j) for n, _, _, _, j, _ in TYPES])
def test_types_json_values(types_result, name, json_text):
    rows = rows_of(types_result["json"])
    assert len(rows) == 2
    idx = 1 + [n for n, *_ in TYPES].index(name)
    assert rows[0][0] == Num("1") and rows[1][0] == Num("2")
    assert rows[0][idx] == exact_json(json_text), f"{name}: got {rows[0][idx]!r}, want {json_text}"
    assert rows[1][idx] is None, f"{name} NULL: got {rows[1][idx]!r}"


@pytest.mark.parametrize("name,plain", [(n, p) for n, _, _, _, _, p in TYPES])
def test_types_plain_text_values(types_result, name, plain):
    rows = rows_of(types_result["text"])
    assert len(rows) == 2
    idx = 1 + [n for n, *_ in TYPES].index(name)
    assert rows[0][0] == "1" and rows[1][0] == "2"
    assert rows[0][idx] == plain, f"{name}: got {rows[0][idx]!r}, want {plain!r}"
    assert rows[1][idx] is None, f"{name} NULL: got {rows[1][idx]!r}"


def test_types_result_shape(types_result):
    for fmt, name in (("json", "JSON"), ("text", "PLAIN_TEXT")):
        page = json.loads(types_result[fmt][0])
        assert page["resultType"] == "PAYLOAD"
        assert page["isQueryResult"] is True
        assert page["resultKind"] == "SUCCESS_WITH_CONTENT"
        assert HEX32_RE.match(page["jobID"]), page["jobID"]
        assert page["results"]["rowFormat"] == name
        kinds = [row["kind"] for text in types_result[fmt] for row in json.loads(text)["results"]["data"]]
        assert kinds == ["INSERT", "INSERT"], kinds


def test_float_and_double_text(client, session):
    sql = ("SELECT CAST(0.1 AS FLOAT) AS f, CAST(1e-5 AS DOUBLE) AS a, CAST(1e7 AS DOUBLE) AS b, "
           "CAST(100 AS DOUBLE) AS c, CAST(123456.789 AS DOUBLE) AS d, CAST('NaN' AS DOUBLE) AS e, "
           "CAST('inf' AS DOUBLE) AS g, CAST('-inf' AS FLOAT) AS h, CAST(-0.001 AS DOUBLE) AS i")
    op = client.execute(session, sql)
    assert client.wait_status(session, op) == "FINISHED"
    r = client.fetch(session, op, 0)
    assert r.status == 200, r
    fields = exact_json(r.text)["results"]["data"][0]["fields"]
    assert fields == [Num("0.1"), Num("1.0E-5"), Num("1.0E7"), Num("100.0"), Num("123456.789"),
                      "NaN", "Infinity", "-Infinity", Num("-0.001")], fields
    op = client.execute(session, sql)
    assert client.wait_status(session, op) == "FINISHED"
    rows = client.fetch_all(session, op, row_format="PLAIN_TEXT").rows
    assert rows == [["0.1", "1.0E-5", "1.0E7", "100.0", "123456.789", "NaN", "Infinity", "-Infinity", "-0.001"]]


def test_timestamp_ltz_follows_session_time_zone(client):
    sql = "SELECT TIMESTAMPTZ '2021-04-13 20:12:11.5+00' AS ts"
    s = client.open_session(properties={"table.local-time-zone": "Asia/Shanghai"})
    assert client.query(s, sql) == [["2021-04-14T04:12:11.5Z"]]
    assert client.query(s, sql, row_format="PLAIN_TEXT") == [["2021-04-14 04:12:11.500000"]]
    client.query(s, "SET 'table.local-time-zone' = 'America/New_York'")
    assert client.query(s, sql) == [["2021-04-13T16:12:11.5Z"]]
    client.query(s, "SET 'table.local-time-zone' = 'UTC'")
    assert client.query(s, sql, row_format="PLAIN_TEXT") == [["2021-04-13 20:12:11.500000"]]
    client.close_session(s)


def test_map_with_non_string_keys(client, session):
    """JSON cannot key an object by a number: the JSON fetch fails as in Flink, PLAIN_TEXT works."""
    op = client.execute(session, "SELECT MAP {1: 'a', 2: 'b'} AS m")
    assert client.wait_status(session, op) == "FINISHED"
    r = client.fetch(session, op, 0, row_format="JSON")
    assert r.status == 500, r
    assert "JSON format doesn't support non-string as key type of map" in r.body["rootCause"], r
    # The failed encoding did not lose the page.
    res = client.fetch_all(session, op, row_format="PLAIN_TEXT")
    assert res.rows == [["{1=a, 2=b}"]]


def test_paging_200k_rows_exact(client, session):
    n = 200_000
    op = client.execute(session, f"SELECT range AS i, 'row-' || range AS s FROM range({n})")
    assert client.wait_status(session, op) == "FINISHED"
    res = client.fetch_all(session, op, row_format="JSON", timeout=90)
    assert res.column_names == ["i", "s"]
    assert res.columns[0]["logicalType"] == {"type": "BIGINT", "nullable": True}
    assert len(res.rows) == n
    for i, row in enumerate(res.rows):
        if row != [i, f"row-{i}"]:
            raise AssertionError(f"row {i} is {row}")
    payloads = [p for p in res.pages if p["resultType"] == "PAYLOAD"]
    assert len(payloads) > 1, "200k rows came in a single page"
    # Tokens advance by one per page.
    for k, p in enumerate(payloads):
        assert p["nextResultUri"] == f"/v4/sessions/{session}/operations/{op}/result/{k + 1}?rowFormat=JSON"
    eos = res.pages[-1]
    assert eos["resultType"] == "EOS" and eos["results"]["data"] == []
    assert [c["name"] for c in eos["results"]["columns"]] == ["i", "s"]


def test_token_semantics(client, session):
    n = 50_000
    op = client.execute(session, f"SELECT range AS i FROM range({n})")
    assert client.wait_status(session, op) == "FINISHED"

    r = client.fetch(session, op, 3)
    assert r.status == 400, r
    assert "Expecting token to be 0, but found 3" in r.body["rootCause"], r

    rows = []
    token = 0
    saw_refetch = False
    while True:
        r = client.fetch(session, op, token)
        assert r.status == 200, r
        page = r.body
        if page["resultType"] == "EOS":
            break
        assert page["resultType"] == "PAYLOAD"
        # Retrying the token just fetched re-sends the same page.
        again = client.fetch(session, op, token)
        assert again.status == 200 and again.body == page, (page, again)
        if token >= 1:
            old = client.fetch(session, op, token - 1)
            assert old.status == 400, old
            assert "Expecting token" in old.body["rootCause"], old
            saw_refetch = True
        rows += [row["fields"][0] for row in page["results"]["data"]]
        token += 1
        assert page["nextResultUri"].endswith(f"/result/{token}?rowFormat=JSON"), page["nextResultUri"]
    assert rows == list(range(n))
    assert saw_refetch, "result fit in one page; token checks did not run"
    r = client.fetch(session, op, token + 5)
    assert r.status == 400 and "Expecting token" in r.body["rootCause"], r


def test_not_ready_while_running(own_client, own_session):
    op = own_client.execute(own_session, "SELECT count(*) FROM range(100000000000)")
    try:
        r = own_client.fetch(own_session, op, 0, row_format="PLAIN_TEXT")
        assert r.status == 200, r
        assert r.body == {"resultType": "NOT_READY",
                          "nextResultUri": f"/v4/sessions/{own_session}/operations/{op}/result/0?rowFormat=PLAIN_TEXT"}
        r = own_client.fetch(own_session, op, 0, version="v1")
        assert r.body == {"resultType": "NOT_READY",
                          "nextResultUri": f"/v1/sessions/{own_session}/operations/{op}/result/0"}
        assert own_client.status(own_session, op) in ("INITIALIZED", "PENDING", "RUNNING")
    finally:
        own_client.post(f"/v4/sessions/{own_session}/operations/{op}/cancel")


def ok_result(res):
    first = res.first
    assert first["resultKind"] == "SUCCESS", first
    assert first["isQueryResult"] is False, first
    assert "jobID" not in first, first
    assert res.columns == [{"name": "result", "logicalType": VARCHAR, "comment": None}]
    assert res.rows == [["OK"]]


def test_set_reset_and_set_listing(client, session):
    ok_result(client.run(session, "SET 'e2e.key' = 'v1'"))
    ok_result(client.run(session, "SET 'e2e.another' = 'x y'"))

    res = client.run(session, "SET")
    assert res.first["resultKind"] == "SUCCESS_WITH_CONTENT"
    assert res.first["isQueryResult"] is False
    assert "jobID" not in res.first
    assert res.columns == [{"name": "key", "logicalType": VARCHAR, "comment": None},
                           {"name": "value", "logicalType": VARCHAR, "comment": None}]
    keys = [k for k, _ in res.rows]
    assert keys == sorted(keys)
    assert ["e2e.key", "v1"] in res.rows and ["e2e.another", "x y"] in res.rows
    props = client.get(f"/v4/sessions/{session}").body["properties"]
    assert props["e2e.key"] == "v1"
    # The listing is the session configuration.
    assert dict(res.rows) == props

    ok_result(client.run(session, "RESET 'e2e.key'"))
    res = client.run(session, "SET")
    assert "e2e.key" not in [k for k, _ in res.rows]
    assert ["e2e.another", "x y"] in res.rows
    assert "e2e.key" not in client.get(f"/v4/sessions/{session}").body["properties"]

    ok_result(client.run(session, "RESET"))
    res = client.run(session, "SET", row_format="PLAIN_TEXT")
    assert "e2e.another" not in [k for k, _ in res.rows]
    assert "e2e.another" not in client.get(f"/v4/sessions/{session}").body["properties"]


def test_ddl_and_dml_results(client, session):
    table = "e2e_dml_t"
    ok_result(client.run(session, f"CREATE TABLE {table} (i INTEGER, s VARCHAR)"))

    job_ids = []
    for sql in (f"INSERT INTO {table} VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                f"UPDATE {table} SET s = 'z' WHERE i = 2",
                f"DELETE FROM {table} WHERE i = 1"):
        res = client.run(session, sql)
        first = res.first
        assert first["resultKind"] == "SUCCESS_WITH_CONTENT", (sql, first)
        assert first["isQueryResult"] is False, (sql, first)
        assert HEX32_RE.match(first["jobID"]), (sql, first)
        assert res.columns == [{"name": "job id", "logicalType": VARCHAR, "comment": None}], sql
        assert res.rows == [[first["jobID"]]], (sql, res.rows)
        job_ids.append(first["jobID"])
    assert len(set(job_ids)) == 3

    res = client.run(session, f"SELECT i, s FROM {table} ORDER BY i")
    assert res.first["isQueryResult"] is True
    assert res.first["resultKind"] == "SUCCESS_WITH_CONTENT"
    assert HEX32_RE.match(res.first["jobID"]) and res.first["jobID"] not in job_ids
    assert res.rows == [[2, "z"], [3, "c"]]

    ok_result(client.run(session, f"DROP TABLE {table}"))
    op = client.execute(session, f"SELECT * FROM {table}")
    assert client.wait_status(session, op) == "ERROR"


def test_non_query_eos_at_second_token(client, session):
    op = client.execute(session, "CREATE TABLE e2e_tok (i INTEGER)")
    assert client.wait_status(session, op) == "FINISHED"
    first = client.fetch(session, op, 0).body
    assert first["resultType"] == "PAYLOAD"
    assert first["nextResultUri"] == f"/v4/sessions/{session}/operations/{op}/result/1?rowFormat=JSON"
    second = client.fetch(session, op, 1).body
    assert second["resultType"] == "EOS" and "nextResultUri" not in second
    client.query(session, "DROP TABLE e2e_tok")


def test_empty_query_result(client, session):
    res = client.run(session, "SELECT range AS i FROM range(10) WHERE range > 100")
    assert res.rows == []
    assert res.column_names == ["i"]
    assert res.pages[-1]["resultType"] == "EOS"


def test_open_result_survives_later_statements(client, session):
    """A second statement in the same session must not truncate a result still being fetched."""
    n = 100_000
    op1 = client.execute(session, f"SELECT range AS i FROM range({n})")
    assert client.wait_status(session, op1) == "FINISHED"
    rows = []
    uri = f"/v4/sessions/{session}/operations/{op1}/result/0?rowFormat=JSON"
    for _ in range(1000):  # first non-empty page
        page = client.fetch_uri(uri)
        assert page["resultType"] == "PAYLOAD", page
        uri = page["nextResultUri"]
        rows += [row["fields"][0] for row in page["results"]["data"]]
        if rows:
            break
    assert 0 < len(rows) < n, len(rows)

    # Other statements run to completion in the same session meanwhile.
    assert client.query(session, "SELECT 42 AS answer") == [[42]]
    assert client.query(session, "SELECT sum(range)::BIGINT FROM range(1000)") == [[499500]]
    client.query(session, "CREATE TABLE e2e_spool (i INTEGER)")
    client.query(session, "INSERT INTO e2e_spool SELECT range FROM range(10)")
    assert client.query(session, "SELECT count(*) FROM e2e_spool") == [[10]]
    client.query(session, "DROP TABLE e2e_spool")

    token = int(uri.split("/result/")[1].split("?")[0])
    rest = client.fetch_all(session, op1, start_token=token)
    rows += [r[0] for r in rest.rows]
    assert len(rows) == n
    assert rows == list(range(n))


def open_spool_files(gw, spool_dir):
    """Files under spool_dir the gateway process holds open (deleted or not)."""
    fd_dir = f"/proc/{gw.proc.pid}/fd"
    found = []
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if target.startswith(spool_dir + "/"):
            found.append(target)
    return found


def test_spooled_result_uses_spool_directory_and_is_released(gateway_factory, tmp_path):
    spool = str(tmp_path / "spool")
    os.mkdir(spool)
    gw = gateway_factory({"sql-gateway.result.spool-directory": spool})
    c = gw.client
    s = c.open_session()
    n = 300_000
    op = c.execute(s, f"SELECT range AS i, repeat('z', 50) AS pad FROM range({n})")
    assert c.wait_status(s, op) == "FINISHED"
    first = c.fetch(s, op, 0).body
    got = len(first["results"]["data"])
    assert 0 < got < n
    assert c.query(s, "SELECT 1 AS n") == [[1]]  # moves the open result out of the engine
    assert open_spool_files(gw, spool), "no spool file open in sql-gateway.result.spool-directory"
    rest = c.fetch_all(s, op, start_token=1)
    assert got + len(rest.rows) == n
    assert [r[0] for r in rest.rows] == list(range(got, n))
    assert rest.rows[-1][1] == "z" * 50
    c.close_session(s)
    end = deadline_after(10)
    while open_spool_files(gw, spool) and time.monotonic() < end:
        time.sleep(0.02)
    assert open_spool_files(gw, spool) == []
    assert os.listdir(spool) == []


def test_execution_config_time_zone_overlay(client, session):
    """executionConfig applies to that statement only: TIMESTAMP_LTZ renders in its zone."""
    sql = "SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' AS t"
    op = client.execute(session, sql, executionConfig={"table.local-time-zone": "Asia/Shanghai"})
    assert client.wait_status(session, op) == "FINISHED"
    rows = client.fetch_all(session, op, row_format="PLAIN_TEXT").rows
    assert rows == [["2024-01-01 08:00:00.000000"]], rows
    op = client.execute(session, "SET 'table.local-time-zone' = 'UTC'")
    assert client.wait_status(session, op) == "FINISHED"
    op = client.execute(session, sql)
    assert client.wait_status(session, op) == "FINISHED"
    assert client.fetch_all(session, op, row_format="PLAIN_TEXT").rows == [["2024-01-01 00:00:00.000000"]]
