import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { dialectFor } from "../../host/src/sql/dialect.js";
import { runConformance } from "../src/run-conformance.js";
import type { AdapterLaunch, CheckStatus, ConformanceOptions, ConformanceReport } from "../src/types.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const CONFORMANCE_FIXTURES = join(ROOT, "test", "fixtures", "conformance");
export const ADAPTER_FIXTURES = join(ROOT, "test", "fixtures", "adapters");
export const DUCKDB_MAIN = join(ROOT, "adapters", "duckdb", "dist", "main.js");

/** Short deadlines so faults cost seconds, generous enough for two busy cores. */
export const TEST_TIMEOUTS = { startupMs: 15_000, requestMs: 4_000, graceMs: 1_000, cancelMs: 5_000 };

/** A scratch directory for DuckDB's extra catalogs, removed by the returned function. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "rocky-conformance-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function duckdbConfig(dir: string): Record<string, unknown> {
  return { path: ":memory:", catalogs_dir: dir };
}

export function nodeLaunch(file: string, config: Record<string, unknown> = {}): AdapterLaunch {
  return { label: file, command: [process.execPath, file], config };
}

export function run(launch: AdapterLaunch, extra: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> {
  return runConformance({ launch, dialectFor, timeouts: TEST_TIMEOUTS, ...extra });
}

/** Ids of the checks with `status`; for "failed", only failures not listed as expected. */
export function idsWith(report: ConformanceReport, status: CheckStatus): string[] {
  return report.results.filter((r) => r.status === status && !(status === "failed" && r.expected)).map((r) => r.id);
}

/** Checks the first-party DuckDB adapter does not pass yet (none: it answers invalid requests and batches exactly). */
export const DUCKDB_EXPECTED_FAILURES: ReadonlySet<string> = new Set<string>();

export function result(report: ConformanceReport, id: string) {
  const r = report.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}
