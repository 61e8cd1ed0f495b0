import type { DurationHistogram, MetricsParams, RunMetrics, RunOutput } from "@rocky/protocol";

/** Nearest-rank percentile (the smallest value with at least p% of values at or below it); null for no values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function histogram(values: readonly number[]): DurationHistogram {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? null };
}

/** What the host measures of its adapter calls while a run goes on. */
export interface CallRecorder {
  call(ms: number, ok: boolean): void;
  statements(count: number): void;
  /** One $/metrics notification of adapter `name`. */
  adapter(name: string, metrics: MetricsParams): void;
}

type AdapterMetrics = NonNullable<RunMetrics["adapters"]>[string];

export interface CallStats {
  readonly callMs: readonly number[];
  readonly failed: number;
  readonly statements: number;
  readonly adapters: Readonly<Record<string, AdapterMetrics>>;
}

export function createCallRecorder(): CallRecorder & { stats(): CallStats } {
  const callMs: number[] = [];
  let failed = 0;
  let statements = 0;
  const adapters: Record<string, { counters: Record<string, number>; gauges: Record<string, { last: number; min: number; max: number }> }> = {};
  return {
    adapter(name, metrics) {
      const entry = (adapters[name] ??= { counters: {}, gauges: {} });
      for (const [key, n] of Object.entries(metrics.counters ?? {})) entry.counters[key] = (entry.counters[key] ?? 0) + n;
      for (const [key, v] of Object.entries(metrics.gauges ?? {})) {
        const g = entry.gauges[key];
        entry.gauges[key] = g ? { last: v, min: Math.min(g.min, v), max: Math.max(g.max, v) } : { last: v, min: v, max: v };
      }
    },
    call(ms, ok) {
      callMs.push(Math.round(ms * 10) / 10);
      if (!ok) failed++;
    },
    statements(count) {
      statements += count;
    },
    stats: () => ({ callMs, failed, statements, adapters }),
  };
}

/** The run's counters and histograms, from its result and the adapter calls measured during it. */
export function runMetrics(run: Pick<RunOutput, "pipelines">, calls: CallStats): RunMetrics {
  const tables = run.pipelines.flatMap((p) => p.tables);
  const models = run.pipelines.flatMap((p) => p.models ?? []);
  const ran = models.filter((m) => m.status !== "skipped");
  return {
    counters: {
      tables_processed: tables.length,
      tables_failed: tables.filter((t) => t.status === "failed").length,
      tables_skipped: run.pipelines.reduce((n, p) => n + p.skipped.length, 0),
      models_processed: ran.length,
      models_failed: models.filter((m) => m.status === "failed").length,
      models_skipped: models.length - ran.length,
      statements_executed: calls.statements,
      adapter_calls: calls.callMs.length,
      adapter_calls_failed: calls.failed,
      retries: Object.values(calls.adapters).reduce((n, a) => n + (a.counters.retries ?? 0), 0),
      rows_copied: tables.reduce((n, t) => n + (t.rows_copied ?? 0), 0),
      rows_affected: models.reduce((n, m) => n + (m.rows_affected ?? 0), 0),
    },
    histograms: {
      table_ms: histogram(tables.map((t) => t.duration_ms)),
      model_ms: histogram(ran.map((m) => m.duration_ms)),
      adapter_call_ms: histogram(calls.callMs),
    },
    ...(Object.keys(calls.adapters).length > 0 ? { adapters: calls.adapters } : {}),
  };
}
