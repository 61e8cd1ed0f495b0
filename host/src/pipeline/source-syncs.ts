import type { RunTableResult, SkippedSource } from "@rocky/protocol";
import type { StateStore } from "../state/state-store.js";
import type { DiscoveredSources, SourceSchema } from "./discover-sources.js";

/** State namespace: per pipeline and source schema, the synced_at its last fully copied run saw. */
export const SOURCE_SYNCS_NAMESPACE = "source-syncs";

export interface SeenSync {
  readonly synced_at: string;
  readonly run_id: string;
}

const keyOf = (pipeline: string, s: { catalog: string; schema: string }) => [pipeline, s.catalog.toLowerCase(), s.schema.toLowerCase()];

/** Microseconds since the epoch of an ISO 8601 instant (Date.parse keeps only milliseconds); undefined when unreadable. */
function micros(instant: string): number | undefined {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return undefined;
  const fraction = /\.\d{3}(\d{1,3})/.exec(instant)?.[1] ?? "";
  return ms * 1000 + Number(fraction.padEnd(3, "0") || "0");
}

/** True when `now` is not newer than `seen`; unreadable instants count as changed. */
export function isUnchanged(now: string, seen: string): boolean {
  const a = micros(now);
  const b = micros(seen);
  return a !== undefined && b !== undefined && a <= b;
}

/**
 * Leaves out the source schemas whose adapter-reported synced_at is not newer than what the last run that copied them
 * saw: nothing landed since, so their tables are reported skipped ("unchanged") instead of copied.
 */
export function skipUnchangedSources(pipeline: string, sources: DiscoveredSources, state: StateStore | undefined): DiscoveredSources {
  if (!state) return sources;
  const seen = state.namespace<SeenSync>(SOURCE_SYNCS_NAMESPACE);
  const schemas: SourceSchema[] = [];
  const skipped: SkippedSource[] = [...sources.skipped];
  for (const s of sources.schemas) {
    const last = s.syncedAt ? seen.get(keyOf(pipeline, s)) : undefined;
    if (!s.syncedAt || !last || !isUnchanged(s.syncedAt, last.synced_at)) {
      schemas.push(s);
      continue;
    }
    const reason = `unchanged: source last synced at ${s.syncedAt}, already copied by run ${last.run_id}`;
    for (const t of s.tables) skipped.push({ catalog: s.catalog, schema: s.schema, table: t.name, reason });
  }
  return { schemas, skipped };
}

/** Records the synced_at of each source schema whose every table was copied successfully by this run. */
export async function recordSourceSyncs(pipeline: string, schemas: readonly SourceSchema[], results: readonly RunTableResult[], state: StateStore, runId: string): Promise<void> {
  const status = new Map(results.map((r) => [r.source, r.status]));
  const done = schemas.filter((s) => s.syncedAt && s.tables.every((t) => status.get([s.catalog, s.schema, t.name].filter((p) => p !== "").join(".")) === "succeeded"));
  if (done.length === 0) return;
  const seen = state.namespace<SeenSync>(SOURCE_SYNCS_NAMESPACE);
  await seen.transaction((tx) => {
    for (const s of done) void tx.put(keyOf(pipeline, s), { synced_at: s.syncedAt ?? "", run_id: runId });
  });
}
