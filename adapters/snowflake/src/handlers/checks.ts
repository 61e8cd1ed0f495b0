import type { AdapterHandlers } from "@rocky/protocol";
import { ident, tableRef } from "../identifiers.js";
import type { WarehouseSession } from "../warehouse-session.js";

/** Tables per UNION ALL query, as the original Rocky batches its checks. */
const CHUNK = 200;

/** One UNION ALL query per CHUNK tables, `part(table, index)` selecting (I, value); the rows of every chunk, concurrently (the AIMD window bounds them). */
async function unionAll<T>(session: WarehouseSession, tables: readonly T[], part: (t: T, i: number) => string, signal: AbortSignal): Promise<Map<number, unknown>> {
  const chunks: string[] = [];
  for (let from = 0; from < tables.length; from += CHUNK) {
    chunks.push(tables.slice(from, from + CHUNK).map((t, j) => part(t, from + j)).join("\nUNION ALL\n"));
  }
  const results = await Promise.all(chunks.map((sql) => session.query(sql, undefined, signal)));
  return new Map(results.flatMap((r) => r.rows.map(([i, v]) => [Number(i), v] as const)));
}

/** checks/row_counts and checks/freshness: UNION ALL queries of up to 200 tables each. */
export function checksHandlers(session: () => WarehouseSession): AdapterHandlers {
  return {
    "checks/row_counts": async (params, ctx) => {
      if (params.tables.length === 0) return { counts: [] };
      const counts = await unionAll(session(), params.tables, (t, i) => `SELECT ${i} AS I, COUNT(*) AS N FROM ${tableRef(t)}`, ctx.signal);
      return { counts: params.tables.map((t, i) => ({ ...t, row_count: Number(counts.get(i) ?? 0) })) };
    },

    "checks/freshness": async (params, ctx) => {
      if (params.tables.length === 0) return { results: [] };
      const latest = await unionAll(session(), params.tables, (t, i) => `SELECT ${i} AS I, MAX(${ident(t.column, "column name")}) AS V FROM ${tableRef(t)}`, ctx.signal);
      return { results: params.tables.map((t, i) => ({ ...t, max_value: latest.get(i) === null || latest.get(i) === undefined ? null : String(latest.get(i)) })) };
    },
  };
}
