import { mkdirSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { AdapterServerError, ErrorCodes, type ExecuteStatementParams, type ExecuteStatementResult, type SqlParam } from "@rocky/protocol";
import { executionFailed } from "./adapter-errors.js";
import { ConnectionPool } from "./connection-pool.js";
import { quoteIdentifier, quoteLiteral } from "./identifiers.js";
import { resultRows } from "./json-values.js";
import type { DuckDbConfig } from "./manifest.js";
import { runBatch } from "./run-batch.js";

export type Log = (level: "debug" | "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export type QueryRows = { columns: string[]; column_types: string[]; rows: unknown[][] };

const CATALOG_FILE = /^([a-zA-Z0-9_]+)\.duckdb$/;
// Each DuckDB call holds a libuv worker thread, so more connections than workers would only queue.
const POOL_SIZE = Math.max(2, Number(process.env.UV_THREADPOOL_SIZE) || 4);

/** One DuckDB instance: the main database, the catalogs attached from `catalogs_dir`, and a connection pool. */
export class DuckDbDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly pool: ConnectionPool,
    readonly mainCatalog: string,
    readonly catalogsDir: string | undefined,
    readonly readOnly: boolean,
  ) {}

  /** Starts opening before it returns (DuckDB opens on a libuv worker), so the caller can work meanwhile. */
  static async open(config: DuckDbConfig, log: Log): Promise<DuckDbDatabase> {
    const memory = config.path === ":memory:";
    const path = memory ? config.path : resolve(config.path);
    const readOnly = config.read_only ?? false;
    const options: Record<string, string> = {};
    if (readOnly) options.access_mode = "READ_ONLY";
    if (config.threads !== undefined) options.threads = String(config.threads);
    if (config.memory_limit !== undefined) options.memory_limit = config.memory_limit;
    let instance: DuckDBInstance;
    try {
      if (!memory && !readOnly) mkdirSync(dirname(path), { recursive: true });
      instance = await DuckDBInstance.create(path, options);
    } catch (error) {
      const message = (error as Error).message;
      // DuckDB allows one writing process per file: another process holding it is not a config problem.
      const holder = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(message);
      if (/Could not set lock on file/.test(message)) {
        throw new AdapterServerError(ErrorCodes.Unavailable, `DuckDB database "${config.path}" is locked by another process${holder ? ` (${holder[1]}, pid ${holder[2]})` : ""}`, {
          code: "LOCKED",
          ...(holder ? { pid: Number(holder[2]) } : {}),
        });
      }
      throw new AdapterServerError(ErrorCodes.InvalidConfig, `Cannot open DuckDB database "${config.path}": ${message}`, {
        code: "INVALID_CONFIG",
      });
    }
    const pool = new ConnectionPool(instance, POOL_SIZE);
    const never = new AbortController().signal;
    const main = await pool.use(never, async (c) => (await c.run("SELECT current_database()")).getRowsJS());
    const catalogsDir = config.catalogs_dir !== undefined ? resolve(config.catalogs_dir) : memory ? undefined : dirname(path);
    const db = new DuckDbDatabase(instance, pool, String(main[0]?.[0]), catalogsDir, readOnly);
    await db.attachExisting(memory ? undefined : path, log);
    return db;
  }

  /** Runs `work` on a pooled connection; DuckDB errors become ExecutionFailed (-32052). */
  async use<T>(signal: AbortSignal, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    try {
      return await this.pool.use(signal, work);
    } catch (error) {
      throw executionFailed(error);
    }
  }

  /** execute_batch: the statements on one pooled connection, held for the whole batch so no other request lands inside it. */
  async batch(signal: AbortSignal, statements: readonly ExecuteStatementParams[], transaction: boolean): Promise<ExecuteStatementResult[]> {
    try {
      return await this.pool.hold(signal, (connection, discard) => runBatch({ connection, signal, statements, transaction, discard }));
    } catch (error) {
      throw executionFailed(error);
    }
  }

  /** Runs a query and returns every row as protocol JSON. */
  query(signal: AbortSignal, sql: string, params: readonly SqlParam[] = []): Promise<QueryRows> {
    return this.use(signal, async (c) => {
      const result = await c.run(sql, params as DuckDBValue[]);
      return {
        columns: result.columnNames(),
        column_types: result.columnTypes().map(String),
        rows: await resultRows(result),
      };
    });
  }

  /** A connection outside the pool, for a cursor that holds it until closed. */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  async catalogExists(signal: AbortSignal, name: string): Promise<boolean> {
    const { rows } = await this.query(signal, "SELECT count(*) FROM duckdb_databases() WHERE lower(database_name) = lower(?)", [name]);
    return rows[0]?.[0] !== 0;
  }

  /** Attaches `<catalogs_dir>/<name>.duckdb` (created if missing) as catalog `name`, or an in-memory catalog without a catalogs_dir. */
  async attach(signal: AbortSignal, name: string): Promise<string> {
    const alias = quoteIdentifier(name, "catalog name");
    let target = ":memory:";
    if (this.catalogsDir !== undefined) {
      if (!this.readOnly) await mkdir(this.catalogsDir, { recursive: true });
      target = join(this.catalogsDir, `${name}.duckdb`);
    }
    const mode = this.readOnly ? " (READ_ONLY)" : "";
    await this.use(signal, (c) => c.run(`ATTACH IF NOT EXISTS ${quoteLiteral(target)} AS ${alias}${mode}`));
    return target;
  }

  /** Detaches catalog `name` and deletes its file when it is one of catalogs_dir's; the main database cannot be dropped. */
  async drop(signal: AbortSignal, name: string): Promise<string | undefined> {
    const alias = quoteIdentifier(name, "catalog name");
    const { rows } = await this.query(signal, "SELECT database_name, path, internal FROM duckdb_databases() WHERE lower(database_name) = lower(?)", [name]);
    const [found] = rows;
    if (found === undefined) return undefined;
    const [databaseName, path, internal] = found as [string, string | null, boolean];
    if (internal || databaseName.toLowerCase() === this.mainCatalog.toLowerCase()) {
      throw new AdapterServerError(ErrorCodes.InvalidParams, `Cannot drop catalog "${databaseName}": it is the adapter's main database or a DuckDB system catalog`, { code: "INVALID_PARAMS" });
    }
    await this.use(signal, (c) => c.run(`DETACH ${alias}`));
    if (path && this.catalogsDir !== undefined && resolve(path) === join(this.catalogsDir, `${databaseName}.duckdb`)) {
      await rm(path, { force: true });
      await rm(`${path}.wal`, { force: true });
      return path;
    }
    return undefined;
  }

  private async attachExisting(mainPath: string | undefined, log: Log): Promise<void> {
    if (this.catalogsDir === undefined) return;
    let files: string[];
    try {
      files = (await readdir(this.catalogsDir)).sort();
    } catch {
      return;
    }
    const never = new AbortController().signal;
    for (const file of files) {
      const name = CATALOG_FILE.exec(file)?.[1];
      if (name === undefined || join(this.catalogsDir, file) === mainPath) continue;
      try {
        if (await this.catalogExists(never, name)) throw new Error(`a catalog named "${name}" is already attached`);
        await this.attach(never, name);
        log("debug", `Attached catalog "${name}"`, { file: join(this.catalogsDir, file) });
      } catch (error) {
        log("warn", `Skipped catalog file "${join(this.catalogsDir, file)}": ${(error as Error).message}`);
      }
    }
  }

  close(): void {
    this.pool.close();
    this.instance.closeSync();
  }
}
