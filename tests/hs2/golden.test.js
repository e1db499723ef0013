// The golden .q scripts of tests/e2e/golden/ through hive-driver: one test per file, each on a
// gateway of its own with a fresh data directory; the file as it reads with what HiveServer2
// answered must equal the file (rendering rules for HS2 in tests/e2e/golden_format.py).
'use strict';

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');

const { GoldenRun, goldenNames } = require('./lib/golden');

describe('hs2 golden .q scripts', () => {
  for (const name of goldenNames()) {
    it(`${name}.q`, { timeout: 120000 }, async () => {
      const run = new GoldenRun(name);
      try {
        const { expected, actual, diff } = await run.runFile();
        if (actual !== expected) assert.fail(`${name}.q over HiveServer2 differs from the golden file:\n${diff}`);
      } finally {
        await run.cleanup();
      }
    });
  }
});
