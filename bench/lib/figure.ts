/** One measured number beside the baseline it is compared with, both from the same run. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly name: string; readonly value: number };
  /** value / baseline for costs (lower is better); baseline / value is never used, so every ratio reads "x times the baseline". */
  readonly ratio?: number;
  readonly target?: { readonly text: string; readonly met: boolean };
}

export interface SuiteResult {
  readonly suite: string;
  readonly title: string;
  readonly figures: Figure[];
  readonly notes: string[];
  /** Set when a piece the suite needs has not landed; the suite then has no figures. */
  blocked?: string;
  error?: string;
  durationMs?: number;
  readonly details: Record<string, unknown>;
}

export function createSuiteResult(suite: string, title: string): SuiteResult {
  return { suite, title, figures: [], notes: [], details: {} };
}

export function figure(name: string, value: number, unit: string, extra: Omit<Figure, "name" | "value" | "unit"> = {}): Figure {
  const ratio = extra.ratio ?? (extra.baseline && extra.baseline.value !== 0 ? value / extra.baseline.value : undefined);
  return { name, value, unit, ...extra, ...(ratio === undefined ? {} : { ratio }) };
}
