// Every metadata RPC: the result-set schemas of reference §3 (names, order, TTypeIds), the rows
// for objects created here, `%`/`_`/`\` patterns, and FINISHED when the RPC returns.
'use strict';

const assert = require('node:assert/strict');
const { it } = require('node:test');

const { T, V, query, exec, fetchAll, jsonRows, describeColumns, describeStatus, stateName, TYPE_NAMES } = require('./lib/hs2');
const { gatewaySuite } = require('./lib/suite');

const S = T.TTypeId.STRING_TYPE;
const I = T.TTypeId.INT_TYPE;
const SI = T.TTypeId.SMALLINT_TYPE;
const TI = T.TTypeId.TINYINT_TYPE;
const B = T.TTypeId.BOOLEAN_TYPE;

// Reference §3 (Hive's schemas): [column name, TTypeId] in order.
const SCHEMAS = {
  catalogs: [['TABLE_CAT', S]],
  schemas: [['TABLE_SCHEM', S], ['TABLE_CATALOG', S]],
  tables: [['TABLE_CAT', S], ['TABLE_SCHEM', S], ['TABLE_NAME', S], ['TABLE_TYPE', S], ['REMARKS', S],
    ['TYPE_CAT', S], ['TYPE_SCHEM', S], ['TYPE_NAME', S], ['SELF_REFERENCING_COL_NAME', S], ['REF_GENERATION', S]],
  tableTypes: [['TABLE_TYPE', S]],
  columns: [['TABLE_CAT', S], ['TABLE_SCHEM', S], ['TABLE_NAME', S], ['COLUMN_NAME', S], ['DATA_TYPE', I],
    ['TYPE_NAME', S], ['COLUMN_SIZE', I], ['BUFFER_LENGTH', TI], ['DECIMAL_DIGITS', I], ['NUM_PREC_RADIX', I],
    ['NULLABLE', I], ['REMARKS', S], ['COLUMN_DEF', S], ['SQL_DATA_TYPE', I], ['SQL_DATETIME_SUB', I],
    ['CHAR_OCTET_LENGTH', I], ['ORDINAL_POSITION', I], ['IS_NULLABLE', S], ['SCOPE_CATALOG', S],
    ['SCOPE_SCHEMA', S], ['SCOPE_TABLE', S], ['SOURCE_DATA_TYPE', SI], ['IS_AUTO_INCREMENT', S]],
  typeInfo: [['TYPE_NAME', S], ['DATA_TYPE', I], ['PRECISION', I], ['LITERAL_PREFIX', S], ['LITERAL_SUFFIX', S],
    ['CREATE_PARAMS', S], ['NULLABLE', SI], ['CASE_SENSITIVE', B], ['SEARCHABLE', SI], ['UNSIGNED_ATTRIBUTE', B],
    ['FIXED_PREC_SCALE', B], ['AUTO_INCREMENT', B], ['LOCAL_TYPE_NAME', S], ['MINIMUM_SCALE', SI],
    ['MAXIMUM_SCALE', SI], ['SQL_DATA_TYPE', I], ['SQL_DATETIME_SUB', I], ['NUM_PREC_RADIX', I]],
  functions: [['FUNCTION_CAT', S], ['FUNCTION_SCHEM', S], ['FUNCTION_NAME', S], ['REMARKS', S],
    ['FUNCTION_TYPE', I], ['SPECIFIC_NAME', S]],
  primaryKeys: [['TABLE_CAT', S], ['TABLE_SCHEM', S], ['TABLE_NAME', S], ['COLUMN_NAME', S], ['KEY_SEQ', I],
    ['PK_NAME', S]],
  crossReference: [['PKTABLE_CAT', S], ['PKTABLE_SCHEM', S], ['PKTABLE_NAME', S], ['PKCOLUMN_NAME', S],
    ['FKTABLE_CAT', S], ['FKTABLE_SCHEM', S], ['FKTABLE_NAME', S], ['FKCOLUMN_NAME', S], ['KEQ_SEQ', I],
    ['UPDATE_RULE', I], ['DELETE_RULE', I], ['FK_NAME', S], ['PK_NAME', S], ['DEFERRABILITY', I]],
};

const OpType = T.TOperationType;

/**
 * Runs one metadata RPC through hive-driver's session method, checks the handle's operation type
 * (when the IDL has one for it) and that the operation is FINISHED on the first status call (Hive
 * JDBC does not poll metadata operations), fetches everything and checks the schema.
 */
async function metadata(conn, what, call, { schema, opType }) {
  const op = await conn.call(what, call);
  if (opType !== undefined) {
    assert.equal(op.operationHandle.operationType, opType,
      `${what}: operationType ${op.operationHandle.operationType}, expected ${opType}`);
  }
  const st = await conn.call('GetOperationStatus', () => op.status(false));
  assert.equal(st.operationState, T.TOperationState.FINISHED_STATE,
    `${what}: first status ${stateName(st.operationState)} (metadata must be FINISHED when the RPC returns): ${describeStatus(st)}`);
  const got = await fetchAll(conn, op);
  await conn.call('CloseOperation', () => op.close());
  const columns = describeColumns(got.schema);
  assert.deepEqual(columns.map((c) => [c.name, TYPE_NAMES[c.typeId]]), schema.map(([n, ty]) => [n, TYPE_NAMES[ty]]),
    `${what}: result schema`);
  assert.deepEqual(columns.map((c) => c.position), columns.map((_, i) => i + 1), `${what}: positions from 1`);
  return { columns, rows: jsonRows(got.schema, got.rowSets) };
}

gatewaySuite('hs2 metadata', {}, (ctx) => {
  let conn;
  let session;
  let catalog;
  let schema;

  it('setup: session, current catalog/schema, schemas, tables, a view, keys', { timeout: 60000 }, async () => {
    conn = await ctx.connect('sasl');
    session = await conn.session(V.V10);
    const cur = await query(conn, session, 'SELECT current_database() AS c, current_schema() AS s');
    ({ c: catalog, s: schema } = cur.rows[0]);
    assert.ok(catalog && schema, JSON.stringify(cur.rows));
    for (const sql of [
      'CREATE SCHEMA hs2_meta',
      'CREATE SCHEMA hs2_a',
      'CREATE SCHEMA hs2xa',
      'CREATE TABLE hs2_meta.t_meta (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, amount DECIMAL(10,2))',
      'CREATE TABLE hs2_meta.t_pk2 (a INTEGER, b INTEGER, c VARCHAR, PRIMARY KEY (b, a))',
      'CREATE TABLE hs2_meta.t_child (id INTEGER, parent_id INTEGER REFERENCES hs2_meta.t_meta(id))',
      'CREATE VIEW hs2_meta.v_meta AS SELECT id, name FROM hs2_meta.t_meta',
      'CREATE TABLE hs2_in_default (x INTEGER)',
    ]) await exec(conn, session, sql);
  });

  it('GetCatalogs: TABLE_CAT, lists the session catalog', { timeout: 60000 }, async () => {
    const r = await metadata(conn, 'GetCatalogs', () => session.getCatalogs(),
      { schema: SCHEMAS.catalogs, opType: OpType.GET_CATALOGS });
    assert.ok(r.rows.some((x) => x.TABLE_CAT === catalog), `no ${catalog} in ${JSON.stringify(r.rows)}`);
  });

  it('GetSchemas: all, by pattern, `_` as one character, `\\_` as a literal underscore', { timeout: 60000 }, async () => {
    const all = await metadata(conn, 'GetSchemas', () => session.getSchemas({}),
      { schema: SCHEMAS.schemas, opType: OpType.GET_SCHEMAS });
    for (const s of [schema, 'hs2_meta', 'hs2_a', 'hs2xa']) {
      assert.ok(all.rows.some((x) => x.TABLE_SCHEM === s && x.TABLE_CATALOG === catalog),
        `schema ${catalog}.${s} missing: ${JSON.stringify(all.rows)}`);
    }
    const names = async (pattern) => (await metadata(conn, `GetSchemas ${pattern}`,
      () => session.getSchemas({ catalogName: catalog, schemaName: pattern }), { schema: SCHEMAS.schemas }))
      .rows.map((x) => x.TABLE_SCHEM).sort();
    assert.deepEqual(await names('hs2%'), ['hs2_a', 'hs2_meta', 'hs2xa']);
    assert.deepEqual(await names('hs2_a'), ['hs2_a', 'hs2xa']);
    assert.deepEqual(await names('hs2\\_a'), ['hs2_a']);
    assert.deepEqual(await names('no_such_schema%'), []);
  });

  it('GetTables: tables and views of a schema, tableTypes ["TABLE"] and ["VIEW"], name patterns', { timeout: 60000 }, async () => {
    const list = async (req) => (await metadata(conn, `GetTables ${JSON.stringify(req)}`,
      () => session.getTables({ catalogName: catalog, schemaName: 'hs2_meta', ...req }),
      { schema: SCHEMAS.tables, opType: OpType.GET_TABLES })).rows;
    const all = await list({ tableName: '%' });
    assert.deepEqual(all.map((x) => [x.TABLE_NAME, x.TABLE_TYPE]).sort(),
      [['t_child', 'TABLE'], ['t_meta', 'TABLE'], ['t_pk2', 'TABLE'], ['v_meta', 'VIEW']]);
    for (const row of all) {
      assert.equal(row.TABLE_CAT, catalog);
      assert.equal(row.TABLE_SCHEM, 'hs2_meta');
      for (const k of ['TYPE_CAT', 'TYPE_SCHEM', 'TYPE_NAME', 'SELF_REFERENCING_COL_NAME', 'REF_GENERATION']) {
        assert.equal(row[k], null, `${row.TABLE_NAME}.${k}`);
      }
    }
    const tablesOnly = await list({ tableName: '%', tableTypes: ['TABLE'] });
    assert.deepEqual(tablesOnly.map((x) => x.TABLE_NAME).sort(), ['t_child', 't_meta', 't_pk2']);
    const viewsOnly = await list({ tableTypes: ['VIEW'] });
    assert.deepEqual(viewsOnly.map((x) => x.TABLE_NAME), ['v_meta']);
    const exact = await list({ tableName: 't\\_meta' });
    assert.deepEqual(exact.map((x) => x.TABLE_NAME), ['t_meta']);
    const prefix = await list({ tableName: 't_%' }); // `_` matches any one character
    assert.deepEqual(prefix.map((x) => x.TABLE_NAME).sort(), ['t_child', 't_meta', 't_pk2']);
    // No schema given: the session's default schema is found too (JDBC sends "%").
    const anywhere = (await metadata(conn, 'GetTables hs2_in_default', () => session.getTables({ schemaName: '%', tableName: 'hs2_in_default' }),
      { schema: SCHEMAS.tables })).rows;
    assert.deepEqual(anywhere.map((x) => [x.TABLE_SCHEM, x.TABLE_NAME, x.TABLE_TYPE]), [[schema, 'hs2_in_default', 'TABLE']]);
  });

  it('GetTableTypes: TABLE_TYPE with TABLE and VIEW', { timeout: 60000 }, async () => {
    const r = await metadata(conn, 'GetTableTypes', () => session.getTableTypes(),
      { schema: SCHEMAS.tableTypes, opType: OpType.GET_TABLE_TYPES });
    const types = r.rows.map((x) => x.TABLE_TYPE);
    assert.ok(types.includes('TABLE') && types.includes('VIEW'), JSON.stringify(types));
  });

  it('GetColumns: the 23-column schema, ORDINAL_POSITION from 1, JDBC types and nullability', { timeout: 60000 }, async (t) => {
    const r = await metadata(conn, 'GetColumns', () => session.getColumns({ catalogName: catalog, schemaName: 'hs2_meta', tableName: 't_meta' }),
      { schema: SCHEMAS.columns, opType: OpType.GET_COLUMNS });
    for (const row of r.rows) t.diagnostic(JSON.stringify(row));
    assert.deepEqual(r.rows.map((x) => [x.ORDINAL_POSITION, x.COLUMN_NAME]), [[1, 'id'], [2, 'name'], [3, 'amount']]);
    assert.deepEqual(r.rows.map((x) => x.DATA_TYPE), [4, 12, 3], 'java.sql.Types INTEGER, VARCHAR, DECIMAL');
    assert.deepEqual(r.rows.map((x) => x.IS_NULLABLE), ['NO', 'NO', 'YES']);
    assert.deepEqual(r.rows.map((x) => x.NULLABLE), [0, 0, 1]);
    for (const row of r.rows) {
      assert.equal(row.TABLE_SCHEM, 'hs2_meta');
      assert.equal(row.TABLE_NAME, 't_meta');
      assert.equal(typeof row.TYPE_NAME, 'string');
    }
    const amount = r.rows[2];
    assert.equal(amount.COLUMN_SIZE, 10, 'DECIMAL(10,2) COLUMN_SIZE');
    assert.equal(amount.DECIMAL_DIGITS, 2, 'DECIMAL(10,2) DECIMAL_DIGITS');
    const one = await metadata(conn, 'GetColumns na%', () => session.getColumns({ catalogName: catalog, schemaName: 'hs2_meta', tableName: 't_meta', columnName: 'na%' }),
      { schema: SCHEMAS.columns });
    assert.deepEqual(one.rows.map((x) => [x.COLUMN_NAME, x.ORDINAL_POSITION]), [['name', 2]]);
    const view = await metadata(conn, 'GetColumns view', () => session.getColumns({ catalogName: catalog, schemaName: 'hs2_meta', tableName: 'v_meta' }),
      { schema: SCHEMAS.columns });
    assert.deepEqual(view.rows.map((x) => [x.ORDINAL_POSITION, x.COLUMN_NAME]), [[1, 'id'], [2, 'name']]);
  });

  it('GetTypeInfo: the 18-column schema, BOOLEAN (16) and BIGINT (-5) among the rows', { timeout: 60000 }, async (t) => {
    const r = await metadata(conn, 'GetTypeInfo', () => session.getTypeInfo(),
      { schema: SCHEMAS.typeInfo, opType: OpType.GET_TYPE_INFO });
    t.diagnostic(r.rows.map((x) => `${x.TYPE_NAME}:${x.DATA_TYPE}`).join(' '));
    const byName = Object.fromEntries(r.rows.map((x) => [x.TYPE_NAME, x]));
    assert.equal(byName.BOOLEAN && byName.BOOLEAN.DATA_TYPE, 16, 'BOOLEAN row');
    assert.equal(byName.BIGINT && byName.BIGINT.DATA_TYPE, -5, 'BIGINT row');
    for (const row of r.rows) {
      assert.equal(typeof row.TYPE_NAME, 'string');
      assert.equal(typeof row.DATA_TYPE, 'number');
    }
  });

  it('GetFunctions: functionName "upper" finds upper; an unknown name finds nothing', { timeout: 60000 }, async (t) => {
    const r = await metadata(conn, 'GetFunctions upper', () => session.getFunctions({ functionName: 'upper' }),
      { schema: SCHEMAS.functions, opType: OpType.GET_FUNCTIONS });
    for (const row of r.rows) t.diagnostic(JSON.stringify(row));
    assert.ok(r.rows.length >= 1 && r.rows.every((x) => x.FUNCTION_NAME.toLowerCase() === 'upper'), JSON.stringify(r.rows));
    assert.ok(r.rows.every((x) => [0, 1, 2].includes(x.FUNCTION_TYPE)), 'FUNCTION_TYPE is 0, 1 or 2');
    const none = await metadata(conn, 'GetFunctions none', () => session.getFunctions({ functionName: 'no_such_function_xyz' }),
      { schema: SCHEMAS.functions });
    assert.deepEqual(none.rows, []);
  });

  it('GetPrimaryKeys: a one-column key, a two-column key in key order, a table without key', { timeout: 60000 }, async () => {
    const keys = async (table) => (await metadata(conn, `GetPrimaryKeys ${table}`,
      () => session.getPrimaryKeys({ catalogName: catalog, schemaName: 'hs2_meta', tableName: table }),
      { schema: SCHEMAS.primaryKeys })).rows;
    const one = await keys('t_meta');
    assert.deepEqual(one.map((x) => [x.TABLE_CAT, x.TABLE_SCHEM, x.TABLE_NAME, x.COLUMN_NAME, x.KEY_SEQ]),
      [[catalog, 'hs2_meta', 't_meta', 'id', 1]]);
    const two = await keys('t_pk2');
    assert.deepEqual(two.map((x) => [x.COLUMN_NAME, x.KEY_SEQ]).sort((a, b) => a[1] - b[1]), [['b', 1], ['a', 2]]);
    assert.deepEqual(await keys('t_child'), []);
  });

  it('GetCrossReference: the 14-column schema listing the foreign key; the server answers afterwards', { timeout: 60000 }, async (t) => {
    const req = {
      parentCatalogName: catalog, parentSchemaName: 'hs2_meta', parentTableName: 't_meta',
      foreignCatalogName: catalog, foreignSchemaName: 'hs2_meta', foreignTableName: 't_child',
    };
    let rows = null;
    try {
      rows = (await metadata(conn, 'GetCrossReference', () => session.getCrossReference(req), { schema: SCHEMAS.crossReference })).rows;
    } catch (e) {
      if (e.name !== 'Status Error') throw e;
      assert.ok(e.statusMessage && e.statusMessage.length > 0, 'error status without a message');
      t.diagnostic(`GetCrossReference → ${e.message}`);
    }
    assert.ok(rows !== null, 'GetCrossReference must succeed: the gateway lists foreign keys');
    if (rows !== null) {
      t.diagnostic(`GetCrossReference → rows ${JSON.stringify(rows)}`);
      // A success must tell the truth: t_child.parent_id references t_meta.id.
      assert.deepEqual(rows.map((x) => [x.PKTABLE_NAME, x.PKCOLUMN_NAME, x.FKTABLE_NAME, x.FKCOLUMN_NAME, x.KEQ_SEQ]),
        [['t_meta', 'id', 't_child', 'parent_id', 1]], 'a successful GetCrossReference must list the foreign key');
    }
    const r = await query(conn, session, 'SELECT 1 AS still_here');
    assert.deepEqual(r.rows, [{ still_here: 1 }]);
  });
});
