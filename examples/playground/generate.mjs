#!/usr/bin/env node
// Lands Fivetran-style data in data/warehouse.duckdb: one `src__<tenant>__<region...>__<connector>` schema per
// connector, each table with a `_fivetran_synced` timestamp. Deterministic, so row counts are known.
//   node generate.mjs            fresh landing database (removes data/)
//   node generate.mjs --append   lands APPEND_ROWS newer rows in every synced table; the first append also adds
//                                orders.discount_code, a new source column rocky adds to the target
//   --dir <project dir>          where data/ goes (default: this directory)
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";

export const APPEND_ROWS = 25;

const SYNCED = (i) => `TIMESTAMP '2024-01-01 00:00:00' + ${i} * INTERVAL 1 MINUTE`;

/** schema, table, row count, columns as [name, SQL expression of the row number i]. */
const TABLES = [
  ["src__acme__us_west__shopify", "orders", 300, [
    ["id", (i) => `${i} + 1`],
    ["customer_id", (i) => `(${i} * 7919) % 120 + 1`],
    ["amount", (i) => `CAST(((${i} * 104729) % 50000) / 100.0 + 5 AS DECIMAL(10, 2))`],
    ["status", (i) => `['paid', 'pending', 'shipped', 'refunded'][(${i} % 4) + 1]`],
    ["created_at", (i) => `TIMESTAMP '2023-12-01 00:00:00' + ${i} * INTERVAL 1 HOUR`],
  ]],
  ["src__acme__us_west__shopify", "customers", 120, [
    ["id", (i) => `${i} + 1`],
    ["email", (i) => `'customer' || (${i} + 1) || '@acme.example'`],
    ["country", (i) => `['US', 'CA', 'MX'][(${i} % 3) + 1]`],
  ]],
  ["src__acme__us_west__shopify", "products", 40, [
    ["id", (i) => `${i} + 1`],
    ["title", (i) => `'Product ' || (${i} + 1)`],
    ["price", (i) => `CAST((${i} % 17) * 3 + 9.99 AS DECIMAL(10, 2))`],
  ]],
  ["src__acme__us_west__shopify", "orders_tmp", 5, [["id", (i) => `${i} + 1`]]],
  ["src__acme__eu_central__stripe", "charges", 250, [
    ["id", (i) => `'ch_' || lpad(CAST(${i} + 1 AS VARCHAR), 6, '0')`],
    ["amount_cents", (i) => `((${i} * 31337) % 90000) + 100`],
    ["currency", (i) => `['eur', 'gbp', 'chf'][(${i} % 3) + 1]`],
  ]],
  ["src__acme__eu_central__stripe", "refunds", 30, [
    ["id", (i) => `'re_' || lpad(CAST(${i} + 1 AS VARCHAR), 6, '0')`],
    ["charge_id", (i) => `'ch_' || lpad(CAST(${i} * 7 + 1 AS VARCHAR), 6, '0')`],
    ["amount_cents", (i) => `((${i} * 977) % 5000) + 100`],
  ]],
  ["src__globex__us_east__hubspot", "contacts", 200, [
    ["id", (i) => `${i} + 1`],
    ["email", (i) => `'contact' || (${i} + 1) || '@globex.example'`],
    ["lifecycle_stage", (i) => `['lead', 'opportunity', 'customer'][(${i} % 3) + 1]`],
  ]],
  ["src__globex__us_east__hubspot", "deals", 80, [
    ["id", (i) => `${i} + 1`],
    ["contact_id", (i) => `(${i} * 13) % 200 + 1`],
    ["amount", (i) => `CAST(((${i} * 7477) % 100000) / 10.0 AS DECIMAL(12, 2))`],
  ]],
  ["src__initech__apac__jp__salesforce", "accounts", 60, [
    ["id", (i) => `'001' || lpad(CAST(${i} + 1 AS VARCHAR), 5, '0')`],
    ["name", (i) => `'Account ' || (${i} + 1)`],
  ]],
];

/** Landed without `_fivetran_synced` (rocky falls back to a full refresh) or outside the schema pattern (skipped). */
const UNSYNCED = [
  ["src__globex__us_east__hubspot", "owners", 12, [["id", (i) => `${i} + 1`], ["name", (i) => `'Owner ' || (${i} + 1)`]]],
  ["src__scratch", "notes", 3, [["id", (i) => `${i} + 1`]]],
];

function select(columns, synced, i) {
  const exprs = columns.map(([name, expr]) => `${expr(i)} AS ${name}`);
  if (synced) exprs.push(`${synced(i)} AS _fivetran_synced`);
  return exprs.join(", ");
}

async function create(connection) {
  for (const [schema, table, rows, columns] of [...TABLES, ...UNSYNCED]) {
    const synced = TABLES.some(([s, t]) => s === schema && t === table) ? SYNCED : undefined;
    await connection.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await connection.run(`CREATE TABLE ${schema}.${table} AS SELECT ${select(columns, synced, "i")} FROM range(${rows}) t(i)`);
  }
}

async function append(connection) {
  const [schema] = TABLES[0];
  await connection.run(`ALTER TABLE ${schema}.orders ADD COLUMN IF NOT EXISTS discount_code VARCHAR`);
  for (const [s, table, , columns] of TABLES) {
    // New ids and timestamps continue after the rows already landed.
    const offset = Number((await (await connection.run(`SELECT count(*) FROM ${s}.${table}`)).getRowsJS())[0][0]);
    const synced = (i) => `(SELECT max(_fivetran_synced) FROM ${s}.${table}) + (${i} + 1) * INTERVAL 1 MINUTE`;
    const extra = s === schema && table === "orders" ? [["discount_code", () => `'SPRING24'`]] : [];
    const names = [...columns, ...extra].map(([n]) => n);
    await connection.run(
      `INSERT INTO ${s}.${table} (${[...names, "_fivetran_synced"].join(", ")}) SELECT ${select([...columns, ...extra].map(([n, e]) => [n, (i) => e(`(${i} + ${offset})`)]), synced, "i")} FROM range(${APPEND_ROWS}) t(i)`,
    );
  }
  const [owners] = UNSYNCED;
  await connection.run(`INSERT INTO ${owners[0]}.${owners[1]} SELECT max(id) + 1, 'Owner ' || (max(id) + 1) FROM ${owners[0]}.${owners[1]}`);
}

async function main() {
  const { values } = parseArgs({ options: { append: { type: "boolean", default: false }, dir: { type: "string" } } });
  const dir = resolve(values.dir ?? dirname(fileURLToPath(import.meta.url)));
  const data = join(dir, "data");
  const file = join(data, "warehouse.duckdb");
  if (values.append && !existsSync(file)) throw new Error(`No landing database at ${file}: run without --append first`);
  if (!values.append) rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    await (values.append ? append(connection) : create(connection));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  process.stderr.write(values.append ? `appended ${APPEND_ROWS} rows to each synced table in ${file}\n` : `landed ${TABLES.length + UNSYNCED.length} tables in ${file}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`generate.mjs: ${err.message}\n`);
    process.exit(1);
  });
}
