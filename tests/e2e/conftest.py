"""End-to-end fixtures: start the real sql-gateway binary on an ephemeral port with a generated
flink-conf.yaml, and drive it over HTTP with a small stdlib client (no third-party packages)."""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse

import pytest

GW_BINARY = os.environ.get("GW_BINARY", "/work/main/build/src/gateway/sql-gateway")

START_TIMEOUT = 20.0   # seconds until the listening line must appear
STOP_TIMEOUT = 15.0    # seconds a SIGTERM'd gateway gets to exit
REQUEST_TIMEOUT = 60.0  # socket timeout of one HTTP request
TERMINAL = frozenset({"FINISHED", "ERROR", "CANCELED", "CLOSED", "TIMEOUT"})

LISTENING_RE = re.compile(r"REST endpoint listening on http://127\.0\.0\.1:(\d+)")
HEX32_RE = re.compile(r"^[0-9a-f]{32}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

BASE_OPTIONS = {
    "sql-gateway.endpoint.rest.address": "127.0.0.1",
    "sql-gateway.endpoint.rest.bind-address": "127.0.0.1",
    "sql-gateway.endpoint.rest.bind-port": "0",
}


def deadline_after(seconds):
    return time.monotonic() + seconds


class Response:
    """One HTTP answer: status, parsed JSON body (None when not JSON) and the raw text."""

    def __init__(self, status, body, text, headers):
        self.status = status
        self.body = body
        self.text = text
        self.headers = headers

    def __iter__(self):  # lets callers write `status, body = client.get(...)`
        return iter((self.status, self.body))

    def __repr__(self):
        return f"<HTTP {self.status} {self.text[:2000]!r}>"


class FetchResult:
    """Everything a fetch_all() walk saw: the columns, all rows, and every page body."""

    def __init__(self, pages):
        self.pages = pages
        payloads = [p for p in pages if p["resultType"] != "NOT_READY"]
        self.first = payloads[0] if payloads else None
        self.columns = self.first["results"]["columns"] if self.first else None
        self.rows = [row["fields"] for p in payloads for row in p["results"]["data"]]
        self.kinds = [row["kind"] for p in payloads for row in p["results"]["data"]]

    @property
    def column_names(self):
        return [c["name"] for c in self.columns]


class Client:
    """HTTP client for one gateway; a fresh connection per request keeps requests independent
    (a 413 answer closes its connection)."""

    def __init__(self, host, port, version="v4"):
        self.host = host
        self.port = port
        self.version = version  # default prefix used by the helpers ("" for unversioned)

    # ---- raw HTTP ----

    def request(self, method, path, body=None, raw=None, headers=None, timeout=REQUEST_TIMEOUT):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            hdrs = dict(headers or {})
            data = None
            if raw is not None:
                data = raw if isinstance(raw, bytes) else raw.encode()
                hdrs.setdefault("Content-Type", "application/json")
            elif body is not None:
                data = json.dumps(body).encode()
                hdrs.setdefault("Content-Type", "application/json")
            conn.request(method, path, body=data, headers=hdrs)
            resp = conn.getresponse()
            text = resp.read().decode("utf-8", errors="replace")
            try:
                parsed = json.loads(text) if text else None
            except ValueError:
                parsed = None
            return Response(resp.status, parsed, text, dict(resp.getheaders()))
        finally:
            conn.close()

    def get(self, path, body=None, **kw):
        return self.request("GET", path, body=body, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def delete(self, path, body=None, **kw):
        return self.request("DELETE", path, body=body, **kw)

    def path(self, rest, version=None):
        v = self.version if version is None else version
        return f"/{v}{rest}" if v else rest

    # ---- protocol helpers ----

    def open_session(self, properties=None, name=None, version=None):
        body = {}
        if properties is not None:
            body["properties"] = properties
        if name is not None:
            body["sessionName"] = name
        r = self.post(self.path("/sessions", version), body)
        assert r.status == 200, r
        handle = r.body["sessionHandle"]
        assert UUID_RE.match(handle), r
        return handle

    def close_session(self, session, version=None):
        r = self.delete(self.path(f"/sessions/{session}", version))
        assert r.status == 200 and r.body == {"status": "CLOSED"}, r

    def execute(self, session, sql, version=None, **extra):
        body = {"statement": sql}
        body.update(extra)
        r = self.post(self.path(f"/sessions/{session}/statements", version), body)
        assert r.status == 200, r
        handle = r.body["operationHandle"]
        assert UUID_RE.match(handle), r
        return handle

    def status(self, session, op, version=None):
        r = self.get(self.path(f"/sessions/{session}/operations/{op}/status", version))
        assert r.status == 200, r
        return r.body["status"]

    def wait_status(self, session, op, terminal=TERMINAL, timeout=30.0, version=None):
        """Polls the operation status until it is in `terminal`; returns it."""
        end = deadline_after(timeout)
        seen = None
        while time.monotonic() < end:
            seen = self.status(session, op, version)
            if seen in terminal:
                return seen
            time.sleep(0.02)
        raise AssertionError(f"operation {op} still {seen} after {timeout}s (wanted {sorted(terminal)})")

    def fetch(self, session, op, token, row_format=None, version=None):
        uri = self.path(f"/sessions/{session}/operations/{op}/result/{token}", version)
        if row_format is not None:
            uri += "?rowFormat=" + urllib.parse.quote(row_format)
        return self.get(uri)

    def fetch_uri(self, uri):
        r = self.get(uri)
        assert r.status == 200, (uri, r)
        return r.body

    def fetch_all(self, session, op, row_format=None, version=None, timeout=60.0, start_token=0):
        """Fetches from start_token following nextResultUri until EOS; polls through NOT_READY
        and empty pages of a still running query. Returns a FetchResult."""
        uri = self.path(f"/sessions/{session}/operations/{op}/result/{start_token}", version)
        if row_format is not None:
            uri += "?rowFormat=" + urllib.parse.quote(row_format)
        end = deadline_after(timeout)
        pages = []
        while True:
            assert time.monotonic() < end, f"no EOS after {timeout}s; last page {pages[-1] if pages else None}"
            page = self.fetch_uri(uri)
            pages.append(page)
            if page["resultType"] == "EOS":
                assert "nextResultUri" not in page, page
                return FetchResult(pages)
            assert "nextResultUri" in page, page
            if page["resultType"] == "NOT_READY" or not page["results"]["data"]:
                time.sleep(0.01)  # nothing new yet: poll again
            uri = page["nextResultUri"]

    def run(self, session, sql, row_format=None, version=None, timeout=60.0):
        """Executes sql, waits for a terminal status, and fetches everything. Asserts FINISHED."""
        op = self.execute(session, sql, version=version)
        st = self.wait_status(session, op, timeout=timeout, version=version)
        if st != "FINISHED":
            r = self.fetch(session, op, 0, version=version)
            raise AssertionError(f"{sql!r} ended {st}: {r}")
        return self.fetch_all(session, op, row_format=row_format, version=version, timeout=timeout)

    def query(self, session, sql, **kw):
        return self.run(session, sql, **kw).rows


class Gateway:
    """One sql-gateway process with its own config dir; stderr goes to a log file."""

    def __init__(self, options=None, workdir=None):
        self.owns_workdir = workdir is None
        self.workdir = workdir or tempfile.mkdtemp(prefix="gw-e2e-")
        self.options = dict(options or {})
        self.proc = None
        self.port = None
        self.client = None
        self.log_path = None
        self._log = None
        self._starts = 0

    def start(self):
        self._starts += 1
        conf_dir = os.path.join(self.workdir, f"conf{self._starts}")
        os.makedirs(conf_dir)
        with open(os.path.join(conf_dir, "flink-conf.yaml"), "w") as f:
            f.write("# generated by tests/e2e/conftest.py\n")
            for k, v in BASE_OPTIONS.items():
                f.write(f"{k}: {v}\n")
        self.log_path = os.path.join(self.workdir, f"gateway{self._starts}.log")
        self._log = open(self.log_path, "wb")
        env = dict(os.environ, FLINK_CONF_DIR=conf_dir, TZ="UTC")
        args = [GW_BINARY] + [f"-D{k}={v}" for k, v in self.options.items()]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=subprocess.STDOUT, env=env, cwd=self.workdir)
        end = deadline_after(START_TIMEOUT)
        while True:
            m = LISTENING_RE.search(self.log_text())
            if m:
                self.port = int(m.group(1))
                break
            if self.proc.poll() is not None:
                raise AssertionError(f"gateway exited with {self.proc.returncode} before listening:\n"
                                     f"{self.log_text()[-4000:]}")
            if time.monotonic() > end:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"gateway not listening after {START_TIMEOUT}s:\n{self.log_text()[-4000:]}")
            time.sleep(0.02)
        self.client = Client("127.0.0.1", self.port)
        return self

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout=STOP_TIMEOUT):
        """Sends sig and waits; returns the exit code (kills and fails on timeout)."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"gateway did not exit {timeout}s after signal {sig}:\n"
                                 f"{self.log_text()[-4000:]}")
        finally:
            self._log.close()
        return code

    def stop_clean(self):
        """SIGTERM and assert a clean exit 0."""
        code = self.stop()
        assert code == 0, f"gateway exit code {code} after SIGTERM:\n{self.log_text()[-4000:]}"

    def kill9(self):
        self.proc.kill()
        self.proc.wait()
        self._log.close()

    def cleanup(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self._log is not None and not self._log.closed:
            self._log.close()
        if self.owns_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def gateway():
    """A gateway with default options shared by the tests of one module; must exit 0 on SIGTERM."""
    gw = Gateway().start()
    try:
        yield gw
        gw.stop_clean()
    finally:
        gw.cleanup()


@pytest.fixture(scope="module")
def client(gateway):
    return gateway.client


@pytest.fixture
def session(client):
    """A fresh session (closed afterwards if still open) on the module's gateway."""
    handle = client.open_session()
    yield handle
    client.delete(f"/v4/sessions/{handle}")


@pytest.fixture
def gateway_factory():
    """Starts gateways with extra -D options: gateway_factory({"key": "value"}, workdir=None).
    Every gateway still running at teardown is SIGTERM'd and must exit 0."""
    started = []

    def start(options=None, workdir=None):
        gw = Gateway(options, workdir).start()
        started.append(gw)
        return gw

    try:
        yield start
        for gw in started:
            if gw.proc.poll() is None:
                gw.stop_clean()
    finally:
        for gw in started:
            gw.cleanup()


@pytest.fixture
def own_client(gateway_factory):
    """A client of a gateway of the test's own: for tests whose failure could leave a statement
    running and so disturb the other tests of the module."""
    return gateway_factory().client


@pytest.fixture
def own_session(own_client):
    return own_client.open_session()
