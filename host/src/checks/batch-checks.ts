import { Methods, type FreshnessTarget, type TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { queryNumbers } from "./check-sql.js";

/** Tables per checks/row_counts or checks/freshness request, as the original's Databricks batches (DEFAULT_BATCH_SIZE). */
export const CHECK_BATCH_SIZE = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHECK_BATCH_SIZE) out.push(items.slice(i, i + CHECK_BATCH_SIZE));
  return out;
}

/** Row counts by tableKey: checks/row_counts in batches where the adapter declares batch_checks, else one COUNT(*) each. */
export async function rowCounts(client: AdapterClient, refs: readonly TableRef[], d: Dialect): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (client.has("batch_checks")) {
    for (const chunk of chunks(refs)) {
      const result = await client.request(Methods.checksRowCounts, { tables: chunk.map((r) => ({ catalog: r.catalog, schema: r.schema, table: r.table })) });
      for (const c of result.counts) counts.set(tableKey(c), Number(c.row_count));
    }
    return counts;
  }
  for (const ref of refs) {
    const [n] = await queryNumbers(client, { sql: `SELECT COUNT(*) FROM ${d.tableRef(ref)}`, params: [] });
    counts.set(tableKey(ref), n ?? 0);
  }
  return counts;
}

/** The latest value of each table's timestamp column, by tableKey; checks/freshness in batches where declared. */
export async function latestValues(client: AdapterClient, targets: readonly FreshnessTarget[], d: Dialect): Promise<Map<string, string | null>> {
  const latest = new Map<string, string | null>();
  if (client.has("batch_checks")) {
    for (const chunk of chunks(targets)) {
      const result = await client.request(Methods.checksFreshness, { tables: chunk.map((t) => ({ catalog: t.catalog, schema: t.schema, table: t.table, column: t.column })) });
      for (const r of result.results) latest.set(tableKey(r), r.max_value);
    }
    return latest;
  }
  for (const t of targets) {
    const { rows } = await client.query(`SELECT CAST(MAX(${d.quote(t.column, "column name")}) AS ${d.stringType()}) FROM ${d.tableRef(t)}`);
    const v = rows[0]?.[0];
    latest.set(tableKey(t), v === null || v === undefined ? null : String(v));
  }
  return latest;
}

/** Seconds from a warehouse timestamp (read as UTC when it carries no zone) to `now`. */
export function lagSeconds(value: string, now: Date): number | null {
  const iso = value.trim().replace(" ", "T");
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : Math.max(0, Math.round((now.getTime() - ms) / 1000));
}
