import type { AdapterHandlers } from "@rocky/protocol";
import { quoteIdentifier, quoteTableRef } from "../identifiers.js";
import type { Runtime } from "../runtime.js";
import { readAll } from "../statement-runner.js";
import { protocolTimestamp } from "../values.js";
import { batches } from "./describe-tables.js";

/** checks/row_counts and checks/freshness: UNION ALL queries of at most 200 tables, run concurrently within the AIMD window. */
export function checksHandlers(rt: () => Runtime): AdapterHandlers {
  const perTable = async <T extends { catalog: string; schema: string; table: string }>(
    tables: readonly T[],
    select: (t: T) => string,
    signal: AbortSignal,
  ): Promise<Map<number, unknown>> => {
    const values = new Map<number, unknown>();
    const indexed = tables.map((t, i) => ({ t, i, sql: `SELECT ${i} AS idx, ${select(t)} AS v FROM ${quoteTableRef(t)}` }));
    await Promise.all(
      batches(indexed).map(async (batch) => {
        const rows = await readAll(await rt().runner.run(batch.map((b) => b.sql).join("\nUNION ALL\n"), [], signal), signal);
        for (const [idx, v] of rows) values.set(Number(idx), v);
      }),
    );
    return values;
  };
  return {
    "checks/row_counts": async (params, ctx) => {
      const counts = await perTable(params.tables, () => "count(*)", ctx.signal);
      return { counts: params.tables.map((t, i) => ({ ...t, row_count: Number(counts.get(i) ?? 0) })) };
    },

    "checks/freshness": async (params, ctx) => {
      const latest = await perTable(params.tables, (t) => `CAST(max(${quoteIdentifier(t.column, "column name")}) AS STRING)`, ctx.signal);
      return {
        results: params.tables.map((t, i) => {
          const v = latest.get(i);
          return { ...t, max_value: v === null || v === undefined ? null : protocolTimestamp(String(v)) };
        }),
      };
    },
  };
}
