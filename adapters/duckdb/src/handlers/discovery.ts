import type { AdapterHandlers, DiscoveredSchema, SqlParam } from "@rocky/protocol";
import type { DuckDbDatabase } from "../duckdb-database.js";

const SYSTEM_CATALOGS = "('system', 'temp')";
const SYSTEM_SCHEMAS = "('information_schema', 'pg_catalog')";

/** discovery/list: every schema of every attached catalog with its tables and views; row counts from DuckDB's table statistics. */
export function discoveryHandlers(db: () => DuckDbDatabase): AdapterHandlers {
  return {
    "discovery/list": async (params, ctx) => {
      const filters: string[] = [];
      const values: SqlParam[] = [];
      if (params.catalog !== undefined) {
        filters.push("lower(s.database_name) = lower(?)");
        values.push(params.catalog);
      }
      if (params.schema_prefix !== undefined) {
        filters.push("starts_with(s.schema_name, ?)");
        values.push(params.schema_prefix);
      }
      const sql = `
        SELECT s.database_name, s.schema_name, t.table_name, t.table_type, d.estimated_size
        FROM duckdb_schemas() s
        LEFT JOIN information_schema.tables t ON t.table_catalog = s.database_name AND t.table_schema = s.schema_name
        LEFT JOIN duckdb_tables() d ON d.database_name = t.table_catalog AND d.schema_name = t.table_schema AND d.table_name = t.table_name
        WHERE s.database_name NOT IN ${SYSTEM_CATALOGS} AND s.schema_name NOT IN ${SYSTEM_SCHEMAS}
        ${filters.map((f) => `AND ${f}`).join(" ")}
        ORDER BY 1, 2, 3`;
      const { rows } = await db().query(ctx.signal, sql, values);
      const schemas = new Map<string, DiscoveredSchema>();
      for (const [catalog, schema, table, type, size] of rows) {
        const key = `${String(catalog)}.${String(schema)}`;
        let entry = schemas.get(key);
        if (!entry) {
          entry = { catalog: String(catalog), schema: String(schema), tables: [] };
          schemas.set(key, entry);
        }
        if (table === null) continue;
        const view = type === "VIEW";
        entry.tables.push({ name: String(table), row_count: view || size === null ? null : Number(size), type: view ? "view" : "table" });
      }
      return { schemas: [...schemas.values()] };
    },
  };
}
