// One describe() per test file around one gateway of its own: started before the tests, asked to
// exit with SIGTERM by a final test (exit code 0 expected), killed by after() if a test failed early.
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Gateway } = require('./gateway');
const { Connection } = require('./hs2');

/**
 * @param {string} title suite title (also names the gateway's log file under HS2_LOG_DIR)
 * @param {object} options extra flink-conf.yaml keys
 * @param {(ctx: {gw: Gateway, connect: Function}) => void} body declares the tests
 */
function gatewaySuite(title, options, body) {
  describe(title, () => {
    const gw = new Gateway(options, title.replace(/[^A-Za-z0-9]+/g, '-'));
    const connections = [];
    const ctx = {
      gw,
      /** A connection closed before the gateway is stopped. */
      async connect(mode = 'nosasl', auth = {}) {
        const c = await Connection.open(gw, mode, auth);
        connections.push(c);
        return c;
      },
    };
    before(() => gw.start(), { timeout: 30000 });
    after(() => gw.cleanup());

    body(ctx);

    it('the gateway exits with code 0 on SIGTERM', { timeout: 30000 }, async () => {
      for (const c of connections) c.close();
      assert.ok(gw.running(), `gateway died during the tests: ${JSON.stringify(gw.exit)}\n${gw.tail()}`);
      const exit = await gw.stop();
      assert.deepEqual(exit, { code: 0, signal: null }, `exit after SIGTERM:\n${gw.tail()}`);
    });
  });
}

module.exports = { gatewaySuite };
