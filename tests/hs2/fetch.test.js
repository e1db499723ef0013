// FetchResults: a 1,000,000-row result counted exactly, nulls bitmaps across byte and batch
// boundaries, FETCH_FIRST restarting from the first row, maxRows, and empty results.
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { T, V, query, fetchAll, waitForState, decodeBatch, describeStatus, statusName } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

/** Executes sql and waits until FINISHED; returns the hive-driver operation. */
async function finished(conn, session, sql, runAsync = true) {
  const op = await conn.call('ExecuteStatement', () => session.executeStatement(sql, { runAsync }));
  const st = await waitForState(conn, op, [T.TOperationState.FINISHED_STATE, T.TOperationState.ERROR_STATE]);
  assert.equal(st.operationState, T.TOperationState.FINISHED_STATE, describeStatus(st));
  return op;
}

/** One raw FetchResults call; returns {resp, rows (decoded)}. */
async function rawFetch(conn, op, orientation, maxRows, nColumns) {
  const resp = await conn.call('FetchResults', () => conn.driver.fetchResults({
    operationHandle: op.operationHandle, orientation, maxRows, fetchType: 0,
  }));
  assert.equal(resp.status.statusCode, T.TStatusCode.SUCCESS_STATUS,
    `FetchResults: ${statusName(resp.status.statusCode)} ${resp.status.errorMessage}`);
  assert.ok(resp.results, 'FetchResults without results');
  return { resp, rows: decodeBatch(resp.results, nColumns).rows };
}

gatewaySuite('hs2 fetch', {}, (ctx) => {
  it('1,000,000 rows arrive exactly once and in order', { timeout: 180000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const started = Date.now();
    const op = await finished(conn, session, 'SELECT range AS i FROM range(1000000)');
    let count = 0n;
    let sum = 0n;
    let first = null;
    let last = null;
    let outOfOrder = null;
    const got = await fetchAll(conn, op, {
      maxRows: 10000,
      keep: false,
      ms: 150000,
      onBatch: ({ rows, arms }) => {
        if (rows.length) assert.deepEqual(arms, ['i64Val']);
        for (const [v] of rows) {
          if (first === null) first = v;
          if (outOfOrder === null && v !== count) outOfOrder = `row ${count} is ${v}`;
          last = v;
          sum += v;
          count += 1n;
        }
      },
    });
    const secs = (Date.now() - started) / 1000;
    t.diagnostic(`${count} rows in ${got.batches} batches, ${secs.toFixed(2)} s (${Math.round(Number(count) / secs)} rows/s)`);
    assert.equal(count, 1000000n, 'row count');
    assert.equal(first, 0n, 'first value');
    assert.equal(last, 999999n, 'last value');
    assert.equal(sum, 499999500000n, 'sum of values (no row twice, none missing)');
    assert.equal(outOfOrder, null, 'rows out of order');
    assert.deepEqual(got.schema.columns.map((c) => c.columnName), ['i']);
    await conn.call('CloseOperation', () => op.close());
  });

  for (const maxRows of [1000, 7]) {
    it(`NULLs across nulls-bitmap bytes and batches (maxRows ${maxRows})`, { timeout: 60000 }, async () => {
      const conn = await ctx.connect('nosasl');
      const session = await conn.session(V.V10);
      const sql = `SELECT i::INTEGER AS i,
          CASE WHEN i % 3 = 0 THEN NULL ELSE i::BIGINT END AS v,
          CASE WHEN i % 5 = 0 THEN NULL ELSE 's' || i END AS s,
          CASE WHEN i % 2 = 0 THEN NULL ELSE i % 4 = 1 END AS b,
          CASE WHEN i = 19 THEN NULL ELSE i::DOUBLE / 2 END AS d
        FROM range(20) t(i) ORDER BY i`;
      const r = await query(conn, session, sql, { maxRows });
      const expected = [];
      for (let i = 0; i < 20; i++) {
        expected.push({
          i,
          v: i % 3 === 0 ? null : i,
          s: i % 5 === 0 ? null : `s${i}`,
          b: i % 2 === 0 ? null : i % 4 === 1,
          d: i === 19 ? null : i / 2,
        });
      }
      assert.deepEqual(r.rows, expected);
      if (maxRows === 7) assert.ok(r.batches >= 3, `20 rows with maxRows 7 came in ${r.batches} batches`);
    });
  }

  it('FETCH_FIRST restarts from the first row; maxRows is honoured; an empty batch ends', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const op = await finished(conn, session, 'SELECT range::INTEGER AS i FROM range(10)');
    const O = T.TFetchOrientation;
    const vals = (rows) => rows.map((r) => r[0]);
    const meta = await conn.call('GetResultSetMetadata', () => conn.driver.getResultSetMetadata({ operationHandle: op.operationHandle }));
    assert.equal(meta.status.statusCode, T.TStatusCode.SUCCESS_STATUS);

    const a = await rawFetch(conn, op, O.FETCH_NEXT, 3, 1);
    assert.deepEqual(vals(a.rows), [0, 1, 2]);
    const b = await rawFetch(conn, op, O.FETCH_NEXT, 3, 1);
    assert.deepEqual(vals(b.rows), [3, 4, 5]);
    const c = await rawFetch(conn, op, O.FETCH_FIRST, 3, 1);
    assert.deepEqual(vals(c.rows), [0, 1, 2], 'FETCH_FIRST must restart from the first row');
    const d = await rawFetch(conn, op, O.FETCH_NEXT, 100, 1);
    assert.deepEqual(vals(d.rows), [3, 4, 5, 6, 7, 8, 9]);
    const e = await rawFetch(conn, op, O.FETCH_NEXT, 100, 1);
    assert.deepEqual(vals(e.rows), [], 'after the last row: an empty batch');
    t.diagnostic(`startRowOffset: ${[a, b, c, d, e].map((x) => String(x.resp.results.startRowOffset)).join(', ')}; `
      + `hasMoreRows: ${[a, b, c, d, e].map((x) => x.resp.hasMoreRows).join(', ')}`);
    // FETCH_FIRST again after the end: the whole result once more.
    const f = await rawFetch(conn, op, O.FETCH_FIRST, 100, 1);
    assert.deepEqual(vals(f.rows), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await conn.call('CloseOperation', () => op.close());
  });

  it('a fetch of a 0-row result carries every column, empty', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    const r = await query(conn, session, "SELECT 1 AS a, 'x' AS b, 2.5::DOUBLE AS c WHERE false");
    assert.deepEqual(r.columns.map((c) => c.name), ['a', 'b', 'c']);
    assert.deepEqual(r.raw, []);
    assert.deepEqual(r.rows, []);
  });

  it('a result the hive-driver default batch size (100) pages through: 2,345 rows', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('http');
    const session = await conn.session(V.V10);
    const r = await query(conn, session, "SELECT range::INTEGER AS i, 'r' || range AS s FROM range(2345)", { maxRows: 100 });
    assert.equal(r.rows.length, 2345);
    assert.deepEqual(r.rows[0], { i: 0, s: 'r0' });
    assert.deepEqual(r.rows[2344], { i: 2344, s: 'r2344' });
    assert.ok(r.batches >= 24, `2345 rows with maxRows 100 came in ${r.batches} batches`);
  });
});
