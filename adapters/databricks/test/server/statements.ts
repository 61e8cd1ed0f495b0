// Statements as the Statement Execution API describes them: https://docs.databricks.com/api/workspace/statementexecution
// States PENDING → RUNNING → SUCCEEDED | FAILED | CANCELED (| CLOSED); results in chunks of `chunkRows` rows.
import { randomUUID } from "node:crypto";
import { StatementType, type DuckDBConnection, type DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { catalogExists } from "./catalog-exists.js";
import { columnInfo, formatValue, type ColumnInfo } from "./result-format.js";
import { translate, type CatalogState, type Securable, type Translated } from "./sql-translation.js";

export type StatementState = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELED" | "CLOSED";

export interface Statement {
  readonly id: string;
  readonly sql: string;
  state: StatementState;
  error?: { error_code: string; message: string };
  columns: ColumnInfo[];
  chunks: Array<Array<Array<string | null>>>;
  totalRows: number;
  /** Polls still to answer RUNNING after the work finished (a fault). */
  runningPolls: number;
  readonly done: Promise<void>;
  cancel(): void;
}

export interface ExecuteOptions {
  readonly sql: string;
  readonly parameters: ReadonlyArray<{ name: string; value?: string | null; type?: string }>;
  readonly catalog?: string | undefined;
  readonly schema?: string | undefined;
  readonly chunkRows: number;
  readonly runningPolls: number;
}

/** Runs statements on DuckDB and keeps them for polling, chunk fetches and cancels. */
export class StatementStore {
  readonly all = new Map<string, Statement>();
  readonly cancels: string[] = [];
  /** Statements executing now, and the most ever executing at once. */
  running = 0;
  peakRunning = 0;

  constructor(
    private readonly db: DuckDBInstance,
    private readonly catalogs: CatalogState,
    private readonly catalogsDir: string | undefined,
  ) {}

  start(options: ExecuteOptions): Statement {
    let connection: DuckDBConnection | undefined;
    let cancelled = false;
    const statement: Statement = {
      id: randomUUID(),
      sql: options.sql,
      state: "PENDING",
      columns: [],
      chunks: [],
      totalRows: 0,
      runningPolls: options.runningPolls,
      done: Promise.resolve(),
      cancel: () => {
        if (statement.state !== "PENDING" && statement.state !== "RUNNING") return;
        cancelled = true;
        statement.state = "CANCELED";
        // DuckDB drops an interrupt that lands before the query starts: repeat until the work settles.
        const timer = setInterval(() => connection?.interrupt(), 25);
        connection?.interrupt();
        void statement.done.finally(() => clearInterval(timer));
      },
    };
    const work = async () => {
      await Promise.resolve();
      if (cancelled) return;
      statement.state = "RUNNING";
      this.running++;
      this.peakRunning = Math.max(this.peakRunning, this.running);
      try {
        connection = await this.db.connect();
        if (options.catalog) await connection.run(`USE "${options.catalog.replaceAll('"', '""')}"${options.schema ? `."${options.schema.replaceAll('"', '""')}"` : ""}`);
        const { columns, rows } = await this.run(connection, translate(options.sql, options.parameters), () => cancelled);
        if (cancelled) return;
        statement.columns = columns;
        statement.totalRows = rows.length;
        for (let i = 0; i < rows.length; i += options.chunkRows) statement.chunks.push(rows.slice(i, i + options.chunkRows));
        statement.state = "SUCCEEDED";
      } catch (error) {
        if (cancelled) return;
        statement.state = "FAILED";
        // A failed statement: HTTP 200 with status.error (the API reports SQL errors in the status, not the HTTP code).
        statement.error = { error_code: "BAD_REQUEST", message: `[DUCKDB_ERROR] ${(error as Error).message}` };
      } finally {
        this.running--;
        connection?.closeSync();
      }
    };
    (statement as { done: Promise<void> }).done = work();
    this.all.set(statement.id, statement);
    return statement;
  }

  private async run(connection: DuckDBConnection, t: Translated, cancelled: () => boolean): Promise<{ columns: ColumnInfo[]; rows: Array<Array<string | null>> }> {
    switch (t.kind) {
      case "rows":
        return { columns: t.columns.map((name, i) => ({ name, position: i, type_name: "STRING", type_text: "STRING" })), rows: t.rows.map((r) => [...r]) };
      case "catalog":
        return this.catalogStatement(connection, t);
      case "tags": {
        const securable = await this.qualify(connection, t.securable);
        await this.assertExists(connection, securable);
        const key = `${securable.type} ${securable.name.toLowerCase()}`;
        this.catalogs.tags.set(key, { ...this.catalogs.tags.get(key), ...t.tags });
        return { columns: [], rows: [] };
      }
      case "grants":
        return this.grantStatement(connection, t);
      case "sql":
        break;
    }
    if (t.atomic) {
      await connection.run("BEGIN TRANSACTION");
      try {
        let affected = 0;
        for (const sql of t.atomic) affected += (await connection.run(sql, valuesUsedBy(sql, t.values))).rowsChanged;
        await connection.run("COMMIT");
        return affectedRows(affected);
      } catch (error) {
        await connection.run("ROLLBACK").catch(() => undefined);
        throw error;
      }
    }
    const result = await connection.run(t.sql, t.values as Record<string, DuckDBValue>);
    if (cancelled()) return { columns: [], rows: [] };
    const type = result.statementType;
    if (type === StatementType.INSERT || type === StatementType.UPDATE || type === StatementType.DELETE || type === StatementType.MERGE_INTO) {
      return affectedRows(result.rowsChanged, type === StatementType.INSERT);
    }
    if (type !== StatementType.SELECT && type !== StatementType.EXPLAIN && type !== StatementType.PRAGMA && type !== StatementType.CALL) {
      return { columns: [], rows: [] };
    }
    const types = result.columnTypes();
    const columns = result.columnNames().map((name, i) => columnInfo(name, types[i] as (typeof types)[number], i));
    const rows: Array<Array<string | null>> = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0 || cancelled()) break;
      for (const row of chunk.getRows()) rows.push(row.map((v, i) => formatValue(v, types[i] as (typeof types)[number])));
    }
    return { columns, rows };
  }

  private async catalogStatement(connection: DuckDBConnection, t: Extract<Translated, { kind: "catalog" }>) {
    const name = (t.attach ?? t.detach ?? "").toLowerCase();
    const exists = await catalogExists(this.db, name);
    if (t.attach !== undefined) {
      if (exists && !t.ifExists) throw new Error(`[CATALOG_ALREADY_EXISTS] Catalog '${name}' already exists`);
      if (!exists) {
        const file = this.catalogsDir ? `${this.catalogsDir}/${name}.duckdb` : ":memory:";
        await connection.run(`ATTACH '${file.replaceAll("'", "''")}' AS "${name}"`);
      }
    } else {
      if (!exists && !t.ifExists) throw new Error(`[NO_SUCH_CATALOG_EXCEPTION] Catalog '${name}' was not found`);
      if (exists) await connection.run(`DETACH "${name}"`);
    }
    return { columns: [], rows: [] };
  }

  private async grantStatement(connection: DuckDBConnection, t: Extract<Translated, { kind: "grants" }>) {
    const securable = await this.qualify(connection, t.securable);
    await this.assertExists(connection, securable);
    const key = `${securable.type} ${securable.name.toLowerCase()}`;
    let byPrincipal = this.catalogs.grants.get(key);
    if (!byPrincipal) this.catalogs.grants.set(key, (byPrincipal = new Map()));
    if (t.change) {
      const set = byPrincipal.get(t.change.principal) ?? new Set<string>();
      for (const p of t.change.privileges) (t.change.op === "GRANT" ? set.add(p) : set.delete(p));
      byPrincipal.set(t.change.principal, set);
      return { columns: [], rows: [] };
    }
    // SHOW GRANTS: Principal, ActionType, ObjectType, ObjectKey
    // https://docs.databricks.com/en/sql/language-manual/security-show-grant.html
    const rows: string[][] = [];
    for (const [principal, privileges] of byPrincipal) for (const p of [...privileges].sort()) rows.push([principal, p, securable.type, securable.name]);
    const columns = ["Principal", "ActionType", "ObjectType", "ObjectKey"].map((name, i) => ({ name, position: i, type_name: "STRING", type_text: "STRING" }));
    return { columns, rows };
  }

  /** A securable named relative to the session's catalog and schema, fully qualified (as SHOW GRANTS' ObjectKey is). */
  private async qualify(connection: DuckDBConnection, s: Securable): Promise<Securable> {
    const parts = s.name.split(".");
    const wanted = s.type === "CATALOG" ? 1 : s.type === "SCHEMA" ? 2 : 3;
    if (parts.length >= wanted) return s;
    const [[catalog, schema] = []] = await (await connection.run("SELECT current_database(), current_schema()")).getRows();
    const prefix = [String(catalog), String(schema)].slice(0, wanted - parts.length);
    return { type: s.type, name: [...prefix, ...parts].join(".") };
  }

  private async assertExists(connection: DuckDBConnection, s: { type: string; name: string }): Promise<void> {
    const [catalog, schema, table] = s.name.toLowerCase().split(".");
    const sql =
      s.type === "CATALOG"
        ? "SELECT count(*) FROM duckdb_databases() WHERE database_name = $c"
        : s.type === "SCHEMA"
          ? "SELECT count(*) FROM duckdb_schemas() WHERE database_name = $c AND schema_name = $s"
          : "SELECT count(*) FROM duckdb_tables() WHERE database_name = $c AND schema_name = $s AND table_name = $t";
    const values: Record<string, string> = { c: catalog ?? "" };
    if (s.type !== "CATALOG") values.s = schema ?? "";
    if (s.type === "TABLE") values.t = table ?? "";
    const [[count] = []] = await (await connection.run(sql, values)).getRows();
    if (count === 0n) {
      const code = s.type === "TABLE" ? "TABLE_OR_VIEW_NOT_FOUND" : s.type === "SCHEMA" ? "SCHEMA_NOT_FOUND" : "NO_SUCH_CATALOG_EXCEPTION";
      throw new Error(`[${code}] The ${s.type.toLowerCase()} \`${s.name}\` cannot be found`);
    }
  }
}

/** The named values a statement references: DuckDB refuses values for parameters a statement does not have. */
function valuesUsedBy(sql: string, values: Record<string, string | null>): Record<string, DuckDBValue> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => sql.includes(`$${name} `) || sql.includes(`$${name})`)));
}

function affectedRows(n: number, insert = false): { columns: ColumnInfo[]; rows: Array<Array<string | null>> } {
  const names = insert ? ["num_affected_rows", "num_inserted_rows"] : ["num_affected_rows"];
  return { columns: names.map((name, i) => ({ name, position: i, type_name: "LONG", type_text: "BIGINT" })), rows: [names.map(() => String(n))] };
}
