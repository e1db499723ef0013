// GetInfo (names, version, keywords, limits, an unknown type), operation logs (FetchResults
// fetchType=1), GetQueryId and SetClientInfo.
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { T, V, query, waitForState, decodeBatch, describeStatus, assertErrorStatus, toBigInt } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

const I = T.TGetInfoType;
const S = T.TOperationState;

/** The value of whichever TGetInfoValue arm is set (exactly one must be). */
function infoArm(v) {
  const arms = ['stringValue', 'smallIntValue', 'integerBitmask', 'integerFlag', 'binaryValue', 'lenValue']
    .filter((a) => v && v[a] !== null && v[a] !== undefined);
  assert.equal(arms.length, 1, `TGetInfoValue must carry exactly one arm: ${JSON.stringify(v)}`);
  const value = v[arms[0]];
  return { arm: arms[0], value: arms[0] === 'lenValue' ? Number(toBigInt(value)) : value };
}

async function getInfo(conn, session, infoType) {
  return conn.call(`GetInfo ${infoType}`, () => conn.driver.getInfo({ sessionHandle: session.sessionHandle, infoType }));
}

/** FetchResults fetchType=1 (operation log); asserts SUCCESS and one string column; returns lines. */
async function fetchLog(conn, op, orientation, maxRows = 1000) {
  const resp = await conn.call('FetchResults(log)', () => conn.driver.fetchResults({
    operationHandle: op.operationHandle, orientation, maxRows, fetchType: 1,
  }));
  assert.equal(resp.status.statusCode, T.TStatusCode.SUCCESS_STATUS, `log fetch: ${JSON.stringify(resp.status)}`);
  assert.ok(resp.results, 'log fetch without results');
  assert.equal(resp.results.columns.length, 1, 'the log is one column');
  assert.ok(resp.results.columns[0].stringVal, 'the log column is a string column');
  return decodeBatch(resp.results, 1).rows.map((r) => r[0]);
}

gatewaySuite('hs2 info and logs', {}, (ctx) => {
  let conn;
  let session;

  it('GetInfo CLI_SERVER_NAME (13), CLI_DBMS_NAME (17), CLI_DBMS_VER (18) answer strings', { timeout: 60000 }, async (t) => {
    conn = await ctx.connect('sasl');
    session = await conn.session(V.V10);
    const out = {};
    for (const type of [I.CLI_SERVER_NAME, I.CLI_DBMS_NAME, I.CLI_DBMS_VER]) {
      const r = await getInfo(conn, session, type);
      assert.equal(r.status.statusCode, T.TStatusCode.SUCCESS_STATUS, `GetInfo ${type}: ${JSON.stringify(r.status)}`);
      const { arm, value } = infoArm(r.infoValue);
      assert.equal(arm, 'stringValue', `GetInfo ${type} arm`);
      assert.ok(value.length > 0, `GetInfo ${type} is empty`);
      out[type] = value;
    }
    t.diagnostic(JSON.stringify(out));
    // JDBC getDatabaseMajorVersion splits DBMS_VER on '.'/'-' and parses numbers.
    assert.match(out[I.CLI_DBMS_VER], /^\d+\.\d+/, 'CLI_DBMS_VER is a dotted numeric version');
    // The hive-driver API (InfoValue.getValue) sees the same.
    const v = await conn.call('GetInfo', () => session.getInfo(I.CLI_DBMS_NAME));
    assert.equal(v.getValue(), out[I.CLI_DBMS_NAME]);
  });

  it('GetInfo CLI_ODBC_KEYWORDS (10006) and name-length limits (30, 32, 35) answer values', { timeout: 60000 }, async (t) => {
    const kw = await getInfo(conn, session, I.CLI_ODBC_KEYWORDS);
    assert.equal(kw.status.statusCode, T.TStatusCode.SUCCESS_STATUS, JSON.stringify(kw.status));
    const k = infoArm(kw.infoValue);
    assert.equal(k.arm, 'stringValue');
    assert.ok(k.value.length > 0);
    t.diagnostic(`keywords: ${k.value.slice(0, 200)}`);
    for (const type of [I.CLI_MAX_COLUMN_NAME_LEN, I.CLI_MAX_SCHEMA_NAME_LEN, I.CLI_MAX_TABLE_NAME_LEN]) {
      const r = await getInfo(conn, session, type);
      assert.equal(r.status.statusCode, T.TStatusCode.SUCCESS_STATUS, `GetInfo ${type}: ${JSON.stringify(r.status)}`);
      const { arm, value } = infoArm(r.infoValue);
      t.diagnostic(`GetInfo ${type}: ${arm}=${value}`);
      assert.ok(typeof value === 'number' && value >= 0, `GetInfo ${type}: ${arm}=${value}`);
    }
  });

  it('GetInfo of an unknown type → error status, with an infoValue all the same', { timeout: 60000 }, async (t) => {
    const r = await getInfo(conn, session, 9999);
    t.diagnostic(JSON.stringify({ status: r.status, infoValue: r.infoValue }));
    assertErrorStatus(r.status, 'GetInfo 9999');
    assert.ok(r.infoValue, 'infoValue is required even on error');
    infoArm(r.infoValue);
    const after = await query(conn, session, 'SELECT 1 AS x');
    assert.deepEqual(after.rows, [{ x: 1 }]);
  });

  it('operation log (fetchType=1) of a finished query: lines, then SUCCESS with no more lines', { timeout: 60000 }, async (t) => {
    const op = await conn.call('ExecuteStatement', () => session.executeStatement('SELECT range AS i FROM range(10)', { runAsync: true }));
    const st = await waitForState(conn, op, [S.FINISHED_STATE, S.ERROR_STATE]);
    assert.equal(st.operationState, S.FINISHED_STATE, describeStatus(st));
    const lines = await fetchLog(conn, op, T.TFetchOrientation.FETCH_FIRST);
    t.diagnostic(`log: ${JSON.stringify(lines)}`);
    assert.ok(lines.length >= 1, 'a finished query has log lines');
    assert.ok(lines.every((l) => typeof l === 'string' && l.length > 0), 'log lines are non-empty strings');
    const more = await fetchLog(conn, op, T.TFetchOrientation.FETCH_NEXT);
    assert.deepEqual(more, [], 'after all lines were read, FETCH_NEXT returns none (SUCCESS)');
    // The log does not disturb the result: the rows are all still there.
    const rows = await conn.call('FetchResults', () => conn.driver.fetchResults({
      operationHandle: op.operationHandle, orientation: T.TFetchOrientation.FETCH_NEXT, maxRows: 100, fetchType: 0,
    }));
    assert.equal(rows.status.statusCode, T.TStatusCode.SUCCESS_STATUS);
    assert.equal(decodeBatch(rows.results, 1).rows.length, 10);
    await conn.call('CloseOperation', () => op.close());
  });

  it('operation log of a failed query mentions the failure', { timeout: 60000 }, async (t) => {
    const resp = await conn.call('ExecuteStatement', () => conn.driver.executeStatement({
      sessionHandle: session.sessionHandle, statement: "SELECT CASE WHEN range = 3 THEN error('boom') END AS v FROM range(10)", runAsync: true,
    }));
    if (resp.status.statusCode !== T.TStatusCode.SUCCESS_STATUS) {
      t.diagnostic(`failed at ExecuteStatement (no operation to read a log from): ${JSON.stringify(resp.status)}`);
      assertErrorStatus(resp.status, 'error()');
      return;
    }
    const op = session.createOperation(resp.operationHandle);
    const st = await waitForState(conn, op, [S.ERROR_STATE, S.FINISHED_STATE]);
    assert.equal(st.operationState, S.ERROR_STATE, describeStatus(st));
    const lines = await fetchLog(conn, op, T.TFetchOrientation.FETCH_FIRST);
    t.diagnostic(`log: ${JSON.stringify(lines)}`);
    assert.ok(lines.some((l) => /fail|error/i.test(l)), 'no failure line in the log');
  });

  it('operation log of a metadata operation: SUCCESS, lines or none', { timeout: 60000 }, async (t) => {
    const op = await conn.call('GetCatalogs', () => session.getCatalogs());
    const lines = await fetchLog(conn, op, T.TFetchOrientation.FETCH_FIRST);
    t.diagnostic(`log: ${JSON.stringify(lines)}`);
    await conn.call('CloseOperation', () => op.close());
  });

  it('GetQueryId of an operation answers a non-empty id; SetClientInfo → SUCCESS', { timeout: 60000 }, async (t) => {
    const op = await conn.call('ExecuteStatement', () => session.executeStatement('SELECT 1', { runAsync: false }));
    const id = await conn.call('GetQueryId', () => op.getQueryId());
    t.diagnostic(`queryId: ${id}`);
    assert.equal(typeof id, 'string');
    assert.ok(id.length > 0, 'empty queryId for a live operation');
    await conn.call('CloseOperation', () => op.close());
    const info = await conn.call('SetClientInfo', () => conn.driver.setClientInfo({
      sessionHandle: session.sessionHandle, configuration: { ApplicationName: 'hs2-e2e' },
    }));
    assert.equal(info.status.statusCode, T.TStatusCode.SUCCESS_STATUS, JSON.stringify(info.status));
  });
});
