// DML through HiveServer2: INSERT / UPDATE / DELETE report numModifiedRows in GetOperationStatus
// (JDBC's getUpdateCount), their effects are visible to the next statement, and a query reports
// no modified-row count.
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { T, V, query, waitForState, describeStatus, toBigInt } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

const S = T.TOperationState;

/** Runs a statement (runAsync as JDBC does), waits for FINISHED, returns the final status. */
async function dml(conn, session, sql, t) {
  const op = await conn.call('ExecuteStatement', () => session.executeStatement(sql, { runAsync: true }));
  const st = await waitForState(conn, op, [S.FINISHED_STATE, S.ERROR_STATE, S.CANCELED_STATE, S.CLOSED_STATE]);
  assert.equal(st.operationState, S.FINISHED_STATE, `${sql}: ${describeStatus(st)}`);
  const n = st.numModifiedRows === null || st.numModifiedRows === undefined ? null : toBigInt(st.numModifiedRows);
  t.diagnostic(`${sql.slice(0, 50)} → numModifiedRows=${n} hasResultSet=${st.hasResultSet} `
    + `handle.hasResultSet=${op.operationHandle.hasResultSet} handle.modifiedRowCount=${op.operationHandle.modifiedRowCount}`);
  await conn.call('CloseOperation', () => op.close());
  return { st, n };
}

gatewaySuite('hs2 dml', {}, (ctx) => {
  it('INSERT, UPDATE, DELETE report numModifiedRows; the next SELECT sees the effect', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    await dml(conn, session, 'CREATE TABLE hs2_dml (id INTEGER, s VARCHAR)', t);
    assert.equal((await dml(conn, session, "INSERT INTO hs2_dml VALUES (1, 'a'), (2, 'b'), (3, 'c')", t)).n, 3n, 'INSERT of 3 rows');
    assert.equal((await dml(conn, session, "UPDATE hs2_dml SET s = 'z' WHERE id >= 2", t)).n, 2n, 'UPDATE of 2 rows');
    assert.equal((await dml(conn, session, 'DELETE FROM hs2_dml WHERE id = 1', t)).n, 1n, 'DELETE of 1 row');
    assert.equal((await dml(conn, session, 'INSERT INTO hs2_dml SELECT range::INTEGER + 10, NULL FROM range(1000)', t)).n, 1000n, 'INSERT … SELECT of 1000 rows');
    const r = await query(conn, session, 'SELECT count(*) AS n, count(s) AS with_s, min(id) AS lo, max(id) AS hi FROM hs2_dml');
    assert.deepEqual(r.rows, [{ n: 1002, with_s: 2, lo: 2, hi: 1009 }]);
  });

  it('a SELECT reports no modified-row count (unset or -1)', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('nosasl');
    const session = await conn.session(V.V10);
    const { st, n } = await dml(conn, session, 'SELECT 1 AS x', t);
    assert.ok(n === null || n === -1n, `numModifiedRows ${n} for a query`);
    assert.equal(st.hasResultSet, true);
  });

  it('INSERT over HTTP at V8 (no numModifiedRows field in older clients) still inserts', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('http');
    const session = await conn.session(V.V8);
    await query(conn, session, 'CREATE TABLE hs2_dml_http (id INTEGER)');
    await query(conn, session, 'INSERT INTO hs2_dml_http VALUES (1), (2)');
    const r = await query(conn, session, 'SELECT sum(id) AS total FROM hs2_dml_http');
    assert.deepEqual(r.rows, [{ total: 3 }]);
  });
});
