"""sql-client -f against golden files: tests/e2e/client/NAME.sql run in embedded mode and in gateway
mode (a gateway of the test's own) must print exactly NAME.out (Job IDs normalised), and every
table in it must follow Flink's TableauStyle rules. The SET listing names every key of the
session, and those differ between the modes, so it is checked row by row instead.

To regenerate after a deliberate change of the output: GW_UPDATE_GOLDEN=1 (then read the diff)."""

import os

import pytest

from client_support import (ClientEnv, NO_TIME_COST, endpoint_args, normalise, parse_tableau,
                            run_client, run_script, tableau_problems)

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "client")
NAMES = sorted(n[:-len(".sql")] for n in os.listdir(GOLDEN_DIR) if n.endswith(".sql"))
EXIT_CODES = {"errors": 1}  # every other script must end with 0


@pytest.fixture(params=["embedded", "gateway"])
def mode_args(request, gateway_factory):
    if request.param == "embedded":
        return endpoint_args("embedded")
    return endpoint_args("gateway", gateway_factory())


@pytest.fixture
def env(tmp_path):
    return ClientEnv(tmp_path)


@pytest.mark.parametrize("name", NAMES)
def test_golden(name, mode_args, env):
    script = os.path.join(GOLDEN_DIR, name + ".sql")
    code, out, err = run_client(env, mode_args + [NO_TIME_COST, "-f", script])
    out = normalise(out)
    golden = os.path.join(GOLDEN_DIR, name + ".out")
    if os.environ.get("GW_UPDATE_GOLDEN"):
        with open(golden, "w", encoding="utf-8") as f:
            f.write(out)
        pytest.skip(f"wrote {golden}")
    with open(golden, encoding="utf-8") as f:
        expected = f.read()
    assert (code, err) == (EXIT_CODES.get(name, 0), ""), (code, err, out)
    assert out == expected
    assert tableau_problems(out) == []


def read_golden(name):
    with open(os.path.join(GOLDEN_DIR, name + ".out"), encoding="utf-8") as f:
        return f.read()


def test_golden_files_follow_flink_layout():
    """The frozen files themselves: each table laid out by TableauStyle's rules, and the failing
    and quitting scripts stopped where they should (guards against freezing a wrong output)."""
    for name in NAMES:
        out = read_golden(name)
        assert tableau_problems(out) == [], name
        assert out.startswith("[INFO] Executing SQL from file.\n"), name
        assert out.endswith("\nShutting down the session...\ndone.\n"), name
    errors = read_golden("errors")
    assert "[ERROR] Could not execute SQL statement. Reason:\nEncountered \"SELEC\" at line 1, column 1." in errors
    assert "'after'" not in errors and "never_created" not in errors
    quit_out = read_golden("quit")
    assert "[INFO] Exiting Flink SQL CLI Client..." in quit_out and "'never'" not in quit_out


def test_set_lists_the_session_keys(mode_args, env):
    """SET; lists key and value of every session option: a key appears after SET, disappears
    after RESET, and the -D option of the command line is there all along."""
    code, out, err = run_script(env, mode_args, """
SET 'sql-client.execution.result-mode' = 'tableau';
SET 'golden.key' = 'golden value';
SET;
RESET 'golden.key';
SET;
""", NO_TIME_COST, "-Dgolden.define=from the command line")
    assert (code, err) == (0, ""), (code, err, out)
    assert tableau_problems(out) == []
    first, second = out.split("Flink SQL> SET;\n")[1:]
    listed = dict(parse_tableau(first, ["key", "value"]))
    assert listed["golden.key"] == "golden value"
    assert listed["golden.define"] == "from the command line"
    assert listed["sql-client.execution.result-mode"] == "tableau"
    after_reset = dict(parse_tableau(second, ["key", "value"]))
    assert "golden.key" not in after_reset
    assert after_reset["golden.define"] == "from the command line"
    assert after_reset.keys() == listed.keys() - {"golden.key"}
