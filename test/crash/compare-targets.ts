import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { openStateStore } from "../../host/src/state/state-store.js";

/** Metadata columns whose values differ between any two runs (the warehouse clock, the run id): never compared. */
const PER_RUN_COLUMNS = new Set(["_loaded_at", "_run_id"]);

export interface TableDifference {
  readonly table: string;
  readonly expectedRows: number;
  readonly actualRows: number;
  /** Rows (with multiplicity) in one and not the other: EXCEPT ALL both ways. */
  readonly missing: number;
  readonly extra: number;
}

export interface Comparison {
  /** Rows of the expected tables compared. */
  readonly rowsCompared: number;
  readonly tables: number;
  readonly differences: TableDifference[];
}

/** The target catalogs of a project: data/<catalogs dir>/<catalog>.duckdb, by catalog name. */
function catalogFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const data = join(dir, "data");
  for (const sub of readdirSync(data, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const file of readdirSync(join(data, sub.name))) if (file.endsWith(".duckdb")) files.set(file.slice(0, -".duckdb".length), join(data, sub.name, file));
  }
  return files;
}

/** Every table of the expected project's target catalogs against the actual's, row for row as multisets. */
export async function compareTargets(expectedDir: string, actualDir: string): Promise<Comparison> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  const rows = async (sql: string) => (await (await db.run(sql)).getRowsJS()) as unknown[][];
  const differences: TableDifference[] = [];
  let rowsCompared = 0;
  let tables = 0;
  try {
    const actualFiles = catalogFiles(actualDir);
    for (const [catalog, file] of catalogFiles(expectedDir)) {
      const actualFile = actualFiles.get(catalog);
      await db.run(`ATTACH '${file}' AS expected (READ_ONLY)`);
      if (actualFile) await db.run(`ATTACH '${actualFile}' AS actual (READ_ONLY)`);
      else await db.run("ATTACH ':memory:' AS actual");
      const compared = await compareCatalog(rows, catalog);
      rowsCompared += compared.rowsCompared;
      tables += compared.tables;
      differences.push(...compared.differences);
      await db.run("DETACH expected");
      await db.run("DETACH actual");
    }
    return { rowsCompared, tables, differences };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function compareCatalog(rows: (sql: string) => Promise<unknown[][]>, catalog: string): Promise<Comparison> {
  const tablesOf = async (alias: string) =>
    (await rows(`SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = '${alias}' ORDER BY 1`)).map((r) => String(r[0]));
  const expectedTables = await tablesOf("expected");
  const actualTables = new Set(await tablesOf("actual"));
  const differences: TableDifference[] = [];
  let rowsCompared = 0;
  for (const qualified of expectedTables) {
    const table = `${catalog}.${qualified}`;
    const [schema, name] = qualified.split(".") as [string, string];
    const count = async (alias: string) => Number((await rows(`SELECT count(*) FROM ${alias}.${schema}.${name}`))[0]?.[0]);
    const expectedRows = await count("expected");
    rowsCompared += expectedRows;
    if (!actualTables.has(qualified)) {
      differences.push({ table, expectedRows, actualRows: 0, missing: expectedRows, extra: 0 });
      continue;
    }
    const columns = (
      await rows(
        `SELECT column_name FROM duckdb_columns() WHERE database_name = 'expected' AND schema_name = '${schema}' AND table_name = '${name}' ORDER BY column_index`,
      )
    )
      .map((r) => String(r[0]))
      .filter((c) => !PER_RUN_COLUMNS.has(c))
      .map((c) => `"${c}"`)
      .join(", ");
    const except = async (a: string, b: string) =>
      Number(
        (await rows(`SELECT count(*) FROM (SELECT ${columns} FROM ${a}.${schema}.${name} EXCEPT ALL SELECT ${columns} FROM ${b}.${schema}.${name})`))[0]?.[0],
      );
    const actualRows = await count("actual");
    const missing = await except("expected", "actual");
    const extra = await except("actual", "expected");
    if (missing !== 0 || extra !== 0 || expectedRows !== actualRows) differences.push({ table, expectedRows, actualRows, missing, extra });
  }
  for (const table of actualTables)
    if (!expectedTables.includes(table)) differences.push({ table: `${catalog}.${table}`, expectedRows: 0, actualRows: -1, missing: 0, extra: -1 });
  return { rowsCompared, tables: expectedTables.length, differences };
}

/** Stored watermarks that lie beyond the maximum their target table holds: a watermark advanced past uncommitted data. */
export async function watermarksAhead(dir: string): Promise<string[]> {
  const state = openStateStore(join(dir, ".rocky", "state"), { create: false });
  if (!state) return [];
  const marks = state.listWatermarks();
  await state.close();
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    for (const [catalog, file] of catalogFiles(dir)) await db.run(`ATTACH '${file}' AS ${catalog} (READ_ONLY)`);
    const ahead: string[] = [];
    for (const m of marks) {
      const [catalog, schema, table] = m.target.split(".") as [string, string, string];
      const result = await db.run(
        `SELECT CAST(max("${m.column}") AS VARCHAR), coalesce(max("${m.column}") >= CAST($1 AS TIMESTAMP), false) FROM ${catalog}.${schema}.${table}`,
        [m.value],
      );
      const [max, covered] = (await result.getRowsJS())[0] ?? [];
      if (covered !== true) ahead.push(`${m.target}: watermark ${m.value} beyond max ${String(max)}`);
    }
    return ahead;
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
