"""Many sessions at once, and a file database that survives SIGTERM and SIGKILL of the gateway."""

import os
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

SESSIONS = 20
QUERIES = 20


def test_concurrent_sessions(client):
    handles = []
    lock = threading.Lock()

    def worker(k):
        s = client.open_session(properties={"e2e.worker": str(k)})
        with lock:
            handles.append(s)
        for j in range(QUERIES):
            n = k * 1000 + j
            rows = client.query(s, f"SELECT {n} * 2 AS v, '{k}-{j}' AS tag")
            assert rows == [[2 * n, f"{k}-{j}"]], (k, j, rows)
        # Each session kept its own configuration.
        assert client.get(f"/v4/sessions/{s}").body["properties"]["e2e.worker"] == str(k)
        client.close_session(s)
        return k

    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        done = sorted(f.result(timeout=120) for f in [pool.submit(worker, k) for k in range(SESSIONS)])
    assert done == list(range(SESSIONS))
    assert len(set(handles)) == SESSIONS
    for s in handles:
        r = client.get(f"/v4/sessions/{s}")
        assert r.status == 404, r


def test_concurrent_queries_on_shared_table(client):
    """Sessions share the one DuckDB database: inserts from many sessions all land."""
    setup = client.open_session()
    client.query(setup, "CREATE TABLE e2e_shared (k INTEGER, j INTEGER)")

    def worker(k):
        s = client.open_session()
        for j in range(10):
            client.query(s, f"INSERT INTO e2e_shared VALUES ({k}, {j})")
        client.close_session(s)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for f in [pool.submit(worker, k) for k in range(8)]:
            f.result(timeout=120)
    rows = client.query(setup, "SELECT count(*), count(DISTINCT (k, j)), CAST(sum(k * 100 + j) AS BIGINT) FROM e2e_shared")
    assert rows == [[80, 80, sum(k * 100 + j for k in range(8) for j in range(10))]]
    client.query(setup, "DROP TABLE e2e_shared")
    client.close_session(setup)


def fill_database(gw):
    c = gw.client
    # dml-sync: the INSERT's operation finishes when its job committed, not when it started.
    s = c.open_session({"table.dml-sync": "true"})
    c.query(s, "CREATE TABLE kept (i INTEGER, s VARCHAR)")
    op = c.execute(s, "INSERT INTO kept SELECT range, 'v' || range FROM range(1000)")
    assert c.wait_status(s, op) == "FINISHED"
    assert c.fetch_all(s, op).first["jobID"]
    return s


def check_database(gw):
    c = gw.client
    s = c.open_session()
    rows = c.query(s, "SELECT count(*), CAST(sum(i) AS BIGINT), max(s) FROM kept")
    assert rows == [[1000, 499500, "v999"]]
    c.close_session(s)


def test_file_database_survives_sigterm(gateway_factory):
    with tempfile.TemporaryDirectory(prefix="gw-e2e-db-") as d:
        opts = {"sql-gateway.engine.duckdb.path": os.path.join(d, "gateway.duckdb")}
        first = gateway_factory(opts)
        fill_database(first)
        first.stop_clean()
        second = gateway_factory(opts)
        check_database(second)
        second.stop_clean()


def test_file_database_survives_sigkill(gateway_factory):
    with tempfile.TemporaryDirectory(prefix="gw-e2e-db-") as d:
        opts = {"sql-gateway.engine.duckdb.path": os.path.join(d, "gateway.duckdb")}
        first = gateway_factory(opts)
        fill_database(first)
        first.kill9()
        assert first.proc.returncode == -9
        second = gateway_factory(opts)
        check_database(second)
        # Written again after recovery, and still there after a clean restart.
        c = second.client
        s = c.open_session({"table.dml-sync": "true"})
        c.query(s, "INSERT INTO kept VALUES (1000, 'w')")
        second.stop_clean()
        third = gateway_factory(opts)
        s = third.client.open_session()
        assert third.client.query(s, "SELECT count(*) FROM kept") == [[1001]]
        third.stop_clean()


LONG_QUERY = "SELECT count(*) FROM range(100000000000)"


def test_sigterm_while_query_runs(gateway_factory):
    gw = gateway_factory()
    c = gw.client
    s = c.open_session()
    op = c.execute(s, LONG_QUERY)
    assert c.wait_status(s, op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
    other = c.open_session()
    big = c.execute(other, "SELECT range FROM range(500000)")
    assert c.wait_status(other, big) == "FINISHED"
    assert c.fetch(other, big, 0).status == 200  # a result left open mid-way
    gw.stop_clean()


def test_sigterm_with_queued_operations(gateway_factory):
    gw = gateway_factory()
    c = gw.client
    s = c.open_session()
    op = c.execute(s, LONG_QUERY)
    assert c.wait_status(s, op, terminal={"RUNNING"}, timeout=20) == "RUNNING"
    for i in range(3):
        c.execute(s, f"SELECT {i}")
    gw.stop_clean()


def test_closed_client_connections_do_not_leak_descriptors(gateway_factory):
    """libsoup 3.2 leaks the socket of an idle keep-alive connection the client closed; the
    gateway closes after each response instead. 300 one-request connections must not add 300
    descriptors."""
    import http.client
    import os
    gw = gateway_factory()
    before = len(os.listdir(f"/proc/{gw.proc.pid}/fd"))
    for _ in range(300):
        conn = http.client.HTTPConnection("127.0.0.1", gw.client.port, timeout=10)
        conn.request("GET", "/v1/api_versions")
        assert conn.getresponse().status == 200
        conn.close()
    after = len(os.listdir(f"/proc/{gw.proc.pid}/fd"))
    assert after - before < 20, f"descriptors grew from {before} to {after}"


def test_client_reusing_one_connection(client):
    """A client that keeps its connection (HTTP/1.1 keep-alive) must get every answer: the
    gateway announces `Connection: close` and the client reconnects."""
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", client.port, timeout=10)
    for _ in range(20):
        conn.request("GET", "/v1/api_versions")
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Connection") == "close"
        response.read()
    conn.close()
