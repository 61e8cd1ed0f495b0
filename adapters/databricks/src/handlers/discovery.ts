import type { AdapterHandlers, DiscoveredSchema } from "@rocky/protocol";
import type { Runtime } from "../runtime.js";
import { readAll } from "../statement-runner.js";
import { catalogCondition } from "./describe-tables.js";

/**
 * discovery/list from Unity Catalog's information_schema: every schema (but information_schema itself) of every
 * catalog the principal can see, with its tables and views.
 * https://docs.databricks.com/en/sql/language-manual/information-schema/schemata.html and .../tables.html
 */
export function discoveryHandlers(rt: () => Runtime): AdapterHandlers {
  return {
    "discovery/list": async (params, ctx) => {
      const values: string[] = [];
      const where = ["s.schema_name <> 'information_schema'", "s.catalog_name <> 'system'"];
      if (params.catalog !== undefined) where.push(catalogCondition("s.catalog_name", params.catalog, values));
      if (params.schema_prefix !== undefined) {
        where.push("left(s.schema_name, length(?)) = ?");
        values.push(params.schema_prefix, params.schema_prefix);
      }
      const sql = `SELECT s.catalog_name, s.schema_name, t.table_name, t.table_type
        FROM system.information_schema.schemata s
        LEFT JOIN system.information_schema.tables t ON t.table_catalog = s.catalog_name AND t.table_schema = s.schema_name
        WHERE ${where.join(" AND ")}
        ORDER BY 1, 2, 3`;
      const rows = await readAll(await rt().runner.run(sql, values, ctx.signal), ctx.signal);
      const schemas = new Map<string, DiscoveredSchema>();
      for (const [catalog, schema, table, type] of rows) {
        const key = `${String(catalog)}.${String(schema)}`;
        let entry = schemas.get(key);
        if (!entry) schemas.set(key, (entry = { catalog: String(catalog), schema: String(schema), tables: [] }));
        if (table === null) continue;
        entry.tables.push({ name: String(table), type: /VIEW/i.test(String(type)) ? "view" : "table" });
      }
      return { schemas: [...schemas.values()] };
    },
  };
}
