import type { DuckDBValue } from "@duckdb/node-api";
import type { AdapterHandlers, TableRef } from "@rocky/protocol";
import { notFound } from "../adapter-errors.js";
import type { DuckDbDatabase } from "../duckdb-database.js";
import { quoteTableRef } from "../identifiers.js";
import { statementResult } from "../run-batch.js";

// An empty catalog means the main database; DuckDB matches identifiers case-insensitively.
const WHERE_TABLE =
  "lower(table_catalog) = lower(coalesce(nullif(?, ''), current_database())) AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?)";

const refParams = (ref: TableRef) => {
  quoteTableRef(ref);
  return [ref.catalog, ref.schema, ref.table];
};

/** execute_statement, execute_batch, execute_query, describe_table, table_exists. */
export function warehouseHandlers(db: () => DuckDbDatabase): AdapterHandlers {
  return {
    execute_statement: (params, ctx) =>
      db().use(ctx.signal, async (c) => statementResult(await c.run(params.sql, (params.params ?? []) as DuckDBValue[]))),

    execute_batch: async (params, ctx) => ({ results: await db().batch(ctx.signal, params.statements, params.transaction ?? true) }),

    execute_query: (params, ctx) => db().query(ctx.signal, params.sql, params.params),

    describe_table: async (ref, ctx) => {
      const { rows } = await db().query(
        ctx.signal,
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE ${WHERE_TABLE} ORDER BY ordinal_position`,
        refParams(ref),
      );
      if (rows.length === 0) throw notFound(`Table ${quoteTableRef(ref)} does not exist`);
      return { columns: rows.map(([name, type, nullable]) => ({ name: String(name), data_type: String(type), nullable: nullable === "YES" })) };
    },

    table_exists: async (ref, ctx) => {
      const { rows } = await db().query(ctx.signal, `SELECT count(*) FROM information_schema.tables WHERE ${WHERE_TABLE}`, refParams(ref));
      return { exists: rows[0]?.[0] !== 0 };
    },
  };
}
