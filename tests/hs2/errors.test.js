// Errors a client must see as statuses, never as a dropped connection: bad SQL, runtime errors,
// closed or unknown operation and session handles, unsupported RPCs, an unknown method name.
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { it } = require('node:test');

const { T, V, query, waitForState, describeStatus, assertErrorStatus, expectStatusError, rawUnknownCall } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

const S = T.TOperationState;

/** The connection still serves the session: a trivial query answers. */
async function stillServes(conn, session, tag) {
  const r = await query(conn, session, `SELECT '${tag}' AS alive`);
  assert.deepEqual(r.rows, [{ alive: tag }]);
}

gatewaySuite('hs2 errors', {}, (ctx) => {
  it('bad SQL (sync) → ERROR_STATUS with errorMessage and sqlState', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const { session } = await conn.openSession(V.V10);
    const resp = await conn.call('ExecuteStatement', () => conn.driver.executeStatement({
      sessionHandle: session.sessionHandle, statement: 'SELEC 1', runAsync: false,
    }));
    t.diagnostic(JSON.stringify(resp.status));
    assertErrorStatus(resp.status, 'SELEC 1');
    assert.match(resp.status.sqlState || '', /^[0-9A-Z]{5}$/, `sqlState: ${JSON.stringify(resp.status)}`);
    await stillServes(conn, session, 'after-bad-sql');
  });

  it('bad SQL (runAsync) → an error status, or ERROR_STATE with errorMessage and sqlState', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('nosasl');
    const { session } = await conn.openSession(V.V10);
    const resp = await conn.call('ExecuteStatement', () => conn.driver.executeStatement({
      sessionHandle: session.sessionHandle, statement: 'SELECT * FROM no_such_table_hs2', runAsync: true,
    }));
    if (resp.status.statusCode === T.TStatusCode.ERROR_STATUS) {
      t.diagnostic(`at ExecuteStatement: ${JSON.stringify(resp.status)}`);
      assertErrorStatus(resp.status, 'async bad SQL');
      assert.match(resp.status.errorMessage, /no_such_table_hs2/);
      assert.match(resp.status.sqlState || '', /^[0-9A-Z]{5}$/, 'sqlState');
    } else {
      assert.equal(resp.status.statusCode, T.TStatusCode.SUCCESS_STATUS, JSON.stringify(resp.status));
      const op = session.createOperation(resp.operationHandle);
      const st = await waitForState(conn, op, [S.ERROR_STATE, S.FINISHED_STATE, S.CANCELED_STATE, S.CLOSED_STATE]);
      t.diagnostic(`at GetOperationStatus: ${describeStatus(st)}`);
      assert.equal(st.operationState, S.ERROR_STATE, describeStatus(st));
      assert.match(st.errorMessage || '', /no_such_table_hs2/, 'errorMessage');
      assert.match(st.sqlState || '', /^[0-9A-Z]{5}$/, 'sqlState');
    }
    await stillServes(conn, session, 'after-async-bad-sql');
  });

  it('an error in the middle of execution (error() at row 99,999) → an error status, not a hang', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    // The failure may surface at ExecuteStatement, as ERROR_STATE, or at a FetchResults of a
    // streamed result; any of them is fine, a hang or a dropped connection is not.
    const sql = "SELECT CASE WHEN range = 99999 THEN error('boom at the end') ELSE range END AS v FROM range(100000)";
    let where;
    try {
      await query(conn, session, sql, { maxRows: 10000 });
      where = 'no error at all';
    } catch (e) {
      where = e.message;
    }
    t.diagnostic(where);
    assert.match(where, /boom at the end/, 'the engine message reaches the client');
    await stillServes(conn, session, 'after-runtime-error');
  });

  it('a closed operation handle → error statuses (status, metadata, fetch, close), no crash', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const op = await conn.call('ExecuteStatement', () => session.executeStatement('SELECT 1 AS x', { runAsync: false }));
    await conn.call('CloseOperation', () => op.close());
    const h = { operationHandle: op.operationHandle };
    const st = await conn.call('GetOperationStatus', () => conn.driver.getOperationStatus(h));
    t.diagnostic(`status of closed op: ${describeStatus(st)}`);
    assertErrorStatus(st.status, 'GetOperationStatus of a closed operation');
    const md = await conn.call('GetResultSetMetadata', () => conn.driver.getResultSetMetadata(h));
    assertErrorStatus(md.status, 'GetResultSetMetadata of a closed operation');
    const fr = await conn.call('FetchResults', () => conn.driver.fetchResults({ ...h, orientation: T.TFetchOrientation.FETCH_NEXT, maxRows: 10 }));
    assertErrorStatus(fr.status, 'FetchResults of a closed operation');
    const cl = await conn.call('CloseOperation', () => conn.driver.closeOperation(h));
    assertErrorStatus(cl.status, 'CloseOperation twice');
    const ca = await conn.call('CancelOperation', () => conn.driver.cancelOperation(h));
    assertErrorStatus(ca.status, 'CancelOperation of a closed operation');
    await stillServes(conn, session, 'after-closed-op');
  });

  it('an operation handle the server never issued → error status', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('nosasl');
    const session = await conn.session(V.V10);
    const fake = new T.TOperationHandle({
      operationId: new T.THandleIdentifier({ guid: crypto.randomBytes(16), secret: crypto.randomBytes(16) }),
      operationType: T.TOperationType.EXECUTE_STATEMENT,
      hasResultSet: true,
    });
    const st = await conn.call('GetOperationStatus', () => conn.driver.getOperationStatus({ operationHandle: fake }));
    assertErrorStatus(st.status, 'GetOperationStatus of an unknown handle');
    const fr = await conn.call('FetchResults', () => conn.driver.fetchResults({ operationHandle: fake, orientation: T.TFetchOrientation.FETCH_NEXT, maxRows: 10 }));
    assertErrorStatus(fr.status, 'FetchResults of an unknown handle');
    await stillServes(conn, session, 'after-unknown-op');
  });

  it('a closed session → error statuses; its operations are closed with it; a new session works', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const { session } = await conn.openSession(V.V10);
    const op = await conn.call('ExecuteStatement', () => session.executeStatement('SELECT 1 AS x', { runAsync: false }));
    const closed = await conn.call('CloseSession', () => session.close());
    assert.equal(closed.success(), true);
    const sh = { sessionHandle: session.sessionHandle };

    const ex = await conn.call('ExecuteStatement', () => conn.driver.executeStatement({ ...sh, statement: 'SELECT 1' }));
    t.diagnostic(`ExecuteStatement on a closed session: ${JSON.stringify(ex.status)}`);
    assertErrorStatus(ex.status, 'ExecuteStatement on a closed session');
    const gi = await conn.call('GetInfo', () => conn.driver.getInfo({ ...sh, infoType: T.TGetInfoType.CLI_DBMS_NAME }));
    assertErrorStatus(gi.status, 'GetInfo on a closed session');
    assert.ok(gi.infoValue, 'GetInfo error reply without infoValue (required field)');
    const gc = await conn.call('GetCatalogs', () => conn.driver.getCatalogs(sh));
    assertErrorStatus(gc.status, 'GetCatalogs on a closed session');
    const cs = await conn.call('CloseSession', () => conn.driver.closeSession(sh));
    assertErrorStatus(cs.status, 'CloseSession twice');
    const st = await conn.call('GetOperationStatus', () => conn.driver.getOperationStatus({ operationHandle: op.operationHandle }));
    assertErrorStatus(st.status, 'GetOperationStatus of an operation of a closed session');

    const fresh = await conn.session(V.V10);
    await stillServes(conn, fresh, 'after-closed-session');
  });

  it('a session handle the server never issued → error status', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('http');
    const fake = new T.TSessionHandle({ sessionId: new T.THandleIdentifier({ guid: crypto.randomBytes(16), secret: crypto.randomBytes(16) }) });
    const ex = await conn.call('ExecuteStatement', () => conn.driver.executeStatement({ sessionHandle: fake, statement: 'SELECT 1' }));
    assertErrorStatus(ex.status, 'ExecuteStatement on an unknown session');
    await stillServes(conn, await conn.session(V.V10), 'after-unknown-session');
  });

  it('delegation-token RPCs → error status with a message', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    await expectStatusError(conn.call('GetDelegationToken', () => session.getDelegationToken('owner', 'renewer')), 'GetDelegationToken');
    await expectStatusError(conn.call('RenewDelegationToken', () => session.renewDelegationToken('token')), 'RenewDelegationToken');
    await expectStatusError(conn.call('CancelDelegationToken', () => session.cancelDelegationToken('token')), 'CancelDelegationToken');
    await stillServes(conn, session, 'after-delegation-tokens');
  });

  it('an unknown method (GetLog) → TApplicationException UNKNOWN_METHOD; the server answers afterwards', { timeout: 60000 }, async (t) => {
    const reply = await rawUnknownCall(ctx.gw.ports.binary, 'GetLog', 7, 10000);
    t.diagnostic(JSON.stringify(reply));
    assert.equal(reply.version >>> 16, 0x8001, 'strict binary reply header');
    assert.equal(reply.msgType, 3, 'message type EXCEPTION');
    assert.equal(reply.name, 'GetLog');
    assert.equal(reply.seqid, 7);
    assert.equal(reply.fields[2], 1, 'TApplicationException type UNKNOWN_METHOD');
    assert.equal(typeof reply.fields[1], 'string');
    const conn = await ctx.connect('nosasl');
    await stillServes(conn, await conn.session(V.V10), 'after-unknown-method');
  });
});
