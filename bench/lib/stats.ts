/** Value at quantile `q` (0..1) of `samples`, nearest-rank on a sorted copy. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** Milliseconds since an arbitrary origin, sub-microsecond resolution. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const p = 10 ** Math.max(0, digits - Math.ceil(Math.log10(Math.abs(value) + 1e-12)));
  return Math.round(value * p) / p;
}
