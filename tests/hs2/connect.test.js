// Transports and version negotiation: NOSASL, SASL PLAIN and HTTP with hive-driver; OpenSession
// answers min(client, V11) with a session handle and a configuration map.
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { V, query } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

/** The OpenSession reply fields every client relies on (reference §2.1, §7.2). */
function assertOpenSessionReply(response, expectedVersion) {
  assert.equal(response.serverProtocolVersion, expectedVersion, 'serverProtocolVersion');
  const id = response.sessionHandle.sessionId;
  assert.ok(Buffer.isBuffer(id.guid) && id.guid.length === 16, `guid must be 16 bytes: ${id.guid && id.guid.toString('hex')}`);
  assert.ok(Buffer.isBuffer(id.secret) && id.secret.length === 16, `secret must be 16 bytes: ${id.secret && id.secret.toString('hex')}`);
  // Hive JDBC dereferences configuration without a null check.
  assert.ok(response.configuration && typeof response.configuration === 'object', 'configuration map missing');
  assert.match(String(response.configuration['hive.server2.thrift.resultset.default.fetch.size']), /^[1-9]\d*$/,
    `configuration: ${JSON.stringify(response.configuration)}`);
}

/** Opens a session at `protocol`, checks the reply, runs a query, closes the session. */
async function roundTrip(conn, protocol, expectedVersion) {
  const { response, session } = await conn.openSession(protocol);
  assertOpenSessionReply(response, expectedVersion);
  const r = await query(conn, session, "SELECT 1 AS one, 'two' AS two");
  assert.deepEqual(r.rows, [{ one: 1, two: 'two' }]);
  const closed = await conn.call('CloseSession', () => session.close());
  assert.equal(closed.success(), true);
}

gatewaySuite('hs2 connect (authentication NONE)', {}, (ctx) => {
  it('SASL PLAIN (PlainTcpAuthentication, any user/password), V10 → V10', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl', { username: 'alice', password: 'secret' });
    await roundTrip(conn, V.V10, V.V10);
  });

  it('SASL PLAIN negotiates V11 → V11 and V8 → V8 on one connection', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl', { username: 'bob', password: 'x' });
    await roundTrip(conn, V.V11, V.V11);
    await roundTrip(conn, V.V8, V.V8);
  });

  it('SASL PLAIN with an empty password is accepted (authentication NONE)', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl', { username: 'carol', password: '' });
    await roundTrip(conn, V.V10, V.V10);
  });

  it('HTTP (HttpConnection + PlainHttpAuthentication, /cliservice), V10, V11 and V8', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('http', { username: 'dave', password: 'pw' });
    await roundTrip(conn, V.V10, V.V10);
    await roundTrip(conn, V.V11, V.V11);
    await roundTrip(conn, V.V8, V.V8);
  });

  it('a client newer than V11 is answered V11 (never above the server, never above the client)', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl');
    const { response, session } = await conn.openSession(V.V11 + 1);
    assert.equal(response.serverProtocolVersion, V.V11);
    const r = await query(conn, session, 'SELECT 42 AS answer');
    assert.deepEqual(r.rows, [{ answer: 42 }]);
  });

  it('the binary port also serves a NOSASL client (first byte sniffing)', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('nosasl');
    await roundTrip(conn, V.V10, V.V10);
  });

  it('two sessions on one connection are independent: closing one leaves the other usable', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('sasl');
    const a = await conn.session(V.V10);
    const b = await conn.session(V.V10);
    assert.notDeepEqual(a.sessionHandle.sessionId.guid, b.sessionHandle.sessionId.guid, 'two sessions got one guid');
    await conn.call('CloseSession', () => a.close());
    const r = await query(conn, b, 'SELECT 7 AS seven');
    assert.deepEqual(r.rows, [{ seven: 7 }]);
    const onA = await conn.call('ExecuteStatement', () => a.executeStatement('SELECT 1'))
      .then(() => 'succeeded', (e) => e.name);
    assert.equal(onA, 'Status Error', 'a closed session still executes statements');
  });

  it('8 connections over the three transports work in parallel without cross-talk', { timeout: 120000 }, async () => {
    const modes = ['sasl', 'nosasl', 'http', 'sasl', 'nosasl', 'http', 'sasl', 'nosasl'];
    await Promise.all(modes.map(async (mode, k) => {
      const conn = await ctx.connect(mode, { username: `user${k}`, password: 'pw' });
      const session = await conn.session(V.V10);
      for (let i = 0; i < 10; i++) {
        const r = await query(conn, session, `SELECT ${k} AS k, ${i} AS i, 'c${k}q${i}' AS tag`);
        assert.deepEqual(r.rows, [{ k, i, tag: `c${k}q${i}` }], `${mode} connection ${k}, query ${i}`);
      }
      const big = await query(conn, session, `SELECT range::INTEGER + ${k} AS v FROM range(50000)`, { maxRows: 10000 });
      assert.equal(big.raw.length, 50000, `${mode} connection ${k}: 50000 rows`);
      assert.equal(big.raw[49999][0], 49999 + k);
      await conn.call('CloseSession', () => session.close());
    }));
  });
});

gatewaySuite('hs2 connect (authentication NOSASL)', { 'sql-gateway.endpoint.hiveserver2.authentication': 'NOSASL' }, (ctx) => {
  it('NOSASL (TcpConnection + NoSaslAuthentication), V10 → V10', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('nosasl');
    await roundTrip(conn, V.V10, V.V10);
  });

  it('NOSASL negotiates V11 → V11 and V8 → V8', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('nosasl');
    await roundTrip(conn, V.V11, V.V11);
    await roundTrip(conn, V.V8, V.V8);
  });

  it('HTTP still works when the binary port is NOSASL', { timeout: 60000 }, async () => {
    const conn = await ctx.connect('http');
    await roundTrip(conn, V.V10, V.V10);
  });
});
