import type { AdapterHandlers } from "@rocky/protocol";
import type { DuckDbDatabase } from "../duckdb-database.js";
import { quoteIdentifier, quoteTableRef } from "../identifiers.js";
import { normalizeTimestamp } from "../json-values.js";

/** checks/row_counts and checks/freshness, each one UNION ALL query for all tables. */
export function checksHandlers(db: () => DuckDbDatabase): AdapterHandlers {
  return {
    "checks/row_counts": async (params, ctx) => {
      if (params.tables.length === 0) return { counts: [] };
      const sql = params.tables.map((t, i) => `SELECT ${i} AS i, count(*) AS n FROM ${quoteTableRef(t)}`).join("\nUNION ALL\n");
      const { rows } = await db().query(ctx.signal, sql);
      const counts = new Map(rows.map(([i, n]) => [Number(i), Number(n)]));
      return { counts: params.tables.map((t, i) => ({ ...t, row_count: counts.get(i) ?? 0 })) };
    },

    "checks/freshness": async (params, ctx) => {
      if (params.tables.length === 0) return { results: [] };
      const sql = params.tables
        .map((t, i) => `SELECT ${i} AS i, CAST(max(${quoteIdentifier(t.column, "column name")}) AS VARCHAR) AS v FROM ${quoteTableRef(t)}`)
        .join("\nUNION ALL\n");
      const { rows } = await db().query(ctx.signal, sql);
      const latest = new Map(rows.map(([i, v]) => [Number(i), v === null ? null : normalizeTimestamp(String(v))]));
      return { results: params.tables.map((t, i) => ({ ...t, max_value: latest.get(i) ?? null })) };
    },
  };
}
