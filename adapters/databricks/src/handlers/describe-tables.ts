import type { ColumnInfo, DescribedTable, TableRef } from "@rocky/protocol";
import { quoteTableRef } from "../identifiers.js";
import type { Runtime } from "../runtime.js";
import { readAll } from "../statement-runner.js";

/** Tables per UNION ALL query, as the original Rocky batches its metadata queries. */
export const BATCH_TABLES = 200;

/** Splits `items` into batches of at most `size`. */
export function batches<T>(items: readonly T[], size = BATCH_TABLES): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A catalog condition: the named catalog, or the session's current one when the catalog is "". */
export function catalogCondition(column: string, catalog: string, params: string[]): string {
  if (catalog === "") return `lower(${column}) = lower(current_catalog())`;
  params.push(catalog);
  return `lower(${column}) = lower(?)`;
}

/**
 * Columns of many tables from `system.information_schema.columns`: one query per 200 tables whose WHERE names them all
 * (one scan of the view, where a UNION ALL of 200 lookups scans it 200 times), the queries running concurrently within
 * the AIMD window. A table without columns does not exist.
 * https://docs.databricks.com/en/sql/language-manual/information-schema/columns.html
 */
export async function describeTables(rt: Runtime, refs: readonly TableRef[], signal: AbortSignal): Promise<DescribedTable[]> {
  for (const ref of refs) quoteTableRef(ref);
  const found = new Map<string, ColumnInfo[]>();
  const key = (catalog: string, schema: string, table: string) => `${catalog}\u0000${schema}\u0000${table}`.toLowerCase();
  let current = "";
  await Promise.all(
    batches(refs).map(async (batch) => {
      const params: string[] = [];
      const tables = batch.map((ref) => {
        const where = [catalogCondition("table_catalog", ref.catalog, params), "lower(table_schema) = lower(?)", "lower(table_name) = lower(?)"];
        params.push(ref.schema, ref.table);
        return `(${where.join(" AND ")})`;
      });
      const sql = `SELECT lower(current_catalog()), table_catalog, table_schema, table_name, column_name, full_data_type, is_nullable
        FROM system.information_schema.columns
        WHERE ${tables.join("\n  OR ")}
        ORDER BY table_catalog, table_schema, table_name, ordinal_position`;
      const rows = await readAll(await rt.runner.run(sql, params, signal), signal);
      for (const [cur, catalog, schema, table, name, type, nullable] of rows) {
        current = String(cur);
        const k = key(String(catalog), String(schema), String(table));
        const columns = found.get(k) ?? [];
        columns.push({ name: String(name), data_type: String(type), nullable: nullable !== "NO" });
        found.set(k, columns);
      }
    }),
  );
  return refs.map((ref) => {
    const columns = found.get(key(ref.catalog === "" ? current : ref.catalog, ref.schema, ref.table));
    return { ...ref, exists: columns !== undefined, columns: columns ?? [] };
  });
}
