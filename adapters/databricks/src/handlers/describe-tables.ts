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
 * Columns of many tables from `system.information_schema.columns`, one UNION ALL query per 200 tables, the queries
 * running concurrently within the AIMD window. A table without columns does not exist.
 * https://docs.databricks.com/en/sql/language-manual/information-schema/columns.html
 */
export async function describeTables(rt: Runtime, refs: readonly TableRef[], signal: AbortSignal): Promise<DescribedTable[]> {
  for (const ref of refs) quoteTableRef(ref);
  const found = new Map<number, ColumnInfo[]>();
  await Promise.all(
    batches(refs.map((ref, i) => ({ ref, i }))).map(async (batch) => {
      const params: string[] = [];
      const branches = batch.map(({ ref, i }) => {
        const where = [catalogCondition("table_catalog", ref.catalog, params), "lower(table_schema) = lower(?)", "lower(table_name) = lower(?)"];
        params.push(ref.schema, ref.table);
        return `SELECT ${i} AS idx, column_name, full_data_type, is_nullable, ordinal_position FROM system.information_schema.columns WHERE ${where.join(" AND ")}`;
      });
      const sql = `${branches.join("\nUNION ALL\n")}\nORDER BY idx, ordinal_position`;
      const rows = await readAll(await rt.runner.run(sql, params, signal), signal);
      for (const [idx, name, type, nullable] of rows) {
        const columns = found.get(Number(idx)) ?? [];
        columns.push({ name: String(name), data_type: String(type), nullable: nullable !== "NO" });
        found.set(Number(idx), columns);
      }
    }),
  );
  return refs.map((ref, i) => ({ ...ref, exists: found.has(i), columns: found.get(i) ?? [] }));
}
