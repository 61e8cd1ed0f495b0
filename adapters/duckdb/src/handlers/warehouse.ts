import type { DuckDBValue } from "@duckdb/node-api";
import type { AdapterHandlers } from "@rocky/protocol";
import { notFound } from "../adapter-errors.js";
import type { DuckDbDatabase } from "../duckdb-database.js";
import { quoteTableRef } from "../identifiers.js";
import { statementResult } from "../run-batch.js";
import { tableColumns } from "../table-columns.js";

/** execute_statement, execute_batch, execute_query, describe_table, table_exists. */
export function warehouseHandlers(db: () => DuckDbDatabase): AdapterHandlers {
  return {
    execute_statement: (params, ctx) =>
      db().use(ctx.signal, async (c) => statementResult(await c.run(params.sql, (params.params ?? []) as DuckDBValue[]))),

    execute_batch: async (params, ctx) => ({ results: await db().batch(ctx.signal, params.statements, params.transaction ?? true) }),

    execute_query: (params, ctx) => db().query(ctx.signal, params.sql, params.params),

    describe_table: async (ref, ctx) => {
      const columns = await tableColumns(db(), ctx.signal, ref);
      if (!columns) throw notFound(`Table ${quoteTableRef(ref)} does not exist`);
      return { columns };
    },

    table_exists: async (ref, ctx) => ({ exists: (await tableColumns(db(), ctx.signal, ref)) !== undefined }),
  };
}
