import { CHECKS, checkInfo } from "../check-catalog.js";
import type { Handshake } from "../main-session.js";
import type { Outcome } from "../outcome.js";
import type { CheckResult, ConformanceOptions, ConformanceReport } from "../types.js";

export interface Recorded extends Outcome {
  readonly durationMs: number;
}

export function toResult(id: string, r: Recorded, expectedFailures: ReadonlySet<string> | undefined): CheckResult {
  const info = checkInfo(id);
  const expected = expectedFailures?.has(id) === true && r.status === "failed";
  return { id, category: info.category, tier: info.tier, status: r.status, message: r.message, hint: r.hint, durationMs: r.durationMs, expected };
}

/** Every check in report order; expected-failure entries that passed are stale. */
export function buildReport(o: {
  results: ReadonlyMap<string, Recorded>;
  options: ConformanceOptions;
  handshake: Handshake | undefined;
  durationMs: number;
}): ConformanceReport {
  const expectedFailures = o.options.expectedFailures;
  const results = CHECKS.map((c) => toResult(c.id, o.results.get(c.id) ?? { status: "skipped", message: "not run", hint: null, durationMs: 0 }, expectedFailures));
  const stale = [...(expectedFailures ?? [])].filter((id) => results.find((r) => r.id === id)?.status === "passed");
  const hs = o.handshake;
  return {
    adapter: hs?.manifest.name ?? o.options.launch.label,
    adapterVersion: hs?.manifest.version ?? null,
    sdkVersion: hs?.manifest.sdk_version ?? null,
    protocolVersion: hs ? (hs.protocolVersion ?? 1) : null,
    legacyProtocol: hs?.legacy ?? false,
    manifest: hs?.manifest ?? null,
    results,
    staleExpectedFailures: stale,
    durationMs: o.durationMs,
  };
}
