import type { ColumnInfo } from "@rocky/protocol";
import { describe, expect, it } from "vitest";
import { detectDrift, parseGracePeriod, type DetectDriftOptions } from "../../src/schema-change/detect-drift.js";

const col = (name: string, data_type: string, nullable = true): ColumnInfo => ({ name, data_type, nullable });
const NOW = new Date("2026-03-10T12:00:00.000Z");
const base: DetectDriftOptions = {
  source: [col("id", "INTEGER")],
  target: [col("id", "INTEGER"), col("old", "VARCHAR", false), col("_loaded_at", "TIMESTAMP")],
  metadata: ["_loaded_at"],
  dialect: "duckdb",
  onDrift: "refresh",
  onAdded: "add_columns",
  graceMs: parseGracePeriod("2d"),
  dropped: new Map(),
  now: NOW,
};

describe("detectDrift()", () => {
  it("keeps a dropped column until its grace period, counted from the first run that saw it gone, is over", () => {
    const first = detectDrift(base);
    expect(first.drift).toEqual([{ column: "old", change: "dropped", old_type: "VARCHAR", new_type: null, action: "keep", drop_after: "2026-03-12T12:00:00.000Z" }]);
    expect(first).toMatchObject({ kept: [{ name: "old", dataType: "VARCHAR" }], dropNotNull: ["old"], dropColumns: [], missing: [{ column: "old", data_type: "VARCHAR", first_missing_at: NOW.toISOString() }] });
    const seen = new Map([["old", { column: "old", data_type: "VARCHAR", first_missing_at: "2026-03-08T12:00:00.001Z" }]]);
    expect(detectDrift({ ...base, dropped: seen }).drift[0]?.action).toBe("keep");
    const expired = detectDrift({ ...base, dropped: new Map([["old", { column: "old", data_type: "VARCHAR", first_missing_at: "2026-03-08T12:00:00.000Z" }]]) });
    expect(expired).toMatchObject({ dropColumns: ["old"], kept: [], dropNotNull: [] });
    expect(expired.drift[0]?.action).toBe("drop_column");
  });

  it("leaves alone a target column the source never had (added by hand), once the source's columns are on record", () => {
    const d = detectDrift({ ...base, previousSource: new Set(["id"]) });
    expect(d).toMatchObject({ drift: [], kept: [], dropColumns: [], missing: [] });
    expect(detectDrift({ ...base, previousSource: new Set(["id", "old"]) }).drift.map((x) => x.action)).toEqual(["keep"]);
  });

  it("refreshes for a widening the dialect cannot alter, and for an added column under on_schema_drift = full_refresh", () => {
    const widened = detectDrift({ ...base, dialect: "generic", source: [col("id", "BIGINT"), col("old", "VARCHAR")] });
    expect(widened.refresh).toBe('schema drift: column "id" widened from INTEGER to BIGINT, which the warehouse cannot alter in place');
    expect(widened.alterColumns).toEqual([]);
    const added = detectDrift({ ...base, onAdded: "full_refresh", source: [col("id", "INTEGER"), col("old", "VARCHAR"), col("n", "ENUM('a')")] });
    expect(added.drift).toEqual([{ column: "n", change: "added", old_type: null, new_type: "ENUM('a')", action: "full_refresh" }]);
  });

  it("refuses a type outside the strict grammar in DDL: an added column of such a type recreates the table instead", () => {
    const d = detectDrift({ ...base, source: [col("id", "INTEGER"), col("old", "VARCHAR"), col("x", "INT); DROP TABLE t; --")] });
    expect(d.addColumns).toEqual([]);
    expect(d.refresh).toBe('schema drift: new column "x" of type INT); DROP TABLE t; --, which cannot be written into DDL');
  });

  it("parses grace periods", () => {
    expect([parseGracePeriod("0s"), parseGracePeriod("30m"), parseGracePeriod("12h"), parseGracePeriod("7d")]).toEqual([0, 1_800_000, 43_200_000, 604_800_000]);
    expect(() => parseGracePeriod("7 days")).toThrow('Invalid grace period "7 days"');
  });
});
