// Every DuckDB type through FetchResults: one row of values and one row of NULLs, checked as
// hive-driver hands them to a user and raw (TTypeId, qualifiers, TColumn arm, text rendering).
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { T, V, query, exec, TYPE_NAMES } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

const Ty = T.TTypeId;

// Each column: DuckDB expression for the value row, its NULL, and what must come back.
// typeIds: the accepted TTypeIds (one where the reference fixes it; a few where Hive has no
// such type and the mapping is the endpoint's choice); arm: the TColumn arm Hive uses for it;
// raw: the exact raw value (string/number/boolean/BigInt/Buffer) or a predicate; driver: the
// value hive-driver's JsonResult must produce (omitted where it only re-renders raw).
const COLUMNS = [
  { name: 'c_boolean', value: 'true', nullSql: 'NULL::BOOLEAN',
    typeIds: [Ty.BOOLEAN_TYPE], arm: 'boolVal', raw: true, driver: true },
  { name: 'c_tinyint', value: 'CAST(-128 AS TINYINT)', nullSql: 'NULL::TINYINT',
    typeIds: [Ty.TINYINT_TYPE], arm: 'byteVal', raw: -128, driver: -128 },
  { name: 'c_smallint', value: 'CAST(-32768 AS SMALLINT)', nullSql: 'NULL::SMALLINT',
    typeIds: [Ty.SMALLINT_TYPE], arm: 'i16Val', raw: -32768, driver: -32768 },
  { name: 'c_integer', value: 'CAST(2147483647 AS INTEGER)', nullSql: 'NULL::INTEGER',
    typeIds: [Ty.INT_TYPE], arm: 'i32Val', raw: 2147483647, driver: 2147483647 },
  { name: 'c_bigint', value: 'CAST(9223372036854775807 AS BIGINT)', nullSql: 'NULL::BIGINT',
    typeIds: [Ty.BIGINT_TYPE], arm: 'i64Val', raw: 9223372036854775807n },
  { name: 'c_bigint_small', value: 'CAST(-9007199254740991 AS BIGINT)', nullSql: 'NULL::BIGINT',
    typeIds: [Ty.BIGINT_TYPE], arm: 'i64Val', raw: -9007199254740991n, driver: -9007199254740991 },
  { name: 'c_hugeint', value: "CAST('12345678901234567890123456789012345678' AS HUGEINT)", nullSql: 'NULL::HUGEINT',
    typeIds: [Ty.DECIMAL_TYPE, Ty.STRING_TYPE], arm: 'stringVal', raw: '12345678901234567890123456789012345678' },
  { name: 'c_float', value: 'CAST(1.5 AS FLOAT)', nullSql: 'NULL::FLOAT',
    typeIds: [Ty.FLOAT_TYPE], arm: 'doubleVal', raw: 1.5, driver: 1.5 },
  { name: 'c_double', value: 'CAST(-2.25 AS DOUBLE)', nullSql: 'NULL::DOUBLE',
    typeIds: [Ty.DOUBLE_TYPE], arm: 'doubleVal', raw: -2.25, driver: -2.25 },
  { name: 'c_decimal', value: "CAST('12345678.91' AS DECIMAL(10,2))", nullSql: 'NULL::DECIMAL(10,2)',
    typeIds: [Ty.DECIMAL_TYPE], qualifiers: { precision: 10, scale: 2 }, arm: 'stringVal',
    raw: '12345678.91', driver: 12345678.91 },
  { name: 'c_decimal_small', value: "CAST('-0.05' AS DECIMAL(10,2))", nullSql: 'NULL::DECIMAL(10,2)',
    typeIds: [Ty.DECIMAL_TYPE], qualifiers: { precision: 10, scale: 2 }, arm: 'stringVal',
    raw: '-0.05', driver: -0.05 },
  { name: 'c_varchar', value: `'héllo, "wörld" ✓'`, nullSql: 'NULL::VARCHAR',
    typeIds: [Ty.STRING_TYPE], arm: 'stringVal', raw: 'héllo, "wörld" ✓', driver: 'héllo, "wörld" ✓' },
  { name: 'c_blob', value: "'\\x00\\xFF\\x41'::BLOB", nullSql: 'NULL::BLOB',
    typeIds: [Ty.BINARY_TYPE], arm: 'binaryVal', raw: Buffer.from([0x00, 0xff, 0x41]),
    driver: Buffer.from([0x00, 0xff, 0x41]) },
  { name: 'c_date', value: "DATE '2024-02-29'", nullSql: 'NULL::DATE',
    typeIds: [Ty.DATE_TYPE], arm: 'stringVal', raw: '2024-02-29', driver: '2024-02-29' },
  { name: 'c_time', value: "TIME '13:45:30.123456'", nullSql: 'NULL::TIME',
    typeIds: [Ty.STRING_TYPE, Ty.VARCHAR_TYPE], arm: 'stringVal', raw: (s) => /^13:45:30(\.\d{1,9})?$/.test(s) },
  { name: 'c_timestamp', value: "TIMESTAMP '2024-02-29 13:45:30.123456'", nullSql: 'NULL::TIMESTAMP',
    typeIds: [Ty.TIMESTAMP_TYPE], arm: 'stringVal',
    // Java Timestamp text: yyyy-MM-dd HH:mm:ss[.fffffffff], trailing zeros of the fraction optional.
    raw: (s) => /^2024-02-29 13:45:30\.123456(0{1,3})?$/.test(s) },
  { name: 'c_timestamp_whole', value: "TIMESTAMP '1999-12-31 23:59:59'", nullSql: 'NULL::TIMESTAMP',
    typeIds: [Ty.TIMESTAMP_TYPE], arm: 'stringVal', raw: (s) => /^1999-12-31 23:59:59(\.0+)?$/.test(s) },
  { name: 'c_timestamptz', value: "TIMESTAMPTZ '2024-02-29 13:45:30.5+00'", nullSql: 'NULL::TIMESTAMPTZ',
    typeIds: [Ty.TIMESTAMPLOCALTZ_TYPE, Ty.TIMESTAMP_TYPE, Ty.STRING_TYPE], arm: 'stringVal',
    raw: (s) => /^2024-02-29 13:45:30\.5/.test(s) }, // the gateway runs with TZ=UTC
  { name: 'c_interval', value: "INTERVAL '3 days 04:05:06'", nullSql: 'NULL::INTERVAL',
    typeIds: [Ty.INTERVAL_DAY_TIME_TYPE, Ty.STRING_TYPE], arm: 'stringVal',
    raw: (s) => typeof s === 'string' && /3/.test(s) && /04:05:06/.test(s) },
  { name: 'c_uuid', value: "'123e4567-e89b-12d3-a456-426614174000'::UUID", nullSql: 'NULL::UUID',
    typeIds: [Ty.STRING_TYPE, Ty.VARCHAR_TYPE], arm: 'stringVal',
    raw: '123e4567-e89b-12d3-a456-426614174000', driver: '123e4567-e89b-12d3-a456-426614174000' },
  { name: 'c_enum', value: "'happy'::ENUM('sad', 'ok', 'happy')", nullSql: "NULL::ENUM('sad', 'ok', 'happy')",
    typeIds: [Ty.STRING_TYPE, Ty.VARCHAR_TYPE], arm: 'stringVal', raw: 'happy', driver: 'happy' },
  // Complex values are JSON text as Hive sends them; hive-driver JSON.parses them (and silently
  // turns unparsable text into []/{}), so the raw text is parsed here too.
  { name: 'c_list', value: '[1, 2, NULL]::INTEGER[]', nullSql: 'NULL::INTEGER[]',
    typeIds: [Ty.ARRAY_TYPE], arm: 'stringVal', json: [1, 2, null], driver: [1, 2, null] },
  { name: 'c_list_str', value: `['a', 'b"c']::VARCHAR[]`, nullSql: 'NULL::VARCHAR[]',
    typeIds: [Ty.ARRAY_TYPE], arm: 'stringVal', json: ['a', 'b"c'], driver: ['a', 'b"c'] },
  { name: 'c_struct', value: "{'a': 1, 'b': 'x y'}", nullSql: 'NULL::STRUCT(a INTEGER, b VARCHAR)',
    typeIds: [Ty.STRUCT_TYPE], arm: 'stringVal', json: { a: 1, b: 'x y' }, driver: { a: 1, b: 'x y' } },
  { name: 'c_map', value: "MAP {'k1': 10, 'k2': 20}", nullSql: 'NULL::MAP(VARCHAR, INTEGER)',
    typeIds: [Ty.MAP_TYPE], arm: 'stringVal', json: { k1: 10, k2: 20 }, driver: { k1: 10, k2: 20 } },
];

const SQL = `SELECT * FROM (
  SELECT 1 AS id, ${COLUMNS.map((c) => `${c.value} AS ${c.name}`).join(',\n    ')}
  UNION ALL
  SELECT 2, ${COLUMNS.map((c) => c.nullSql).join(', ')}
) ORDER BY id`;

function show(v) {
  if (Buffer.isBuffer(v)) return `<Buffer ${v.toString('hex')}>`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v);
}

async function checkAllTypes(t, ctx, mode, protocol) {
  const conn = await ctx.connect(mode);
  const session = await conn.session(protocol);
  const r = await query(conn, session, SQL);

  // What came back, for a reader judging the renderings.
  r.columns.forEach((c, i) => {
    t.diagnostic(`${c.name}: ${c.typeName} ${JSON.stringify(c.qualifiers)} arm=${r.arms && r.arms[i]} `
      + `raw=${show(r.raw[0] && r.raw[0][i])} driver=${show(r.rows[0] && r.rows[0][c.name])}`);
  });

  assert.deepEqual(r.columns.map((c) => c.name), ['id', ...COLUMNS.map((c) => c.name)]);
  assert.deepEqual(r.columns.map((c) => c.position), r.columns.map((_, i) => i + 1), 'positions start at 1');
  for (const c of r.columns) {
    assert.ok(c.primitive && c.nTypes === 1, `${c.name}: exactly one primitiveEntry expected (Hive JDBC reads types[0].primitiveEntry)`);
  }
  assert.equal(r.raw.length, 2, 'two rows');
  assert.equal(r.raw[0][0], 1);
  assert.equal(r.raw[1][0], 2);

  const problems = [];
  COLUMNS.forEach((spec, k) => {
    const i = k + 1;
    const col = r.columns[i];
    const raw = r.raw[0][i];
    const drv = r.rows[0][spec.name];
    const where = `${spec.name} (${col.typeName})`;
    try {
      assert.ok(spec.typeIds.includes(col.typeId),
        `type ${col.typeName}, expected ${spec.typeIds.map((x) => TYPE_NAMES[x]).join(' or ')}`);
      if (spec.qualifiers) assert.deepEqual(col.qualifiers, spec.qualifiers, 'qualifiers');
      assert.equal(r.arms[i], spec.arm, 'TColumn arm');
      assert.notEqual(raw, null, 'value row is NULL');
      if (typeof spec.raw === 'function') assert.ok(spec.raw(raw), `raw value ${show(raw)}`);
      else if (spec.raw !== undefined) assert.deepEqual(raw, spec.raw, 'raw value');
      if (spec.json !== undefined) {
        let parsed;
        assert.doesNotThrow(() => { parsed = JSON.parse(raw); }, `raw text is not JSON: ${show(raw)}`);
        assert.deepEqual(parsed, spec.json, `raw JSON ${show(raw)}`);
      }
      if (spec.driver !== undefined) assert.deepEqual(drv, spec.driver, 'hive-driver value');
      assert.equal(r.raw[1][i], null, `NULL row: raw ${show(r.raw[1][i])} (null bit not set)`);
      assert.equal(r.rows[1][spec.name], null, `NULL row: hive-driver value ${show(r.rows[1][spec.name])}`);
    } catch (e) {
      problems.push(`${where}: ${e.message.split('\n')[0]}`);
    }
  });
  assert.deepEqual(problems, [], `column problems:\n${problems.join('\n')}`);
}

gatewaySuite('hs2 types', {}, (ctx) => {
  it('every type, a row of values and a row of NULLs (V10, SASL)', { timeout: 60000 }, (t) => checkAllTypes(t, ctx, 'sasl', V.V10));
  it('every type at V11 (NOSASL)', { timeout: 60000 }, (t) => checkAllTypes(t, ctx, 'nosasl', V.V11));
  it('every type at V8 over HTTP', { timeout: 60000 }, (t) => checkAllTypes(t, ctx, 'http', V.V8));

  it('result set metadata of a table: VARCHAR(n), DECIMAL and CHAR-like qualifiers, positions from 1', { timeout: 60000 }, async (t) => {
    const conn = await ctx.connect('sasl');
    const session = await conn.session(V.V10);
    await exec(conn, session, 'CREATE TABLE hs2_typed (v VARCHAR(12), d DECIMAL(18,4), i INTEGER)');
    await exec(conn, session, "INSERT INTO hs2_typed VALUES ('abc', 1.5, 1)");
    const r = await query(conn, session, 'SELECT v, d, i FROM hs2_typed');
    for (const c of r.columns) t.diagnostic(`${c.name}: ${c.typeName} ${JSON.stringify(c.qualifiers)} position ${c.position}`);
    assert.deepEqual(r.columns.map((c) => [c.name, c.position]), [['v', 1], ['d', 2], ['i', 3]]);
    // DuckDB drops the VARCHAR length; STRING (or VARCHAR with a length qualifier) are both Hive-valid.
    const v = r.columns[0];
    assert.ok(v.typeId === Ty.STRING_TYPE
      || (v.typeId === Ty.VARCHAR_TYPE && Number.isInteger(v.qualifiers.characterMaximumLength)), `v: ${JSON.stringify(v)}`);
    assert.deepEqual(r.columns[1].typeId, Ty.DECIMAL_TYPE);
    assert.deepEqual(r.columns[1].qualifiers, { precision: 18, scale: 4 });
    assert.equal(r.raw.length, 1);
    assert.equal(r.raw[0][0], 'abc');
    assert.match(r.raw[0][1], /^1\.5(000)?$/);
    assert.equal(r.raw[0][2], 1);
  });
});
