// The golden .q scripts of tests/e2e/golden/ through hive-driver: one test per file, each on a
// gateway of its own with a fresh data directory; the file as it reads with what HiveServer2
// answered must equal the file (rendering rules for HS2 in tests/e2e/golden_format.py). The
// steps not run over HS2 show as skipped subtests of their file.
'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');

const { GoldenRun, goldenNames } = require('./lib/golden');

describe('hs2 golden .q scripts', () => {
  for (const name of goldenNames()) {
    it(`${name}.q`, { timeout: 120000 }, async (t) => {
      const run = new GoldenRun(name);
      try {
        const { expected, actual, diff, skipped } = await run.runFile();
        // Steps not run over HS2 (!rest-only, unknown job ids): reported as skipped, not passed.
        for (const s of skipped) await t.test(`line ${s.line}: ${s.text}`, { skip: s.reason }, () => {});
        if (actual !== expected) assert.fail(`${name}.q over HiveServer2 differs from the golden file:\n${diff}`);
      } finally {
        await run.cleanup();
      }
    });
  }
});
