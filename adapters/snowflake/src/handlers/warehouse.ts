import { AdapterServerError, ErrorCodes, type AdapterHandlers, type ColumnInfo, type TableRef } from "@rocky/protocol";
import { informationSchema, storedName, tableRef } from "../identifiers.js";
import { rowsAffected, type WarehouseSession } from "../warehouse-session.js";

const toColumn = ([name, type, nullable]: unknown[]): ColumnInfo => ({ name: String(name), data_type: String(type), nullable: nullable === "YES" });

/** execute_statement, execute_query, describe_table, describe_tables (INFORMATION_SCHEMA queries per catalog), table_exists. */
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
      return { columns: rows.map(toColumn) };
    },

    describe_tables: async (params, ctx) => {
      const found = new Map<string, ColumnInfo[]>();
      const key = (catalog: string, schema: string, table: string) => `${catalog}\u0000${schema}\u0000${table}`;
      // One query per catalog and up to 500 tables (INFORMATION_SCHEMA is per database).
      const groups: TableRef[][] = [];
      for (const catalog of new Set(params.tables.map((t) => t.catalog))) {
        const refs = params.tables.filter((t) => t.catalog === catalog);
        for (let from = 0; from < refs.length; from += 500) groups.push(refs.slice(from, from + 500));
      }
      await Promise.all(
        groups.map(async (refs) => {
          const catalog = (refs[0] as TableRef).catalog;
          const schemas = [...new Set(refs.map((t) => storedName(t.schema, "schema name")))];
          const tables = [...new Set(refs.map((t) => storedName(t.table, "table name")))];
          const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
          const sql =
            `SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM ${informationSchema(catalog)}.COLUMNS ` +
            `WHERE TABLE_SCHEMA IN (${marks(schemas.length)}) AND TABLE_NAME IN (${marks(tables.length)}) ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`;
          let rows: unknown[][];
          try {
            rows = (await session().query(sql, [...schemas, ...tables], ctx.signal)).rows;
          } catch (error) {
            if (error instanceof AdapterServerError && (error.data as { not_found?: boolean } | undefined)?.not_found && catalog !== "") return;
            throw error;
          }
          for (const [schema, table, ...column] of rows) {
            const k = key(catalog, String(schema), String(table));
            found.set(k, [...(found.get(k) ?? []), toColumn(column)]);
          }
        }),
      );
      return {
        tables: params.tables.map((t) => {
          const columns = found.get(key(t.catalog, t.schema.toUpperCase(), t.table.toUpperCase())) ?? [];
          return { ...t, exists: columns.length > 0, columns };
        }),
      };
    },

    table_exists: async (ref, ctx) => ({ exists: (await columnsOf(ref, ctx.signal)).length > 0 }),
  };
}
