"""sql-client at the prompt, on a real pty driven by pexpect: multi-line input, Ctrl-C on a running
query and on a half-typed statement, history across restarts, the full-screen TABLE and CHANGELOG
views, HELP, tab completion through the gateway, EXIT and Ctrl-D."""

import re

import pytest

from client_support import (CONTINUATION, LONG_QUERY, NO_TIME_COST, PROMPT, TABLEAU, ClientEnv,
                            endpoint_args, normalise, parse_tableau, spawn_client, stop_child,
                            tableau_problems, wait_exit)


@pytest.fixture
def env(tmp_path):
    return ClientEnv(tmp_path)


@pytest.fixture
def spawn(env):
    """Starts a client on a pty and waits for its first prompt; kills leftovers at teardown."""
    children = []

    def start(args):
        child = spawn_client(env, args)
        children.append(child)
        child.expect_exact(PROMPT)
        return child

    yield start
    for child in children:
        stop_child(child)


@pytest.fixture(params=["embedded", "gateway"])
def mode_args(request, gateway_factory):
    if request.param == "embedded":
        return endpoint_args("embedded")
    return endpoint_args("gateway", gateway_factory())


def answer(child, sql, header):
    """Types a statement, waits for its table and the next prompt; returns the table's rows."""
    child.sendline(sql)
    child.expect_exact(PROMPT)
    text = normalise(child.before)
    assert tableau_problems(text) == [], text
    return parse_tableau(text, header)


def quit_client(child):
    child.sendline("EXIT;")
    child.expect_exact("[INFO] Exiting Flink SQL CLI Client...")
    return wait_exit(child)


def test_multi_line_statement(mode_args, spawn):
    child = spawn(mode_args + [TABLEAU, NO_TIME_COST])
    child.sendline("SELECT 1 AS a,")
    child.expect_exact("SELECT 1 AS a,\r\n" + CONTINUATION)  # the continuation prompt
    assert answer(child, "'x' AS b;", ["a", "b"]) == [["1", "x"]]
    assert quit_client(child) == 0


def test_ctrl_c_cancels_running_query(mode_args, spawn):
    child = spawn(mode_args + [TABLEAU, NO_TIME_COST])
    child.sendline(LONG_QUERY + ";")
    child.expect_exact("(Ctrl-C cancels)")  # the status line: the query is running
    child.sendintr()
    child.expect_exact("[INFO] Statement interrupted; its operation was closed.")
    child.expect_exact(PROMPT)
    # The engine is free again: had the query gone on, this would wait for minutes.
    assert answer(child, "SELECT 42 AS answer;", ["answer"]) == [["42"]]
    assert quit_client(child) == 0


def test_ctrl_c_at_prompt_discards_the_statement(spawn):
    child = spawn([TABLEAU, NO_TIME_COST])
    child.sendline("SELECT 'discarded' AS d,")
    child.expect_exact(CONTINUATION)
    child.send("'half typed")
    child.sendintr()
    child.expect_exact(PROMPT)
    # Were the typed lines kept, this would continue the open string literal and never run.
    assert answer(child, "SELECT 7 AS seven;", ["seven"]) == [["7"]]
    assert quit_client(child) == 0


def test_an_error_at_the_prompt_does_not_end_the_session(spawn):
    child = spawn([TABLEAU, NO_TIME_COST])
    child.sendline("SELEC 1;")
    child.expect_exact("[ERROR] Could not execute SQL statement. Reason:")
    child.expect_exact(PROMPT)
    assert 'Encountered "SELEC"' in child.before
    assert answer(child, "SELECT 'still here' AS s;", ["s"]) == [["still here"]]
    assert quit_client(child) == 0


def test_history_survives_a_restart(spawn, env):
    statement = "SELECT 'remember me' AS r;"
    first = spawn([TABLEAU, NO_TIME_COST])
    assert f"Command history file path: {env.history}" in first.before
    assert answer(first, statement, ["r"]) == [["remember me"]]
    first.sendcontrol("d")
    assert wait_exit(first) == 0
    with open(env.history, encoding="utf-8") as f:
        saved = f.read().replace("\\040", " ")  # libedit's history file escapes blanks
    assert statement in saved.splitlines()

    second = spawn([TABLEAU, NO_TIME_COST])
    second.send("\x1b[A")  # Up: the previous statement comes back on the line
    second.expect_exact(statement)
    second.send("\r")
    second.expect_exact(PROMPT)
    assert parse_tableau(normalise(second.before), ["r"]) == [["remember me"]]
    assert quit_client(second) == 0


def test_table_mode_opens_the_result_view(spawn):
    child = spawn([NO_TIME_COST])  # TABLE is the default result mode
    child.sendline("SELECT 'in the view' AS v;")
    child.expect_exact("SQL Query Result (Table)")
    child.expect_exact("in the view")  # after the title: the row, not the echo of the statement
    child.send("q")
    child.expect_exact("[INFO] Result retrieval cancelled.")
    child.expect_exact(PROMPT)
    assert quit_client(child) == 0


def test_changelog_mode_shows_the_row_kind(spawn):
    child = spawn([NO_TIME_COST, "-Dsql-client.execution.result-mode=changelog"])
    child.sendline("SELECT 'cv' AS col_c;")
    child.expect_exact("SQL Query Result (Changelog)")
    child.expect(re.compile(r"op +col_c"))
    child.expect(re.compile(r"\+I +cv"))
    child.send("q")
    child.expect_exact("[INFO] Result retrieval cancelled.")
    child.expect_exact(PROMPT)
    assert quit_client(child) == 0


def test_help_lists_the_commands(spawn):
    child = spawn([])
    child.sendline("HELP;")
    child.expect_exact("The following commands are available:")
    child.expect_exact(PROMPT)
    listed = {line.split("  ")[0] for line in child.before.splitlines() if "  " in line}
    assert {"HELP", "QUIT/EXIT", "CLEAR", "SET", "RESET", "SELECT", "INSERT INTO"} <= listed
    assert quit_client(child) == 0


def test_tab_completes_a_keyword(spawn):
    child = spawn([TABLEAU, NO_TIME_COST])
    child.send("SEL\t")
    child.expect_exact("ECT ")  # the gateway's complete-statement finished the word
    child.send("42 AS completed;\r")
    child.expect_exact(PROMPT)
    assert parse_tableau(normalise(child.before), ["completed"]) == [["42"]]
    assert quit_client(child) == 0


def test_exit_ends_with_status_0(spawn):
    child = spawn([])
    assert quit_client(child) == 0
    assert "Shutting down the session..." in child.transcript()


def test_ctrl_d_on_an_empty_prompt_ends_with_status_0(spawn):
    child = spawn([])
    child.sendcontrol("d")
    assert wait_exit(child) == 0
    assert "Shutting down the session..." in child.transcript()
