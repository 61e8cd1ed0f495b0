import type { ExecuteQueryResult, ParamsOf, ResultOf, SqlParam, TableRef, WireMethod } from "@rocky/protocol";
import type { BuiltinDialect } from "./types.js";
import { CheckFailure } from "./wire/wire-faults.js";

const IDENTIFIER = /^[a-zA-Z0-9_]+$/;

/** Only ^[a-zA-Z0-9_]+$ names reach SQL text; everything else is a bound parameter. */
export function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Refusing to put ${JSON.stringify(name)} into SQL: identifiers must match ^[a-zA-Z0-9_]+$`);
  return name;
}

export type Caller = <M extends WireMethod>(method: M, params: ParamsOf<M>, timeoutMs?: number) => Promise<ResultOf<M>>;

export interface ScratchSqlOptions {
  readonly call: Caller;
  readonly builtin: BuiltinDialect;
  /** Table references come from the adapter's dialect/format_table_ref. */
  readonly adapterDialect: boolean;
  readonly runId: string;
  readonly catalog: string;
  readonly schema: string;
}

/** Scratch tables of one run, named rc_<run>_<purpose>, and the SQL to use them. Tables created are dropped by cleanup(). */
export class ScratchSql {
  private readonly created: TableRef[] = [];
  private readonly statements: string[] = [];
  readonly types: { readonly string: string; readonly bigint: string; readonly double: string; readonly boolean: string; readonly date: string; readonly timestamp: string };

  constructor(private readonly o: ScratchSqlOptions) {
    this.types = { string: o.builtin.stringType(), bigint: "BIGINT", double: "DOUBLE", boolean: "BOOLEAN", date: "DATE", timestamp: o.builtin.timestampType() };
  }

  get catalog(): string {
    return this.o.catalog;
  }

  get schema(): string {
    return this.o.schema;
  }

  name(purpose: string): string {
    return ident(`rc_${this.o.runId}_${purpose}`);
  }

  ref(purpose: string, where: { catalog?: string; schema?: string } = {}): TableRef {
    return { catalog: where.catalog ?? this.o.catalog, schema: where.schema ?? this.o.schema, table: this.name(purpose) };
  }

  /** The table reference as SQL: the adapter's when it declares the dialect capability, else the built-in dialect's. */
  async tableSql(ref: TableRef): Promise<string> {
    if (this.o.adapterDialect) {
      const { sql } = await this.o.call("dialect/format_table_ref", ref);
      if (sql.trim() === "") throw new CheckFailure(`"dialect/format_table_ref" answered an empty table reference for ${JSON.stringify(ref)}`);
      return sql;
    }
    return this.o.builtin.tableRef({ ...(ref.catalog ? { catalog: ident(ref.catalog) } : {}), schema: ident(ref.schema), table: ident(ref.table) });
  }

  /** CREATE TABLE <ref> (<columns>), remembered for cleanup. `columns` is built from constants only. */
  async create(ref: TableRef, columns: string): Promise<string> {
    const sql = await this.tableSql(ref);
    this.created.push(ref);
    await this.exec(`CREATE TABLE ${sql} (${columns})`);
    return sql;
  }

  async insert(tableSql: string, columns: readonly string[], rows: readonly (readonly SqlParam[])[]): Promise<void> {
    const marks = `(${columns.map(() => "?").join(", ")})`;
    await this.exec(`INSERT INTO ${tableSql} (${columns.map(ident).join(", ")}) VALUES ${rows.map(() => marks).join(", ")}`, rows.flat());
  }

  async exec(sql: string, params: readonly SqlParam[] = []): Promise<number | null | undefined> {
    const r = await this.o.call("execute_statement", params.length > 0 ? { sql, params: [...params] } : { sql });
    return r.rows_affected;
  }

  query(sql: string, params: readonly SqlParam[] = []): Promise<ExecuteQueryResult> {
    return this.o.call("execute_query", params.length > 0 ? { sql, params: [...params] } : { sql });
  }

  /** A statement for cleanup() to run after the tables are dropped, e.g. DROP SCHEMA. */
  cleanupWith(sql: string): void {
    this.statements.push(sql);
  }

  /** Drops every table created so far, then runs the cleanup statements; failures are ignored (the adapter may be what is broken). */
  async cleanup(timeoutMs: number): Promise<void> {
    for (const ref of this.created.splice(0).reverse()) {
      try {
        const sql = this.o.adapterDialect ? await this.tableSql(ref) : this.o.builtin.tableRef({ ...(ref.catalog ? { catalog: ref.catalog } : {}), schema: ref.schema, table: ref.table });
        await this.o.call("execute_statement", { sql: `DROP TABLE IF EXISTS ${sql}` }, timeoutMs);
      } catch {
        // best effort
      }
    }
    for (const sql of this.statements.splice(0).reverse()) {
      await this.o.call("execute_statement", { sql }, timeoutMs).catch(() => undefined);
    }
  }

  /** Forgets what was created, when the adapter restarted and lost it. */
  forget(): void {
    this.created.length = 0;
    this.statements.length = 0;
  }
}
