import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { nowMs } from "../lib/stats.js";

export interface ProxyRequest {
  readonly id: number | string;
  readonly method: string;
  readonly start: number;
  readonly end?: number;
  readonly params?: { sql?: string; params?: unknown[]; catalog?: string; schema?: string };
  readonly error?: string;
}

export interface ProxyLog {
  readonly spawnedAt: number;
  readonly exitedAt: number;
  readonly requests: ProxyRequest[];
}

/** Total time covered by at least one of the intervals (concurrent requests counted once), in ms. */
export function busyUnion(requests: readonly ProxyRequest[]): number {
  const spans = requests.filter((r) => r.end !== undefined).map((r) => [r.start, r.end as number] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [Number.NaN, Number.NaN];
  for (const [s, e] of spans) {
    if (Number.isNaN(from) || s > to) {
      if (!Number.isNaN(from)) total += to - from;
      [from, to] = [s, e];
    } else to = Math.max(to, e);
  }
  return Number.isNaN(from) ? 0 : total + (to - from);
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * Replays the run's SQL, in the order it reached the adapter, on one in-process DuckDB opened on `dataDir` (a copy of the
 * project's data taken before the run): the main *.duckdb file, with catalogs/*.duckdb attached as the DuckDB adapter does.
 * Returns the summed execution time; results are read to the end.
 */
export async function replaySql(requests: readonly ProxyRequest[], dataDir: string): Promise<{ ms: number; statements: number; failed: number; firstError?: string }> {
  const main = readdirSync(dataDir).find((f) => f.endsWith(".duckdb"));
  if (!main) throw new Error(`No .duckdb file in ${dataDir}`);
  const catalogs = join(dataDir, "catalogs");
  mkdirSync(catalogs, { recursive: true });
  const instance = await DuckDBInstance.create(join(dataDir, main));
  const conn = await instance.connect();
  for (const f of readdirSync(catalogs).filter((f) => f.endsWith(".duckdb")).sort()) {
    await conn.run(`ATTACH IF NOT EXISTS ${quote(join(catalogs, f))} AS ${ident(f.slice(0, -".duckdb".length))}`);
  }
  let ms = 0;
  let statements = 0;
  let failed = 0;
  let firstError: string | undefined;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    const p = r.params ?? {};
    let sql: string | undefined;
    let read = false;
    if ((r.method === "execute_statement" || r.method === "execute_query" || r.method === "query/open") && p.sql) {
      sql = p.sql;
      read = r.method !== "execute_statement";
    } else if (r.method === "catalog/create" && p.catalog) sql = `ATTACH IF NOT EXISTS ${quote(join(catalogs, `${p.catalog}.duckdb`))} AS ${ident(p.catalog)}`;
    else if (r.method === "schema/create" && p.catalog && p.schema) sql = `CREATE SCHEMA IF NOT EXISTS ${ident(p.catalog)}.${ident(p.schema)}`;
    if (!sql) continue;
    statements++;
    const t0 = nowMs();
    try {
      const values = (p.params ?? []) as DuckDBValue[];
      if (read) (await conn.runAndReadAll(sql, values)).getRows();
      else await conn.run(sql, values);
    } catch (err) {
      failed++;
      firstError ??= `${(err as Error).message.split("\n")[0]} in ${sql.slice(0, 120)}`;
    }
    ms += nowMs() - t0;
  }
  conn.closeSync();
  instance.closeSync();
  return { ms, statements, failed, ...(firstError ? { firstError } : {}) };
}
