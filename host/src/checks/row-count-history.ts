import type { StateNamespace } from "../state/state-namespace.js";
import type { CheckVerdict } from "./check-spec.js";

/** Counts kept per table; the anomaly check compares with their average. */
export const HISTORY_LENGTH = 10;
export const DEFAULT_ANOMALY_THRESHOLD_PCT = 50;

export interface RowCountEntry {
  readonly run_id: string;
  readonly at: string;
  readonly count: number;
}

/** The state store's `row-counts` namespace: per target table, its last HISTORY_LENGTH counts, oldest first. */
export type RowCountHistory = StateNamespace<{ readonly counts: readonly RowCountEntry[] }>;

export function anomalyVerdict(count: number, history: readonly RowCountEntry[], thresholdPct: number): CheckVerdict {
  if (history.length === 0) return { passed: true, message: `${count} rows; no earlier counts to compare with yet`, observed: count, threshold: thresholdPct };
  const average = history.reduce((n, e) => n + e.count, 0) / history.length;
  const deviation = average === 0 ? (count === 0 ? 0 : Infinity) : (Math.abs(count - average) / average) * 100;
  const shown = Number.isFinite(deviation) ? `${deviation.toFixed(1)}%` : "from 0";
  return {
    passed: deviation <= thresholdPct,
    message: `${count} rows vs an average of ${average.toFixed(1)} over the last ${history.length} runs (${shown}; limit ${thresholdPct}%)`,
    observed: count,
    threshold: thresholdPct,
  };
}

/** Appends this run's counts, in one transaction. */
export async function recordRowCounts(history: RowCountHistory, counts: ReadonlyMap<string, number>, runId: string): Promise<void> {
  const at = new Date().toISOString();
  await history.transaction((tx) => {
    for (const [key, count] of counts) {
      const kept = tx.get(key)?.counts ?? [];
      void tx.put(key, { counts: [...kept, { run_id: runId, at, count }].slice(-HISTORY_LENGTH) });
    }
  });
}
