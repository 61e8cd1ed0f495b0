import type { AssertionConfig, CheckResult, ChecksConfig, TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Dialect } from "../sql/dialect.js";
import { tableKey } from "../state/state-store.js";
import { mapConcurrent } from "../pipeline/map-concurrent.js";
import { lagSeconds, latestValues, rowCounts } from "./batch-checks.js";
import { evaluate, matchesTables, severityOf, type CheckIdentity, type CheckVerdict } from "./check-spec.js";
import { assertionQuery, customQuery, nullCountsQuery, queryNumbers } from "./check-sql.js";
import { anomalyVerdict, DEFAULT_ANOMALY_THRESHOLD_PCT, type RowCountHistory } from "./row-count-history.js";

/** A replicated table to check: its source (null when unknown) and the target columns when already known. */
export interface TableToCheck {
  readonly source: TableRef | null;
  readonly target: TableRef;
  readonly columns: readonly string[] | null;
}

export interface TableChecksOptions {
  readonly config: ChecksConfig;
  /** The pipeline's timestamp_column: freshness's default column. */
  readonly timestampColumn: string;
  readonly tables: readonly TableToCheck[];
  /** The warehouse: it reads the landed source tables too, as the copies do. */
  readonly target: AdapterClient;
  readonly dialect: Dialect;
  /** Read for the anomaly check; undefined turns it off. */
  readonly history?: RowCountHistory | undefined;
  readonly concurrency: number;
  readonly now?: Date;
}

export interface TableChecksResult {
  /** By target tableKey, in configuration order. */
  readonly checks: Map<string, CheckResult[]>;
  /** Target row counts measured (for the anomaly history). */
  readonly counts: Map<string, number>;
}

const has = (columns: readonly string[] | null, column: string) => columns === null || columns.some((c) => c.toLowerCase() === column.toLowerCase());

/** The checks of a replication pipeline: row counts and freshness of all tables batched first, then each table's own queries. */
export async function runTableChecks(o: TableChecksOptions): Promise<TableChecksResult> {
  const c = o.config;
  const out = new Map<string, CheckResult[]>(o.tables.map((t) => [tableKey(t.target), []]));
  if (c.enabled === false || o.tables.length === 0) return { checks: out, counts: new Map() };
  const add = (key: string, result: CheckResult) => out.get(key)?.push(result);
  const anomalyPct = c.anomaly_threshold_pct ?? DEFAULT_ANOMALY_THRESHOLD_PCT;
  const wantCounts = c.row_count !== undefined && c.row_count !== false;
  const counts = await settle(wantCounts || (anomalyPct > 0 && o.history !== undefined) ? rowCounts(o.target, o.tables.map((t) => t.target), o.dialect) : Promise.resolve(new Map<string, number>()));

  if (wantCounts) {
    const sources = o.tables.flatMap((t) => (t.source ? [t.source] : []));
    const sourceCounts = await settle(rowCounts(o.target, sources, o.dialect));
    const tolerance = typeof c.row_count === "object" ? (c.row_count.tolerance_pct ?? 0) : 0;
    const severity = severityOf(typeof c.row_count === "object" ? c.row_count.severity : undefined, "error");
    for (const t of o.tables) {
      const key = tableKey(t.target);
      add(key, await evaluate({ name: "row_count", kind: "row_count", target: key, severity }, () => {
        const target = value(counts, key);
        if (!t.source) return { passed: true, message: `${target} rows (no source to compare with)`, observed: target };
        const source = value(sourceCounts, tableKey(t.source));
        const diff = Math.abs(source - target);
        const allowed = (source * tolerance) / 100;
        return { passed: diff <= allowed, message: `source ${source} rows, target ${target}${diff === 0 ? "" : ` (differ by ${diff}, ${allowed} allowed)`}`, observed: target, threshold: source };
      }));
    }
  }

  if (c.freshness) {
    const f = c.freshness;
    const column = f.column ?? o.timestampColumn;
    const checked = o.tables.filter((t) => has(t.columns, column));
    const latest = await settle(latestValues(o.target, checked.map((t) => ({ ...t.target, column })), o.dialect));
    const severity = severityOf(f.severity, "warn");
    const now = o.now ?? new Date();
    for (const t of checked) {
      const key = tableKey(t.target);
      const override = Object.entries(f.overrides ?? {}).find(([glob]) => matchesTables([glob], t.target.table));
      const limit = override?.[1] ?? f.threshold_seconds;
      add(key, await evaluate({ name: "freshness", kind: "freshness", target: key, severity }, () => {
        const max = value(latest, key);
        if (max === null) return { passed: false, message: `no rows: "${column}" has no latest value`, observed: null, threshold: limit };
        const lag = lagSeconds(max, now);
        if (lag === null) return { passed: false, message: `cannot read "${max}" of "${column}" as a timestamp`, observed: null, threshold: limit };
        return { passed: lag <= limit, message: `latest ${column} ${max}, ${lag}s ago (limit ${limit}s)`, observed: lag, threshold: limit };
      }));
    }
  }

  await mapConcurrent(o.tables, o.concurrency, async (t) => {
    const key = tableKey(t.target);
    for (const result of await perTableChecks(t, o)) add(key, result);
    if (anomalyPct > 0 && o.history) {
      const history = o.history.get(key)?.counts ?? [];
      add(key, await evaluate({ name: "anomaly", kind: "anomaly", target: key, severity: "warn" }, () => anomalyVerdict(value(counts, key), history, anomalyPct)));
    }
  });
  return { checks: out, counts: counts instanceof Error ? new Map() : counts };
}

async function perTableChecks(t: TableToCheck, o: TableChecksOptions): Promise<CheckResult[]> {
  const c = o.config;
  const key = tableKey(t.target);
  const results: CheckResult[] = [];
  const run = async (id: Omit<CheckIdentity, "target">, fn: () => Promise<CheckVerdict>) => void results.push(await evaluate({ ...id, target: key }, fn));

  if (c.column_match !== undefined && c.column_match !== false && t.source) {
    const source = t.source;
    await run({ name: "column_match", kind: "column_match", severity: severityOf(typeof c.column_match === "object" ? c.column_match.severity : undefined, "error") }, async () => {
      const [src, tgt] = await Promise.all([o.target.describeTable(source), o.target.describeTable(t.target)]);
      const targetNames = new Set(tgt.map((col) => col.name.toLowerCase()));
      const sourceNames = new Set(src.map((col) => col.name.toLowerCase()));
      const missing = src.filter((col) => !targetNames.has(col.name.toLowerCase())).map((col) => col.name);
      const extra = tgt.filter((col) => !sourceNames.has(col.name.toLowerCase())).map((col) => col.name);
      const msg = missing.length === 0 ? `all ${src.length} source columns present` : `missing in target: ${missing.join(", ")}`;
      return { passed: missing.length === 0, message: extra.length === 0 ? msg : `${msg}; only in target: ${extra.join(", ")}`, observed: missing.length, threshold: 0 };
    });
  }

  const nr = c.null_rate;
  if (nr && matchesTables(nr.tables, t.target.table)) {
    const columns = nr.columns.filter((col) => has(t.columns, col));
    const sample = (nr.sample_percent ?? 10) < 100 && o.target.has("tablesample") ? (nr.sample_percent ?? 10) : null;
    let numbers: Promise<number[]> | undefined;
    const measure = async () => {
      const sampled = await queryNumbers(o.target, nullCountsQuery(columns, t.target, o.dialect, sample));
      // A sample of a small table can come back empty: then every row is read.
      return sample !== null && sampled[0] === 0 ? queryNumbers(o.target, nullCountsQuery(columns, t.target, o.dialect, null)) : sampled;
    };
    for (const [i, col] of columns.entries()) {
      await run({ name: `null_rate_${col}`, kind: "null_rate", severity: severityOf(nr.severity, "error") }, async () => {
        const [total = 0, ...nonNull] = await (numbers ??= measure());
        const rate = total === 0 ? 0 : (total - (nonNull[i] ?? 0)) / total;
        const rounded = Math.round(rate * 10000) / 10000;
        return { passed: rate <= nr.threshold, message: `${(rate * 100).toFixed(2)}% NULL in ${total} ${sample === null ? "" : "sampled "}rows (limit ${(nr.threshold * 100).toFixed(2)}%)`, observed: rounded, threshold: nr.threshold };
      });
    }
  }

  for (const custom of c.custom ?? []) {
    if (!matchesTables(custom.tables, t.target.table)) continue;
    const limit = custom.threshold ?? 0;
    await run({ name: custom.name, kind: "custom", severity: severityOf(custom.severity, "error") }, async () => {
      const [n = 0] = await queryNumbers(o.target, customQuery(custom, t.target, o.dialect));
      return { passed: n <= limit, message: `${n} row${n === 1 ? "" : "s"} returned (limit ${limit})`, observed: n, threshold: limit };
    });
  }

  for (const a of c.assertions ?? []) {
    if (!matchesTables(a.tables, t.target.table)) continue;
    results.push(await runAssertion(a, t.target, o.target, o.dialect));
  }
  return results;
}

export function assertionName(a: AssertionConfig): string {
  return a.name ?? [a.type, ...(a.columns ?? (a.column === undefined ? [] : [a.column]))].join("_");
}

const CMP_SYMBOLS = { lt: "<", lte: "<=", gt: ">", gte: ">=", eq: "=", ne: "<>" } as const;

function compare(n: number, cmp: keyof typeof CMP_SYMBOLS, value: number): boolean {
  switch (cmp) {
    case "lt":
      return n < value;
    case "lte":
      return n <= value;
    case "gt":
      return n > value;
    case "gte":
      return n >= value;
    case "eq":
      return n === value;
    case "ne":
      return n !== value;
  }
}

/** One assertion (pipeline assertions and model [[tests]] alike): zero offending rows passes; row_count_range holds the count to min..max. */
export function runAssertion(a: AssertionConfig, table: TableRef, client: AdapterClient, d: Dialect): Promise<CheckResult> {
  return evaluate({ name: assertionName(a), kind: a.type, target: tableKey(table), severity: severityOf(a.severity, "error") }, async () => {
    const [n = 0, isNull = 0] = await queryNumbers(client, assertionQuery(a, table, d));
    if (a.type === "aggregate") {
      const expected = `${a.op ?? "sum"}(${a.column ?? ""}) ${CMP_SYMBOLS[a.cmp ?? "eq"]} ${a.value ?? 0}`;
      if (isNull === 1) return { passed: false, message: `${a.op ?? "sum"}(${a.column ?? ""}) is NULL (no rows to aggregate; expected ${expected})`, observed: null };
      return { passed: compare(n, a.cmp ?? "eq", a.value ?? 0), message: `${a.op ?? "sum"}(${a.column ?? ""}) = ${n} (expected ${expected})`, observed: n };
    }
    if (a.type === "row_count_range") {
      const ok = (a.min === undefined || n >= a.min) && (a.max === undefined || n <= a.max);
      return { passed: ok, message: `${n} rows (expected ${a.min ?? "-"}..${a.max ?? "-"})`, observed: n };
    }
    const noun = a.type === "unique" || a.type === "unique_expr" || a.type === "composite" ? "duplicated key" : "offending row";
    return { passed: n === 0, message: n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? "" : "s"}`, observed: n, threshold: 0 };
  });
}

/** A batched measurement that failed fails each check that needed it, with the reason. */
async function settle<T>(p: Promise<T>): Promise<T | Error> {
  try {
    return await p;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function value<V>(m: Map<string, V> | Error, key: string): V {
  if (m instanceof Error) throw m;
  if (!m.has(key)) throw new Error(`the adapter returned no value for ${key}`);
  return m.get(key) as V;
}
