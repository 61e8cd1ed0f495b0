import type { DurationHistogram, RunMetrics, RunOutput } from "@rocky/protocol";

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
}

export interface CallStats {
  readonly callMs: readonly number[];
  readonly failed: number;
  readonly statements: number;
}

export function createCallRecorder(): CallRecorder & { stats(): CallStats } {
  const callMs: number[] = [];
  let failed = 0;
  let statements = 0;
  return {
    call(ms, ok) {
      callMs.push(Math.round(ms * 1000) / 1000);
      if (!ok) failed++;
    },
    statements(count) {
      statements += count;
    },
    stats: () => ({ callMs, failed, statements }),
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
      rows_copied: tables.reduce((n, t) => n + (t.rows_copied ?? 0), 0),
      rows_affected: models.reduce((n, m) => n + (m.rows_affected ?? 0), 0),
    },
    histograms: {
      table_ms: histogram(tables.map((t) => t.duration_ms)),
      model_ms: histogram(ran.map((m) => m.duration_ms)),
      adapter_call_ms: histogram(calls.callMs),
    },
  };
}
