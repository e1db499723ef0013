"""tools/sql-gateway.sh start/stop round trip, start-up errors, and the README option table."""
import json
import os
import re
import subprocess
import urllib.request

import pytest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(TOP, "tools", "sql-gateway.sh")
BINARY = os.environ.get("GW_BINARY", os.path.join(TOP, "build", "src", "gateway", "sql-gateway"))


def script_env(tmp_path):
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "flink-conf.yaml").write_text(
        "sql-gateway.endpoint.rest.address: 127.0.0.1\n"
        "sql-gateway.endpoint.rest.bind-port: 0\n")
    env = dict(os.environ, FLINK_CONF_DIR=str(conf), GW_BINARY=BINARY,
               GW_LOG_DIR=str(tmp_path / "log"), GW_PID_DIR=str(tmp_path / "run"))
    return env


def run(args, env, timeout=60):
    return subprocess.run([SCRIPT] + args, env=env, capture_output=True, text=True, timeout=timeout)


def test_start_stop_round_trip(tmp_path):
    env = script_env(tmp_path)
    started = run(["start", "-Dsql-gateway.session.max-num=7"], env)
    assert started.returncode == 0, started.stderr
    url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", started.stdout).group(1)
    pid = int((tmp_path / "run" / "sql-gateway.pid").read_text().split()[-1])
    with urllib.request.urlopen(url + "/v1/api_versions", timeout=10) as response:
        assert json.load(response) == {"versions": ["V1", "V2", "V3", "V4"]}
    stopped = run(["stop"], env)
    assert stopped.returncode == 0, stopped.stderr
    assert f"Stopped sql-gateway (pid {pid})" in stopped.stdout
    assert not os.path.exists(f"/proc/{pid}"), "stop must wait for the process to exit"
    again = run(["stop"], env)
    assert again.returncode == 0 and "No sql-gateway to stop" in again.stdout
    logs = list((tmp_path / "log").iterdir())
    assert any("sql-gateway stopped" in p.read_text() for p in logs)


def test_start_fails_on_bad_option(tmp_path):
    env = script_env(tmp_path)
    result = run(["start", "-Dsql-gateway.session.max-num=lots"], env)
    assert result.returncode == 1
    assert "sql-gateway.session.max-num" in result.stderr and "lots" in result.stderr


def test_unknown_endpoint_option_rejected(tmp_path):
    env = script_env(tmp_path)
    result = subprocess.run([BINARY, "-Dsql-gateway.endpoint.rest.bogus=1"], env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "sql-gateway.endpoint.rest.bogus" in result.stderr


def test_usage_errors(tmp_path):
    env = script_env(tmp_path)
    assert run(["frobnicate"], env).returncode == 2
    assert "Usage" in run(["--help"], env).stdout


def test_readme_option_table_is_current():
    table = subprocess.run([BINARY, "--help-options-markdown"], capture_output=True, text=True,
                           timeout=30, check=True).stdout
    readme = open(os.path.join(TOP, "README.md")).read()
    section = re.search(r"<!-- options:begin -->\n(.*?)<!-- options:end -->", readme, re.S).group(1)
    assert section.strip() == table.strip(), "run tools/gen-readme-options.sh"
