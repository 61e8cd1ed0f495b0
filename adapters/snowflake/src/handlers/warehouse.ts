import { AdapterServerError, ErrorCodes, type AdapterHandlers, type TableRef } from "@rocky/protocol";
import { informationSchema, storedName, tableRef } from "../identifiers.js";
import { rowsAffected, type WarehouseSession } from "../warehouse-session.js";

/** execute_statement, execute_query, describe_table, table_exists. */
export function warehouseHandlers(session: () => WarehouseSession): AdapterHandlers {
  const columnsOf = async (ref: TableRef, signal: AbortSignal) => {
    const sql = `SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM ${informationSchema(ref.catalog)}.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`;
    const params = [storedName(ref.schema, "schema name"), storedName(ref.table, "table name")];
    try {
      return (await session().query(sql, params, signal)).rows;
    } catch (error) {
      // A catalog that does not exist has no INFORMATION_SCHEMA: the table does not exist either.
      if (error instanceof AdapterServerError && (error.data as { not_found?: boolean } | undefined)?.not_found && ref.catalog !== "") return [];
      throw error;
    }
  };
  return {
    execute_statement: async (params, ctx) => ({ rows_affected: rowsAffected(await session().statement(params.sql, params.params, ctx.signal)) }),

    execute_query: (params, ctx) => session().query(params.sql, params.params, ctx.signal),

    describe_table: async (ref, ctx) => {
      const rows = await columnsOf(ref, ctx.signal);
      if (rows.length === 0) throw new AdapterServerError(ErrorCodes.NotFound, `Table ${tableRef(ref)} does not exist or is not authorized`, { code: "NOT_FOUND" });
      return { columns: rows.map(([name, type, nullable]) => ({ name: String(name), data_type: String(type), nullable: nullable === "YES" })) };
    },

    table_exists: async (ref, ctx) => ({ exists: (await columnsOf(ref, ctx.signal)).length > 0 }),
  };
}
