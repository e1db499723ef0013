// hive-driver 1.0.0 as a test peer: connections over NOSASL / SASL PLAIN / HTTP with a deadline on
// every RPC (a node thrift client waits forever for an answer that never comes), plus helpers that
// run a statement to the end and decode the columnar rowsets both as hive-driver does and raw.
'use strict';

const assert = require('node:assert/strict');
const net = require('node:net');

const hive = require('hive-driver');
const HiveSession = require('hive-driver/dist/HiveSession').default;
const JsonResult = require('hive-driver/dist/result/JsonResult').default;

const { TCLIService, TCLIService_types: T } = hive.thrift;

const RPC_TIMEOUT_MS = 30000;   // one RPC, including a server-side long poll
const QUERY_TIMEOUT_MS = 60000; // a statement from execute to FINISHED

const V = {
  V1: T.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V1,
  V6: T.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V6,
  V8: T.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V8,
  V10: T.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10,
  V11: T.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V11,
};

const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const STATE_NAMES = invert(T.TOperationState);
const STATUS_NAMES = invert(T.TStatusCode);
const TYPE_NAMES = invert(T.TTypeId);
const ARMS = ['boolVal', 'byteVal', 'i16Val', 'i32Val', 'i64Val', 'doubleVal', 'stringVal', 'binaryVal'];

const stateName = (s) => (s === undefined || s === null ? String(s) : STATE_NAMES[s] || `state ${s}`);
const statusName = (s) => STATUS_NAMES[s] || `status ${s}`;

/** An i64 as hive-driver's thrift hands it over (node-int64, or a plain number) → BigInt, exact. */
function toBigInt(v) {
  if (v === null || v === undefined) return v;
  if (typeof v === 'number') return BigInt(v);
  if (typeof v.toOctetString === 'function') return BigInt.asIntN(64, BigInt('0x' + v.toOctetString()));
  throw new TypeError(`not an i64: ${v}`);
}

/** Rejects with a readable message when `promise` does not settle within ms. */
function withDeadline(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * hive-driver rejects with plain objects (StatusError {name: 'Status Error', message}); turn
 * them into Errors naming the RPC, keeping `name` and the server's message as `statusMessage`.
 */
function named(what, e) {
  if (e instanceof Error && e.message.startsWith(what)) return e;
  const err = new Error(`${what}: ${e && e.name ? e.name + ': ' : ''}${e && e.message !== undefined ? e.message : e}`);
  err.name = (e && e.name) || 'Error';
  err.statusMessage = e && e.message;
  if (e && e.code !== undefined) err.code = e.code;
  if (e && e.response) err.response = e.response;
  return err;
}

/** One client connection to the gateway's HiveServer2 endpoint. */
class Connection {
  constructor(mode) {
    this.mode = mode;
    this.client = null;
    this.driver = null;
    this.events = [];          // every 'error'/'close' the thrift connection emitted
    this.pending = new Set();  // rejecters of RPCs in flight, failed at once when the link breaks
    this.closing = false;
    this.dead = null;          // why the connection can no longer be used
  }

  /**
   * @param {import('./gateway').Gateway} gw
   * @param {'nosasl'|'sasl'|'http'} mode
   */
  static async open(gw, mode, { username = 'alice', password = 'secret' } = {}) {
    const conn = new Connection(mode);
    const client = new hive.HiveClient(TCLIService, T);
    // HiveClient re-emits connection errors; without a listener node would crash the test file.
    client.on('error', (e) => conn.broken('error', e));
    client.on('close', () => conn.broken('close', null));
    let connectionProvider;
    let auth;
    let options = {};
    let port = gw.ports.binary;
    if (mode === 'nosasl') {
      connectionProvider = new hive.connections.TcpConnection();
      auth = new hive.auth.NoSaslAuthentication();
    } else if (mode === 'sasl') {
      connectionProvider = new hive.connections.TcpConnection();
      auth = new hive.auth.PlainTcpAuthentication({ username, password });
    } else if (mode === 'http') {
      port = gw.ports.http;
      connectionProvider = new hive.connections.HttpConnection();
      auth = new hive.auth.PlainHttpAuthentication({ username, password });
      options = { path: '/cliservice' };
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
    conn.client = await withDeadline(
      client.connect({ host: '127.0.0.1', port, options }, connectionProvider, auth),
      RPC_TIMEOUT_MS, `connect (${mode})`);
    conn.driver = new hive.HiveDriver(T, conn.client.getClient());
    return conn;
  }

  broken(kind, err) {
    this.events.push({ kind, message: err ? String(err.message || err) : '' });
    if (this.closing) return;
    const why = `${this.mode} connection ${kind}${err ? ': ' + (err.message || err) : ''}`;
    // A TCP connection is gone for good; an HTTP error belongs to one request only.
    if (this.mode !== 'http') this.dead = why;
    for (const reject of [...this.pending]) reject(new Error(why));
  }

  /** Runs one client call with a deadline; fails at once if the connection breaks meanwhile. */
  call(what, fn, ms = RPC_TIMEOUT_MS) {
    if (this.dead) return Promise.reject(new Error(`${what}: ${this.dead} earlier`));
    return new Promise((resolve, reject) => {
      const fail = (e) => { done(); reject(new Error(`${what}: ${e.message}`)); };
      const timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
      const done = () => { clearTimeout(timer); this.pending.delete(fail); };
      this.pending.add(fail);
      Promise.resolve().then(fn).then(
        (v) => { done(); resolve(v); },
        (e) => { done(); reject(named(what, e)); });
    });
  }

  /** OpenSession with the raw response; returns {response, session}. Asserts SUCCESS. */
  async openSession(protocol = V.V10, configuration = undefined) {
    const request = { client_protocol: protocol };
    if (configuration) request.configuration = configuration;
    const response = await this.call('OpenSession', () => this.driver.openSession(request));
    assert.equal(response.status.statusCode, T.TStatusCode.SUCCESS_STATUS,
      `OpenSession: ${JSON.stringify(response.status)}`);
    assert.ok(response.sessionHandle, 'OpenSession: no sessionHandle');
    return { response, session: new HiveSession(this.driver, response.sessionHandle, T) };
  }

  /** A session at V10 (the version hive-driver's README uses). */
  async session(protocol = V.V10) {
    return (await this.openSession(protocol)).session;
  }

  close() {
    this.closing = true;
    if (this.client) this.client.close();
  }
}

/** Polls GetOperationStatus until the state is one of `states`; returns that response. */
async function waitForState(conn, op, states, ms = QUERY_TIMEOUT_MS) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    const left = end - Date.now();
    if (left <= 0) {
      throw new Error(`operation still ${stateName(last && last.operationState)} after ${ms} ms `
        + `(wanted ${states.map(stateName).join('/')}): ${describeStatus(last)}`);
    }
    last = await conn.call('GetOperationStatus', () => op.status(false), Math.min(left, RPC_TIMEOUT_MS));
    if (states.includes(last.operationState)) return last;
    if (last.operationState === undefined || last.operationState === null) {
      throw new Error(`GetOperationStatus without operationState: ${describeStatus(last)}`);
    }
    // The server long-polls while RUNNING; this pause only keeps a server that does not from
    // being hammered by a tight loop.
    await new Promise((r) => setTimeout(r, 10));
  }
}

function describeStatus(resp) {
  if (!resp) return 'no response';
  return JSON.stringify({
    status: resp.status && statusName(resp.status.statusCode),
    errorMessage: resp.status && resp.status.errorMessage,
    operationState: stateName(resp.operationState),
    sqlState: resp.sqlState,
    errorMessage2: resp.errorMessage,
  });
}

/** Column descriptors of a TTableSchema: name, type id/name, qualifiers, position. */
function describeColumns(schema) {
  return schema.columns.map((c) => {
    const entry = c.typeDesc.types[0];
    const prim = entry.primitiveEntry;
    const qualifiers = {};
    if (prim && prim.typeQualifiers && prim.typeQualifiers.qualifiers) {
      for (const [k, v] of Object.entries(prim.typeQualifiers.qualifiers)) {
        qualifiers[k] = v.i32Value !== null && v.i32Value !== undefined ? v.i32Value : v.stringValue;
      }
    }
    return {
      name: c.columnName,
      typeId: prim ? prim.type : null,
      typeName: prim ? TYPE_NAMES[prim.type] : `non-primitive entry ${JSON.stringify(entry)}`,
      primitive: Boolean(prim),
      qualifiers,
      position: c.position,
      nTypes: c.typeDesc.types.length,
    };
  });
}

/** The one arm a TColumn carries; asserts it is exactly one. */
function columnArm(col) {
  const set = ARMS.filter((a) => col[a] !== null && col[a] !== undefined);
  assert.equal(set.length, 1, `TColumn must carry exactly one arm, has [${set}]`);
  return { arm: set[0], values: col[set[0]].values, nulls: col[set[0]].nulls };
}

const isNullBit = (nulls, i) => Boolean(nulls && nulls.length > (i >> 3) && (nulls[i >> 3] & (1 << (i & 7))));

/**
 * Checks the invariants every columnar batch must keep and decodes it to raw row arrays
 * (null for a set null bit; i64 as BigInt; binary as Buffer). Returns {rows, arms}.
 */
function decodeBatch(rowSet, nColumns) {
  assert.ok(Array.isArray(rowSet.columns), `rowset without columns (row-based?): ${JSON.stringify(rowSet).slice(0, 300)}`);
  assert.equal(rowSet.columns.length, nColumns, 'every batch must carry every column');
  assert.ok(Array.isArray(rowSet.rows) && rowSet.rows.length === 0, 'columnar rowset must have an empty rows list');
  const cols = rowSet.columns.map(columnArm);
  const n = nColumns ? cols[0].values.length : 0;
  cols.forEach((c, i) => {
    assert.equal(c.values.length, n, `column ${i} has ${c.values.length} values, column 0 has ${n}`);
    assert.ok(Buffer.isBuffer(c.nulls), `column ${i}: nulls bitmap missing`);
  });
  const rows = [];
  for (let r = 0; r < n; r++) {
    rows.push(cols.map((c) => {
      if (isNullBit(c.nulls, r)) return null;
      const v = c.values[r];
      return c.arm === 'i64Val' ? toBigInt(v) : v;
    }));
  }
  return { rows, arms: cols.map((c) => c.arm) };
}

/**
 * Fetches an operation to the end through hive-driver's own path (GetResultSetMetadata,
 * FETCH_FIRST, then FETCH_NEXT while rows keep coming). `onBatch(decoded, rowSet)` sees each batch;
 * unless keep=false every rowset is kept for hive-driver's JsonResult.
 */
async function fetchAll(conn, op, { maxRows = 1000, keep = true, onBatch = null, ms = QUERY_TIMEOUT_MS } = {}) {
  op.setMaxRows(maxRows);
  const end = Date.now() + ms;
  const rowSets = [];
  const raw = [];
  let arms = null;
  let batches = 0;
  for (;;) {
    const left = end - Date.now();
    assert.ok(left > 0, `fetch not done after ${ms} ms (${batches} batches)`);
    await conn.call('FetchResults', () => op.fetch(), Math.min(left, RPC_TIMEOUT_MS));
    const data = op.getData();
    const rowSet = data[data.length - 1];
    assert.ok(rowSet, 'FetchResults without results');
    op.flush();
    batches++;
    const nCols = op.getSchema().columns.length;
    const decoded = decodeBatch(rowSet, nCols);
    if (decoded.rows.length) arms = arms || decoded.arms;
    if (onBatch) onBatch(decoded, rowSet);
    if (keep) {
      rowSets.push(rowSet);
      for (const r of decoded.rows) raw.push(r);
    }
    if (!op.hasMoreRows()) break;
  }
  return { schema: op.getSchema(), rowSets, raw, arms, batches };
}

/** hive-driver's own decoding (JsonResult: rows as objects keyed by column name). */
function jsonRows(schema, rowSets) {
  const result = new JsonResult(T);
  result.setOperation({ getSchema: () => schema, getData: () => rowSets });
  return result.getValue();
}

/**
 * Executes sql (sync unless runAsync), waits for FINISHED, fetches everything, closes the
 * operation. Returns {rows (hive-driver objects), raw (arrays), columns, arms, status, op}.
 */
async function query(conn, session, sql, { runAsync = false, maxRows = 1000, close = true } = {}) {
  const op = await conn.call(`ExecuteStatement ${sql.slice(0, 60)}`,
    () => session.executeStatement(sql, { runAsync }));
  const status = await waitForState(conn, op, [T.TOperationState.FINISHED_STATE,
    T.TOperationState.ERROR_STATE, T.TOperationState.CANCELED_STATE,
    T.TOperationState.CLOSED_STATE, T.TOperationState.TIMEDOUT_STATE]).catch((e) => {
    throw new Error(`${sql}: ${e.message}`);
  });
  assert.equal(status.operationState, T.TOperationState.FINISHED_STATE, `${sql}: ${describeStatus(status)}`);
  if (!op.hasResultSet) { // DDL/DML without a result set: nothing to fetch
    if (close) await conn.call('CloseOperation', () => op.close());
    return { op, status, columns: [], arms: null, raw: [], rows: [], batches: 0 };
  }
  const fetched = await fetchAll(conn, op, { maxRows });
  if (close) await conn.call('CloseOperation', () => op.close());
  return {
    op,
    status,
    columns: describeColumns(fetched.schema),
    arms: fetched.arms,
    raw: fetched.raw,
    rows: jsonRows(fetched.schema, fetched.rowSets),
    batches: fetched.batches,
  };
}

/** Runs a statement whose result does not matter (DDL, INSERT) and asserts it finished. */
async function exec(conn, session, sql) {
  return query(conn, session, sql);
}

/** Asserts that `promise` rejects with hive-driver's StatusError (ERROR or INVALID_HANDLE status). */
async function expectStatusError(promise, what) {
  let value;
  try {
    value = await promise;
  } catch (e) {
    assert.equal(e.name, 'Status Error', `${what}: expected an error status, got ${e.stack || e}`);
    const message = e.statusMessage !== undefined ? e.statusMessage : e.message;
    assert.ok(typeof message === 'string' && message.length > 0, `${what}: error status without errorMessage`);
    return e;
  }
  assert.fail(`${what}: expected an error status, got success ${JSON.stringify(value)}`);
}

/** Asserts a raw TStatus is an error with a message and a usable infoMessages (absent or non-empty). */
function assertErrorStatus(status, what) {
  assert.ok(status, `${what}: no status`);
  assert.ok([T.TStatusCode.ERROR_STATUS, T.TStatusCode.INVALID_HANDLE_STATUS].includes(status.statusCode),
    `${what}: expected ERROR/INVALID_HANDLE, got ${statusName(status.statusCode)} ${JSON.stringify(status)}`);
  assert.ok(typeof status.errorMessage === 'string' && status.errorMessage.length > 0,
    `${what}: errorMessage missing: ${JSON.stringify(status)}`);
  assert.match(status.sqlState || '', /^[0-9A-Z]{5}$/, `${what}: sqlState missing: ${JSON.stringify(status)}`);
  if (status.infoMessages !== null && status.infoMessages !== undefined) {
    // Hive JDBC crashes on an empty list (reference §2.2).
    assert.ok(status.infoMessages.length > 0, `${what}: infoMessages is an empty list`);
  }
}

/**
 * Sends one strict TBinaryProtocol CALL for a method the IDL does not have (NOSASL, no framing)
 * with an empty args struct and returns the parsed reply header + TApplicationException fields.
 */
function rawUnknownCall(port, method, seqid = 7, ms = RPC_TIMEOUT_MS) {
  const name = Buffer.from(method);
  const msg = Buffer.alloc(4 + 4 + name.length + 4 + 1);
  let o = msg.writeUInt32BE((0x80010000 | 1) >>> 0, 0);
  o = msg.writeInt32BE(name.length, o);
  o += name.copy(msg, o);
  o = msg.writeInt32BE(seqid, o);
  msg.writeUInt8(0, o); // args struct: STOP
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error(`${method}: no complete reply within ${ms} ms (got ${buf.toString('hex')})`)), ms);
    const finish = (err, value) => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err); else resolve(value);
    };
    sock.on('connect', () => sock.write(msg));
    sock.on('error', (e) => finish(new Error(`${method}: socket error ${e.message}`)));
    sock.on('close', () => finish(new Error(`${method}: connection closed after ${buf.length} bytes: ${buf.toString('hex')}`)));
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const parsed = parseReply(buf);
      if (parsed) finish(null, parsed);
    });
  });
}

/** Parses a reply header and a struct of string/i32 fields; null while incomplete. */
function parseReply(b) {
  try {
    let o = 0;
    const version = b.readUInt32BE(o); o += 4;
    const nameLen = b.readInt32BE(o); o += 4;
    if (b.length < o + nameLen) return null;
    const name = b.toString('utf8', o, o + nameLen); o += nameLen;
    const seqid = b.readInt32BE(o); o += 4;
    const fields = {};
    for (;;) {
      const type = b.readUInt8(o); o += 1;
      if (type === 0) break;
      const id = b.readInt16BE(o); o += 2;
      if (type === 11) {
        const len = b.readInt32BE(o); o += 4;
        if (b.length < o + len) return null;
        fields[id] = b.toString('utf8', o, o + len); o += len;
      } else if (type === 8) {
        fields[id] = b.readInt32BE(o); o += 4;
      } else {
        fields[id] = { unexpectedType: type };
        return { version, msgType: version & 0xff, name, seqid, fields, truncated: true };
      }
    }
    return { version, msgType: version & 0xff, name, seqid, fields };
  } catch (e) {
    if (e instanceof RangeError) return null; // incomplete
    throw e;
  }
}

module.exports = {
  T, V, RPC_TIMEOUT_MS, QUERY_TIMEOUT_MS,
  Connection, withDeadline, waitForState, fetchAll, query, exec, jsonRows,
  describeColumns, describeStatus, decodeBatch, columnArm, toBigInt, stateName, statusName,
  expectStatusError, assertErrorStatus, rawUnknownCall, TYPE_NAMES,
};
