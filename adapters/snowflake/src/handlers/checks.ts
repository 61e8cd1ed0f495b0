import type { AdapterHandlers } from "@rocky/protocol";
import { ident, tableRef } from "../identifiers.js";
import type { WarehouseSession } from "../warehouse-session.js";

/** checks/row_counts and checks/freshness, each one UNION ALL query for all the tables. */
export function checksHandlers(session: () => WarehouseSession): AdapterHandlers {
  return {
    "checks/row_counts": async (params, ctx) => {
      if (params.tables.length === 0) return { counts: [] };
      const sql = params.tables.map((t, i) => `SELECT ${i} AS I, COUNT(*) AS N FROM ${tableRef(t)}`).join("\nUNION ALL\n");
      const { rows } = await session().query(sql, undefined, ctx.signal);
      const counts = new Map(rows.map(([i, n]) => [Number(i), n]));
      return { counts: params.tables.map((t, i) => ({ ...t, row_count: Number(counts.get(i) ?? 0) })) };
    },

    "checks/freshness": async (params, ctx) => {
      if (params.tables.length === 0) return { results: [] };
      const sql = params.tables.map((t, i) => `SELECT ${i} AS I, MAX(${ident(t.column, "column name")}) AS V FROM ${tableRef(t)}`).join("\nUNION ALL\n");
      const { rows } = await session().query(sql, undefined, ctx.signal);
      const latest = new Map(rows.map(([i, v]) => [Number(i), v === null || v === undefined ? null : String(v)]));
      return { results: params.tables.map((t, i) => ({ ...t, max_value: latest.get(i) ?? null })) };
    },
  };
}
