// The {{name}} adapter: one handler per protocol method. Fill in the stubs one at a time (README.md).
import { notImplemented, type ColumnInfo, type GovernanceTarget, type QueryResult, type SqlParam, type TableRef } from "./protocol.js";
import type { Handlers } from "./server.js";

interface Statement {
  readonly sql: string;
  /** Bound to the `?` placeholders in order. */
  readonly params?: SqlParam[];
}

export function create{{Name}}Adapter(): Handlers {
  // Your connection settings, from config.json locally or [adapter.<name>] in rocky.toml.
  let config: Record<string, unknown> = {};
  return {
    /** Connect with `config` (validated against config_schema in manifest.json); throw AdapterError(ErrorCode.InvalidConfig, ...) if it cannot work. */
    initialize(c) {
      config = c;
    },
    /** Release connections; called once when Rocky closes stdin. */
    close() {
      config = {};
    },

    // warehouse (required) ------------------------------------------------------------------
    /** Run DDL or DML: return { rows_affected } (a number, or null when unknown). */
    execute_statement: (_p: Statement): { rows_affected: number | null } => {
      throw notImplemented("execute_statement");
    },
    /** Run a query: { columns: [names], rows: [[JSON values]] }. */
    execute_query: (_p: Statement): QueryResult => {
      throw notImplemented("execute_query");
    },
    /** { columns: [{ name, data_type, nullable }] } in order; AdapterError(ErrorCode.NotFound, ...) for a missing table. */
    describe_table: (_ref: TableRef): { columns: ColumnInfo[] } => {
      throw notImplemented("describe_table");
    },
    /** { exists: true | false }; a missing schema is false, not an error. */
    table_exists: (_ref: TableRef): { exists: boolean } => {
      throw notImplemented("table_exists");
    },

    // optional: set the capability to true in manifest.json, then implement ---------------------
    /** create_schema: CREATE SCHEMA IF NOT EXISTS; answer {}. */
    "schema/create": (_p: { catalog: string; schema: string }) => {
      throw notImplemented("schema/create");
    },
    /** create_catalog: create it if missing; answer {}. */
    "catalog/create": (_p: { catalog: string }) => {
      throw notImplemented("catalog/create");
    },
    /** discovery: { schemas: [{ catalog, schema, tables: [{ name, row_count? }] }] } for schemas starting with schema_prefix. */
    "discovery/list": (_p: { catalog?: string; schema_prefix?: string }) => {
      throw notImplemented("discovery/list");
    },
    /** governance: tag the target; answer {}. */
    "governance/set_tags": (_p: { target: GovernanceTarget; tags: Record<string, string> }) => {
      throw notImplemented("governance/set_tags");
    },
    /** governance: { grants: [{ principal, privilege }] }. */
    "governance/get_grants": (_p: { target: GovernanceTarget }) => {
      throw notImplemented("governance/get_grants");
    },
    /** batch_checks: { counts: [{ catalog, schema, table, row_count }] }. */
    "checks/row_counts": (_p: { tables: TableRef[] }) => {
      throw notImplemented("checks/row_counts");
    },
    /** batch_checks: { results: [{ catalog, schema, table, column, max_value }] }, max_value null for an empty table. */
    "checks/freshness": (_p: { tables: (TableRef & { column: string })[] }) => {
      throw notImplemented("checks/freshness");
    },
    /** dialect: { sql } for the table, e.g. '"schema"."table"'. */
    "dialect/format_table_ref": (_ref: TableRef) => {
      throw notImplemented("dialect/format_table_ref");
    },
    /** dialect: { sql: 'WHERE <column> > <one ? placeholder read as a timestamp>' }. */
    "dialect/watermark_where": (_p: { column: string }) => {
      throw notImplemented("dialect/watermark_where");
    },
    /** dialect: { sql } hashing the columns, equal for equal rows. */
    "dialect/row_hash": (_p: { columns: string[] }) => {
      throw notImplemented("dialect/row_hash");
    },
    /** query_paging: { cursor, columns }; then query/fetch { cursor, max_rows? } → { rows, done } and query/close { cursor } → {}. */
    "query/open": (_p: Statement & { batch_rows?: number }) => {
      throw notImplemented("query/open");
    },
    "query/fetch": (_p: { cursor: string; max_rows?: number }) => {
      throw notImplemented("query/fetch");
    },
    "query/close": (_p: { cursor: string }) => {
      throw notImplemented("query/close");
    },
  };
}
