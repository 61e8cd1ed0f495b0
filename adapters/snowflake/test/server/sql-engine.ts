import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { EncodedResult } from "./encode-result.js";
import { Session, toFailure } from "./session.js";
import { StatementFailure } from "./statement-failure.js";
import { DUCKDB_SESSION_SETUP } from "./translate-sql.js";

export { CANCELED, StatementFailure } from "./statement-failure.js";
export { placeholderCount } from "./session.js";

export interface StatementOutcome extends EncodedResult {
  readonly stats?: { numRowsInserted: number; numRowsUpdated: number; numRowsDeleted: number; numDuplicateRowsUpdated: number };
}

export interface EngineOptions {
  readonly defaultDatabase: string;
  readonly warehouses: readonly string[];
}

/** The warehouse behind the test server: DuckDB with one attached in-memory catalog per Snowflake database, plus grants, tags and dynamic tables. */
export class SqlEngine {
  readonly databases = new Set<string>();
  readonly grants = new Map<string, Array<{ privilege: string; role: string }>>();
  readonly tagNames = new Set<string>();
  readonly tags = new Map<string, Map<string, string>>();
  readonly dynamicTables = new Map<string, { lag: string; warehouse: string }>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly options: EngineOptions,
  ) {}

  static async create(options: EngineOptions): Promise<SqlEngine> {
    const engine = new SqlEngine(await DuckDBInstance.create(":memory:"), options);
    const c = await engine.instance.connect();
    try {
      await engine.createDatabase(c, options.defaultDatabase);
    } finally {
      c.closeSync();
    }
    return engine;
  }

  async createDatabase(c: DuckDBConnection, name: string): Promise<void> {
    await c.run(`ATTACH IF NOT EXISTS ':memory:' AS "${name}"`);
    await c.run(`CREATE SCHEMA IF NOT EXISTS "${name}"."PUBLIC"`);
    this.databases.add(name);
  }

  /** A session as one SQL API request has: its own connection, current database and schema, and parameters. */
  async openSession(database: string | undefined, schema: string | undefined): Promise<Session> {
    const db = database ?? this.options.defaultDatabase;
    if (!this.databases.has(db)) throw new StatementFailure("002043", "02000", `SQL compilation error:\nObject does not exist, or operation cannot be performed. Database '${db}' does not exist or not authorized.`);
    const c = await this.instance.connect();
    try {
      await c.run(`USE "${db}"."${schema ?? "PUBLIC"}"`);
      for (const sql of DUCKDB_SESSION_SETUP) await c.run(sql);
    } catch (error) {
      c.closeSync();
      throw toFailure(error);
    }
    return new Session(this, c, db, schema ?? "PUBLIC");
  }

  close(): void {
    this.instance.closeSync();
  }
}
