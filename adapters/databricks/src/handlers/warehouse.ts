import { AdapterServerError, ErrorCodes, type AdapterHandlers } from "@rocky/protocol";
import { quoteTableRef } from "../identifiers.js";
import type { Runtime } from "../runtime.js";
import { readAll } from "../statement-runner.js";
import { describeTables } from "./describe-tables.js";

/** execute_statement, execute_query, describe_table, describe_tables, table_exists. */
export function warehouseHandlers(rt: () => Runtime): AdapterHandlers {
  return {
    execute_statement: async (params, ctx) => {
      const result = await rt().runner.run(params.sql, params.params, ctx.signal);
      // DML answers num_affected_rows (and num_inserted_rows) in its first row; other results are not read.
      if (result.columns[0]?.name !== "num_affected_rows") return {};
      const affected = (await result.next(ctx.signal)).rows[0]?.[0];
      return typeof affected === "number" ? { rows_affected: affected } : {};
    },

    execute_query: async (params, ctx) => {
      const result = await rt().runner.run(params.sql, params.params, ctx.signal);
      return { columns: result.columns.map((c) => c.name), column_types: result.columns.map((c) => c.type_text ?? c.type_name ?? "STRING"), rows: await readAll(result, ctx.signal) };
    },

    describe_table: async (ref, ctx) => {
      const [described] = await describeTables(rt(), [ref], ctx.signal);
      if (!described?.exists) throw new AdapterServerError(ErrorCodes.NotFound, `Table ${quoteTableRef(ref)} does not exist`, { code: "NOT_FOUND" });
      return { columns: described.columns };
    },

    describe_tables: async (params, ctx) => ({ tables: await describeTables(rt(), params.tables, ctx.signal) }),

    table_exists: async (ref, ctx) => {
      const [described] = await describeTables(rt(), [ref], ctx.signal);
      return { exists: described?.exists ?? false };
    },
  };
}
