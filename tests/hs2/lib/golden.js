// Runs a golden .q script (tests/e2e/golden/, format in tests/e2e/golden_format.py) through
// hive-driver: the steps come from `golden_format.py plan`, every statement runs in one HS2
// session in order, and `golden_format.py check --mode hs2` renders what was seen into the file
// text to compare. One renderer for REST and HS2, so both runs read the same expected blocks.
// Over HS2 an INSERT / CTAS / statement set ends with its job and returns no result set (HS2
// sessions run with table.dml-sync=true), so no job id is known: the statements and !wait-job
// steps that need one are skipped (reported as skipped, like !rest-only ones; rules in the
// golden_format.py docstring).
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Gateway } = require('./gateway');
const { T, V, Connection, waitForState, fetchAll, describeColumns, stateName } = require('./hs2');

const GOLDEN_DIR = path.resolve(__dirname, '../../e2e/golden');
const FORMAT_PY = path.resolve(__dirname, '../../e2e/golden_format.py');
const PYTHON = process.env.GW_PYTHON || '/usr/bin/python3';

const STATEMENT_TIMEOUT_MS = 20000; // one statement to a terminal state
const POLL_INTERVAL_MS = 50;        // between two DESCRIBE JOB polls of !wait-job
const S = T.TOperationState;
const TERMINAL = [S.FINISHED_STATE, S.ERROR_STATE, S.CANCELED_STATE, S.CLOSED_STATE, S.TIMEDOUT_STATE];
const HEX32 = /^[0-9a-f]{32}$/;
const QUERY = /^\s*(SELECT|WITH|VALUES)\b|^\s*\(/i;

/** The .q files, by name without the extension. */
function goldenNames() {
  return fs.readdirSync(GOLDEN_DIR).filter((n) => n.endsWith('.q')).map((n) => n.slice(0, -2)).sort();
}

function python(args, input) {
  return JSON.parse(execFileSync(PYTHON, [FORMAT_PY, ...args], { input, maxBuffer: 64 << 20 }).toString('utf8'));
}

/** Same configuration as the REST runner, plus the HS2 catalog/database set to where REST
 * sessions start (Flink's HS2 endpoint would start in its Hive catalog). */
function goldenOptions(dataDir) {
  return {
    'sql-gateway.engine.duckdb.path': path.join(dataDir, 'default_catalog.duckdb'),
    'sql-gateway.engine.duckdb.allowed-directories': dataDir,
    'sql-gateway.endpoint.hiveserver2.catalog.name': 'default_catalog',
    'sql-gateway.endpoint.hiveserver2.catalog.default-database': 'default_database',
  };
}

/** Values that JSON cannot carry as they are: i64 (BigInt) and binary (Buffer). */
function jsonable(v) {
  if (typeof v === 'bigint') return { i64: v.toString() };
  if (Buffer.isBuffer(v)) return { binary: v.toString('hex') };
  return v;
}

/** The job ids a statement's ${job_id} / ${job_id_N} name (null: a job of unknown id or none). */
function referencedJobIds(sql, jobIds) {
  return [...sql.matchAll(/\$\{job_id(?:_(\d+))?\}/g)].map(([, n]) => {
    const i = n === undefined ? jobIds.length : Number(n);
    return i > 0 && i <= jobIds.length ? jobIds[i - 1] : null;
  });
}

/** Substitutes ${data_dir}, ${job_id}, ${job_id_N} (as golden_format.substitute does). */
function substitute(sql, dataDir, jobIds) {
  return sql.split('${data_dir}').join(dataDir).replace(/\$\{job_id(?:_(\d+))?\}/g, (m, n) => {
    const i = n === undefined ? jobIds.length : Number(n);
    return i > 0 && i <= jobIds.length && jobIds[i - 1] ? jobIds[i - 1] : m;
  });
}

class GoldenRun {
  constructor(name) {
    this.name = name;
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-golden-'));
    fs.mkdirSync(path.join(this.dataDir, 'jars'));
    for (const jar of ['udf-a.jar', 'udf-b.jar']) fs.writeFileSync(path.join(this.dataDir, 'jars', jar), '');
    this.gateways = [];
    this.gw = null;
    this.conn = null;
    this.session = null;
    this.jobIds = [];   // per job submission of the file: its id, or null (HS2: none returned)
    this.skipped = [];  // {line, text, reason} of the steps not run over HS2
  }

  async start() {
    this.gw = new Gateway(goldenOptions(this.dataDir), `golden-${this.name}-${this.gateways.length + 1}`);
    this.gateways.push(this.gw);
    await this.gw.start();
    this.conn = await Connection.open(this.gw, 'sasl');
    this.session = await this.conn.session(V.V10);
  }

  /** SIGTERM (exit 0 expected), then a new gateway on the same data directory. */
  async stop() {
    if (this.conn) this.conn.close();
    this.conn = null;
    const exit = await this.gw.stop();
    assert.deepEqual(exit, { code: 0, signal: null }, `gateway exit after SIGTERM:\n${this.gw.tail()}`);
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  async cleanup() {
    for (const gw of this.gateways) {
      // A binary that could not be spawned (being rebuilt: EACCES) never emits 'exit', and
      // Gateway.cleanup() would wait for it forever.
      if (gw.proc && gw.proc.pid === undefined) {
        if (gw.workdir) fs.rmSync(gw.workdir, { recursive: true, force: true });
      } else {
        await gw.cleanup();
      }
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** One statement → the result object golden_format renders. */
  async execute(sql) {
    const { conn, session } = this;
    let op;
    try {
      op = await conn.call('ExecuteStatement', () => session.executeStatement(sql, { runAsync: true }));
    } catch (e) {
      if (e.name === 'Status Error') return { kind: 'error', text: String(e.statusMessage) };
      throw e;
    }
    let st;
    try {
      st = await waitForState(conn, op, TERMINAL, STATEMENT_TIMEOUT_MS);
    } catch (e) {
      await conn.call('CancelOperation', () => op.cancel()).catch(() => {});
      return { kind: 'status', stuck: true, status: `not finished: ${e.message}` };
    }
    if (st.operationState === S.ERROR_STATE) {
      await conn.call('CloseOperation', () => op.close()).catch(() => {});
      return { kind: 'error', text: String(st.errorMessage || (st.status && st.status.errorMessage) || '') };
    }
    if (st.operationState !== S.FINISHED_STATE) return { kind: 'status', status: stateName(st.operationState) };
    if (!op.hasResultSet) {
      await conn.call('CloseOperation', () => op.close());
      return { kind: 'no-result-set' };
    }
    let fetched;
    try {
      fetched = await fetchAll(conn, op);
    } catch (e) {
      if (e.name === 'Status Error') return { kind: 'error', text: String(e.statusMessage) };
      throw e;
    }
    await conn.call('CloseOperation', () => op.close());
    const columns = describeColumns(fetched.schema).map((c, i) => ({
      name: c.name, typeName: c.typeName, qualifiers: c.qualifiers, arm: fetched.arms ? fetched.arms[i] : null,
    }));
    const rows = fetched.raw.map((r) => r.map(jsonable));
    const names = columns.map((c) => c.name);
    if (!QUERY.test(sql) && names.length === 1 && names[0] === 'job id' && rows.length === 1
        && HEX32.test(String(rows[0][0])) && !this.jobIds.includes(rows[0][0])) {
      this.jobIds.push(rows[0][0]);
    }
    return { kind: 'result', columns, rows };
  }

  /** Waits until the gateway's output holds text. */
  async logContains(text, timeoutSeconds) {
    const end = Date.now() + timeoutSeconds * 1000;
    while (!this.gw.log.includes(text)) {
      if (Date.now() > end) {
        return { kind: 'log-contains', ok: false, detail: `not in the gateway log after ${timeoutSeconds} s` };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    return { kind: 'log-contains', ok: true, detail: 'found' };
  }

  /** Polls DESCRIBE JOB until the latest job has `status`, or the deadline passes. */
  async waitJob(status, timeoutSeconds) {
    if (!this.jobIds.length) return { kind: 'wait-job', ok: false, detail: 'no job submitted before' };
    const id = this.jobIds[this.jobIds.length - 1];
    const end = Date.now() + timeoutSeconds * 1000;
    let seen;
    for (;;) {
      const r = await this.execute(`DESCRIBE JOB '${id}'`);
      if (r.kind === 'result') {
        const i = r.columns.findIndex((c) => c.name === 'status');
        seen = i >= 0 && r.rows.length ? r.rows[0][i]
          : `columns ${JSON.stringify(r.columns.map((c) => c.name))}`;
      } else {
        seen = r.text || r.status || r.kind;
      }
      if (seen === status) return { kind: 'wait-job', ok: true, detail: seen };
      if (Date.now() > end || r.stuck) {
        return { kind: 'wait-job', ok: false, detail: `job ${id} is ${seen} after ${timeoutSeconds} s` };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  /** Runs every step of the file; returns {expected, actual} texts of the file. */
  async runFile() {
    const file = path.join(GOLDEN_DIR, `${this.name}.q`);
    const { steps } = python(['plan', file, '--mode', 'hs2']);
    const results = [];
    await this.start();
    let stuck = null; // line of the statement after which the session no longer answers
    for (const step of steps) {
      if (stuck !== null) {
        results.push({ kind: 'not-run', line: stuck });
      } else if (step.type === 'restart') {
        await this.restart();
        results.push({ kind: 'restart' });
      } else if (step.type === 'log-contains') {
        results.push(await this.logContains(step.text, step.timeout));
      } else if (step.type === 'wait-job') {
        const reason = step.hs2Skip
          || (this.jobIds.length && !this.jobIds[this.jobIds.length - 1]
            ? 'the latest job\'s id is unknown over HS2 (its INSERT returned no result set)' : null);
        if (reason) {
          this.skip(step, reason);
          results.push({ kind: 'skipped' });
        } else {
          results.push(await this.waitJob(step.status, step.timeout));
        }
      } else if (step.restOnly || step.hs2Skip) {
        this.skip(step, step.hs2Skip || '!rest-only');
        results.push({ kind: 'skipped' });
      } else if (referencedJobIds(step.sql, this.jobIds).includes(null)) {
        this.skip(step, 'uses a job id that is unknown over HS2 (INSERT / CTAS / statement set '
          + 'return no result set, table.dml-sync=true)');
        results.push({ kind: 'skipped' });
      } else {
        const result = await this.execute(substitute(step.sql, this.dataDir, this.jobIds));
        results.push(result);
        if (result.stuck) stuck = step.line;
        // A job submission without a result set (dml-sync): the job's id is not known.
        if (step.job && result.kind === 'no-result-set') this.jobIds.push(null);
      }
    }
    await this.stop();
    const checked = python(['check', file, '--mode', 'hs2'], JSON.stringify({ dataDir: this.dataDir, results }));
    return { ...checked, skipped: this.skipped };
  }

  skip(step, reason) {
    this.skipped.push({ line: step.line, text: step.text, reason });
  }
}

module.exports = { GoldenRun, goldenNames, GOLDEN_DIR };
