import { ResultReturnType, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { sleep } from "@rocky/adapter-kit";
import { encodeResult, field } from "./encode-result.js";
import { codeOnly } from "./scan-sql.js";
import type { SqlEngine, StatementOutcome } from "./sql-engine.js";
import { CANCELED, StatementFailure } from "./statement-failure.js";
import { translate, type Translation } from "./translate-sql.js";

const DDL = /^\s*(CREATE|DROP|ALTER|GRANT|REVOKE|TRUNCATE|COMMENT|UNDROP)\b/i;

export class Session {
  readonly params = new Map<string, string>();
  private inTransaction = false;

  constructor(
    private readonly engine: SqlEngine,
    private readonly c: DuckDBConnection,
    private database: string,
    private schema: string,
  ) {}

  /** Runs one statement with its bindings; `signal` cancels it. */
  async run(statement: string, bindings: DuckDBValue[], signal: AbortSignal): Promise<StatementOutcome> {
    const t = translate(statement);
    try {
      // Snowflake commits an open transaction before a DDL statement: https://docs.snowflake.com/en/sql-reference/transactions#ddl
      if (this.inTransaction && DDL.test(statement)) await this.end("COMMIT");
      return await this.runTranslated(t, statement, bindings, signal);
    } catch (error) {
      const f = signal.aborted && !(error instanceof StatementFailure) ? CANCELED() : toFailure(error);
      if (this.inTransaction && this.params.get("TRANSACTION_ABORT_ON_ERROR") === "TRUE") await this.end("ROLLBACK");
      throw f;
    }
  }

  private async runTranslated(t: Translation, statement: string, bindings: DuckDBValue[], signal: AbortSignal): Promise<StatementOutcome> {
    const e = this.engine;
    switch (t.kind) {
      case "create-database":
        if (e.databases.has(t.name) && !t.ifNotExists) throw new StatementFailure("002002", "42710", `SQL compilation error:\nObject '${t.name}' already exists.`);
        await e.createDatabase(this.c, t.name);
        return status(`Database ${t.name} successfully created.`);
      case "drop-database":
        if (!e.databases.has(t.name)) {
          if (t.ifExists) return status(`Drop statement executed successfully (${t.name} already dropped).`);
          throw new StatementFailure("002003", "02000", `SQL compilation error:\nDatabase '${t.name}' does not exist or not authorized.`);
        }
        if (t.name === this.database) await this.c.run(`USE "${e.options.defaultDatabase}"."PUBLIC"`);
        await this.c.run(`DETACH DATABASE "${t.name}"`);
        e.databases.delete(t.name);
        return status(`${t.name} successfully dropped.`);
      case "alter-session":
        this.params.set(t.name, t.value.toUpperCase());
        return status("Statement executed successfully.");
      case "begin":
        if (!this.inTransaction) await this.c.run("BEGIN TRANSACTION");
        this.inTransaction = true;
        return status("Statement executed successfully.");
      case "commit":
      case "rollback":
        if (this.inTransaction) await this.end(t.kind === "commit" ? "COMMIT" : "ROLLBACK");
        return status("Statement executed successfully.");
      case "show-grants": {
        const object = await this.qualifyObject(t.objectKind, t.object);
        const rows = (e.grants.get(object) ?? []).map((g) => ["2024-01-01 00:00:00.000 +0000", g.privilege, t.objectKind, t.object, "ROLE", g.role, "false", "SYSADMIN"]);
        const names = ["created_on", "privilege", "granted_on", "name", "granted_to", "grantee_name", "grant_option", "granted_by"];
        return { rowType: names.map((n) => field(n, "text")), rows };
      }
      case "grant":
      case "revoke": {
        const object = await this.qualifyObject(t.objectKind, t.object);
        const list = (e.grants.get(object) ?? []).filter((g) => !(g.privilege === t.privilege && g.role === t.role));
        if (t.kind === "grant") list.push({ privilege: t.privilege, role: t.role });
        e.grants.set(object, list);
        return status("Statement executed successfully.");
      }
      case "create-tag": {
        const name = await this.qualify(t.name);
        if (e.tagNames.has(name) && !t.ifNotExists) throw new StatementFailure("002002", "42710", `SQL compilation error:\nObject '${name}' already exists.`);
        e.tagNames.add(name);
        return status(`Tag ${t.name} successfully created.`);
      }
      case "set-tags": {
        const table = await this.qualify(t.table);
        const values = e.tags.get(table) ?? new Map<string, string>();
        for (const [tag, value] of t.tags) {
          const name = await this.qualify(tag);
          if (!e.tagNames.has(name)) throw new StatementFailure("002003", "02000", `SQL compilation error:\nTag '${name}' does not exist or not authorized.`);
          values.set(name, value);
        }
        e.tags.set(table, values);
        return status("Statement executed successfully.");
      }
      case "dynamic-table": {
        if (!e.options.warehouses.includes(t.warehouse)) throw new StatementFailure("000606", "57P03", `Warehouse '${t.warehouse}' does not exist or not authorized.`);
        await this.c.run(`CREATE OR REPLACE TABLE ${t.target} AS ${t.select}`, bindings);
        e.dynamicTables.set(await this.qualify(t.target), { lag: t.lag, warehouse: t.warehouse });
        return status(`Dynamic table ${t.target} successfully created.`);
      }
      case "duckdb": {
        if (t.waitSeconds > 0) await sleep(t.waitSeconds * 1000, signal).catch(() => Promise.reject(CANCELED()));
        const onAbort = () => this.c.interrupt();
        signal.addEventListener("abort", onAbort, { once: true });
        try {
          const result = await this.c.run(t.sql, bindings);
          if (result.returnType === ResultReturnType.CHANGED_ROWS) return changed(statement, result.rowsChanged);
          if (result.returnType === ResultReturnType.QUERY_RESULT) return await encodeResult(result);
          return status("Statement executed successfully.");
        } finally {
          signal.removeEventListener("abort", onAbort);
        }
      }
    }
  }

  /** The grants key of an object: its kind and its fully qualified name. */
  private async qualifyObject(kind: string, name: string): Promise<string> {
    if (kind === "TABLE") return `TABLE ${await this.qualify(name)}`;
    if (kind === "SCHEMA") return `SCHEMA ${name.includes(".") ? name : `${this.database}.${name}`}`;
    return `${kind} ${name}`;
  }

  /** DB.SCHEMA.NAME of a one-, two- or three-part name, from the session's current database and schema. */
  private qualify(name: string): Promise<string> {
    const parts = name.split(".");
    if (parts.length === 3) return Promise.resolve(name);
    if (parts.length === 2) return Promise.resolve(`${this.database}.${name}`);
    return Promise.resolve(`${this.database}.${this.schema}.${name}`);
  }

  private async end(how: "COMMIT" | "ROLLBACK"): Promise<void> {
    this.inTransaction = false;
    await this.c.run(how);
  }

  /** Ends the session: an open transaction is rolled back (https://docs.snowflake.com/en/sql-reference/transactions#aborting-transactions). */
  async close(): Promise<void> {
    if (this.inTransaction) await this.end("ROLLBACK").catch(() => undefined);
    this.c.closeSync();
  }
}

/** How many `?` placeholders a statement has, outside literals and comments. */
export function placeholderCount(statement: string): number {
  return (codeOnly(statement).match(/\?/g) ?? []).length;
}

function status(message: string): StatementOutcome {
  return { rowType: [field("status", "text")], rows: [[message]] };
}

function changed(statement: string, n: number): StatementOutcome {
  const verb = /^\s*(INSERT|UPDATE|DELETE|MERGE)/i.exec(statement)?.[1]?.toUpperCase() ?? "UPDATE";
  const stats = { numRowsInserted: 0, numRowsUpdated: 0, numRowsDeleted: 0, numDuplicateRowsUpdated: 0 };
  if (verb === "INSERT") stats.numRowsInserted = n;
  else if (verb === "DELETE") stats.numRowsDeleted = n;
  else stats.numRowsUpdated = n;
  const column = verb === "INSERT" ? "number of rows inserted" : verb === "DELETE" ? "number of rows deleted" : "number of rows updated";
  return { rowType: [field(column, "fixed", { precision: 19, scale: 0, nullable: false })], rows: [[String(n)]], stats };
}

export function toFailure(error: unknown): StatementFailure {
  if (error instanceof StatementFailure) return error;
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Failed to extract statements: /, "");
  if (/^Catalog Error: .*does not exist/.test(message)) return new StatementFailure("002003", "42S02", `SQL compilation error:\n${message}`);
  if (/^Parser Error/.test(message)) return new StatementFailure("001003", "42000", `SQL compilation error:\n${message}`);
  if (/^INTERRUPT Error/.test(message)) return CANCELED();
  return new StatementFailure("100038", "22018", message);
}
