import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunTableResult } from "@rocky/protocol";
import type { SourceSchema } from "../../src/pipeline/discover-sources.js";
import { isUnchanged, recordSourceSyncs, skipUnchangedSources } from "../../src/pipeline/source-syncs.js";
import { openStateStore, type StateStore } from "../../src/state/state-store.js";

const dirs: string[] = [];
const stores: StateStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(): StateStore {
  const dir = mkdtempSync(join(tmpdir(), "rocky-syncs-"));
  dirs.push(dir);
  const s = openStateStore(join(dir, "state"));
  stores.push(s);
  return s;
}

const schema = (name: string, syncedAt: string | null, tables = ["a", "b"]): SourceSchema => ({
  catalog: "w", schema: name, components: {}, targetCatalog: "t", targetSchema: name, tables: tables.map((t) => ({ name: t })), syncedAt,
});

const result = (source: string, status: "succeeded" | "failed"): RunTableResult => ({
  source, target: source, strategy: "incremental", reason: "", status, rows_copied: 1, duration_ms: 1, watermark_before: null, watermark_after: null, notes: [],
});

describe("isUnchanged()", () => {
  it("compares instants to the microsecond, and treats unreadable ones as changed", () => {
    expect(isUnchanged("2024-01-02T03:00:00.000000Z", "2024-01-02T03:00:00.000000Z")).toBe(true);
    expect(isUnchanged("2024-01-02T03:00:00.000001Z", "2024-01-02T03:00:00.000000Z")).toBe(false);
    expect(isUnchanged("2024-01-02T03:00:00Z", "2024-01-02T04:00:00+01:00")).toBe(true);
    expect(isUnchanged("2024-01-02T02:59:59.999Z", "2024-01-02T03:00:00Z")).toBe(true);
    expect(isUnchanged("yesterday", "2024-01-02T03:00:00Z")).toBe(false);
  });
});

describe("skipUnchangedSources() and recordSourceSyncs()", () => {
  it("skips a schema only once a run copied all its tables at that sync, and copies it again after a newer sync", async () => {
    const state = store();
    const t0 = "2024-01-02T03:00:00.000000Z";
    const first = { schemas: [schema("s1", t0), schema("s2", t0), schema("s3", null)], skipped: [] };
    expect(skipUnchangedSources("p", first, state)).toEqual(first);
    // s2's table b failed: s2 is not marked seen.
    await recordSourceSyncs("p", first.schemas, [result("w.s1.a", "succeeded"), result("w.s1.b", "succeeded"), result("w.s2.a", "succeeded"), result("w.s2.b", "failed")], state, "run-1");

    const second = skipUnchangedSources("p", first, state);
    expect(second.schemas.map((s) => s.schema)).toEqual(["s2", "s3"]);
    expect(second.skipped).toEqual([
      { catalog: "w", schema: "s1", table: "a", reason: `unchanged: source last synced at ${t0}, already copied by run run-1` },
      { catalog: "w", schema: "s1", table: "b", reason: `unchanged: source last synced at ${t0}, already copied by run run-1` },
    ]);
    // Another pipeline keeps its own record.
    expect(skipUnchangedSources("q", first, state).schemas).toHaveLength(3);

    const resynced = { schemas: [schema("s1", "2024-01-02T03:00:00.000001Z")], skipped: [] };
    expect(skipUnchangedSources("p", resynced, state).schemas.map((s) => s.schema)).toEqual(["s1"]);
  });

  it("skips nothing without a state store (plan before any run)", () => {
    const sources = { schemas: [schema("s1", "2024-01-02T03:00:00Z")], skipped: [] };
    expect(skipUnchangedSources("p", sources, undefined)).toBe(sources);
  });
});
