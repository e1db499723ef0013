// Asynchronous execution: runAsync returns before the query ends, GetOperationStatus reports it
// running (with progress at V10), CancelOperation ends it in CANCELED_STATE, queryTimeout in
// TIMEDOUT_STATE, and the session runs the next statement normally.
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { T, V, query, waitForState, describeStatus, stateName, withDeadline } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

const LONG_QUERY = 'SELECT count(*) FROM range(100000000000)';
const S = T.TOperationState;
const NOT_STARTED_OR_RUNNING = [S.INITIALIZED_STATE, S.PENDING_STATE, S.RUNNING_STATE];

gatewaySuite('hs2 async', {}, (ctx) => {
  it('runAsync + status polling + cancel of a long query → CANCELED_STATE; the session goes on', { timeout: 90000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const t0 = Date.now();
    const op = await conn.call('ExecuteStatement runAsync', () => session.executeStatement(LONG_QUERY, { runAsync: true }), 10000);
    t.diagnostic(`ExecuteStatement(runAsync) answered in ${Date.now() - t0} ms`);
    assert.equal(op.operationHandle.operationType, T.TOperationType.EXECUTE_STATEMENT);

    const running = await waitForState(conn, op, [S.RUNNING_STATE, S.FINISHED_STATE, S.ERROR_STATE, S.CANCELED_STATE], 20000);
    assert.equal(running.operationState, S.RUNNING_STATE, `expected RUNNING: ${describeStatus(running)}`);

    // V10 clients may ask for progress; the endpoint answers from DuckDB's query progress.
    const withProgress = await conn.call('GetOperationStatus(progress)', () => op.status(true));
    assert.ok(NOT_STARTED_OR_RUNNING.includes(withProgress.operationState), describeStatus(withProgress));
    const p = withProgress.progressUpdateResponse;
    t.diagnostic(`progress: ${p ? JSON.stringify({ pct: p.progressedPercentage, status: p.status, header: p.headerNames, footer: p.footerSummary }) : 'none'}`);
    assert.ok(p, 'no progressUpdateResponse for getProgressUpdate=true at V10');
    assert.equal(typeof p.progressedPercentage, 'number');

    const tc = Date.now();
    const cancelled = await conn.call('CancelOperation', () => op.cancel(), 10000);
    assert.equal(cancelled.success(), true);
    const end = await waitForState(conn, op, [S.CANCELED_STATE, S.FINISHED_STATE, S.ERROR_STATE, S.CLOSED_STATE], 10000);
    t.diagnostic(`CANCELED_STATE ${Date.now() - tc} ms after CancelOperation`);
    assert.equal(end.operationState, S.CANCELED_STATE, describeStatus(end));

    const next = await query(conn, session, 'SELECT 42 AS answer');
    assert.deepEqual(next.rows, [{ answer: 42 }]);
    await conn.call('CloseOperation', () => op.close());
  });

  it('GetOperationStatus of a running query does not hang: each poll answers within the long-poll bound', { timeout: 90000 }, async (t) => {
    const conn = await ctx.connect('nosasl');
    const session = await conn.session(V.V10);
    const op = await conn.call('ExecuteStatement runAsync', () => session.executeStatement(LONG_QUERY, { runAsync: true }), 10000);
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t1 = Date.now();
      const st = await conn.call('GetOperationStatus', () => op.status(false), 15000);
      times.push(Date.now() - t1);
      assert.ok(NOT_STARTED_OR_RUNNING.includes(st.operationState), describeStatus(st));
    }
    t.diagnostic(`status poll durations (ms): ${times.join(', ')}`);
    await conn.call('CancelOperation', () => op.cancel(), 10000);
    const end = await waitForState(conn, op, [S.CANCELED_STATE, S.FINISHED_STATE, S.ERROR_STATE, S.CLOSED_STATE], 10000);
    assert.equal(end.operationState, S.CANCELED_STATE, describeStatus(end));
  });

  it('queryTimeout (1 s) on a long query → TIMEDOUT_STATE; the session goes on', { timeout: 90000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const t0 = Date.now();
    const op = await conn.call('ExecuteStatement queryTimeout', () => session.executeStatement(LONG_QUERY, { runAsync: true, queryTimeout: 1 }), 10000);
    const end = await waitForState(conn, op, [S.TIMEDOUT_STATE, S.CANCELED_STATE, S.FINISHED_STATE, S.ERROR_STATE, S.CLOSED_STATE], 30000);
    t.diagnostic(`ended ${stateName(end.operationState)} after ${Date.now() - t0} ms: ${describeStatus(end)}`);
    assert.equal(end.operationState, S.TIMEDOUT_STATE, describeStatus(end));
    const next = await query(conn, session, 'SELECT 43 AS answer');
    assert.deepEqual(next.rows, [{ answer: 43 }]);
  });

  it('closing a running operation stops it; the session goes on', { timeout: 90000 }, async () => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const op = await conn.call('ExecuteStatement runAsync', () => session.executeStatement(LONG_QUERY, { runAsync: true }), 10000);
    await waitForState(conn, op, [S.RUNNING_STATE], 20000);
    const closed = await conn.call('CloseOperation', () => op.close(), 10000);
    assert.equal(closed.success(), true);
    const next = await withDeadline(query(conn, session, 'SELECT 44 AS answer'), 20000, 'next query after CloseOperation');
    assert.deepEqual(next.rows, [{ answer: 44 }]);
  });

  it('a synchronous ExecuteStatement is FINISHED on the first status, with start/completion times', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const before = Date.now();
    const op = await conn.call('ExecuteStatement', () => session.executeStatement('SELECT 1 AS x', { runAsync: false }));
    const st = await conn.call('GetOperationStatus', () => op.status(false));
    assert.equal(st.operationState, S.FINISHED_STATE, describeStatus(st));
    assert.equal(st.hasResultSet, true, 'hasResultSet');
    const started = Number(st.operationStarted);
    const completed = Number(st.operationCompleted);
    assert.ok(started >= before - 60000 && started <= Date.now() + 60000, `operationStarted ${st.operationStarted} is not epoch ms`);
    assert.ok(completed >= started, `operationCompleted ${st.operationCompleted} < operationStarted ${st.operationStarted}`);
    await conn.call('CloseOperation', () => op.close());
  });
});
