import { describe, expect, it } from "vitest";
import { addPartitions, parsePartitionKey, partitionKeyOf, partitionKeysBetween, partitionRange } from "../../src/models/partitions.js";
import { assertOneSelection, batchPartitions, selectPartitions } from "../../src/models/select-partitions.js";
import type { TimeIntervalStrategy } from "@rocky/protocol";

describe("partition keys", () => {
  it("gives each granularity's range as half-open UTC timestamps", () => {
    expect(partitionRange("2024-02-28T23", "hour")).toEqual({ start: "2024-02-28 23:00:00", end: "2024-02-29 00:00:00" });
    expect(partitionRange("2024-02-29", "day")).toEqual({ start: "2024-02-29 00:00:00", end: "2024-03-01 00:00:00" });
    expect(partitionRange("2024-12", "month")).toEqual({ start: "2024-12-01 00:00:00", end: "2025-01-01 00:00:00" });
    expect(partitionRange("2024", "year")).toEqual({ start: "2024-01-01 00:00:00", end: "2025-01-01 00:00:00" });
  });

  it("rejects keys that do not fit the granularity or the calendar", () => {
    expect(parsePartitionKey("2024-02-30", "day")).toBeUndefined();
    expect(parsePartitionKey("2024-01", "day")).toBeUndefined();
    expect(parsePartitionKey("2024-01-01T24", "hour")).toBeUndefined();
    expect(() => partitionRange("2024-1-1", "day")).toThrowError('Invalid partition key "2024-1-1" for day partitions');
  });

  it("steps and lists keys across month and year ends", () => {
    expect(addPartitions("2024-01-31", "day", 1)).toBe("2024-02-01");
    expect(addPartitions("2024-01", "month", -1)).toBe("2023-12");
    expect(partitionKeysBetween("2023-12-31T22", "2024-01-01T01", "hour")).toEqual(["2023-12-31T22", "2023-12-31T23", "2024-01-01T00", "2024-01-01T01"]);
    expect(partitionKeyOf(new Date("2024-05-06T07:08:09Z"), "month")).toBe("2024-05");
  });
});

describe("selectPartitions()", () => {
  const strategy: TimeIntervalStrategy = { type: "time_interval", time_column: "ts", granularity: "day", lookback: 2, first_partition: "2024-01-01" };
  const now = new Date("2024-01-06T03:00:00Z");
  const select = (selection: object, completed: string[] = []) =>
    selectPartitions({ model: "m", strategy, selection, now, completed: new Set(completed) });

  it("defaults to the partition containing now plus the lookback", () => {
    expect(select({})).toEqual(["2024-01-04", "2024-01-05", "2024-01-06"]);
    expect(select({ latest: true })).toEqual(["2024-01-04", "2024-01-05", "2024-01-06"]);
  });

  it("builds exactly --partition, or the inclusive --from/--to range", () => {
    expect(select({ partition: "2024-01-02" })).toEqual(["2024-01-02"]);
    expect(select({ from: "2024-01-02", to: "2024-01-04" })).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(select({ from: "2024-01-05" })).toEqual(["2024-01-05", "2024-01-06"]);
    expect(select({ to: "2024-01-02" })).toEqual(["2024-01-01", "2024-01-02"]);
  });

  it("fills only the gaps up to the latest complete partition with --missing", () => {
    expect(select({ missing: true }, ["2024-01-01", "2024-01-03", "2024-01-05"])).toEqual(["2024-01-02", "2024-01-04"]);
    expect(select({ missing: true }, ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"])).toEqual([]);
  });

  it("rejects keys of another granularity and reversed ranges, naming the model", () => {
    expect(() => select({ partition: "2024-01" })).toThrowError('Invalid --partition "2024-01" for the day partitions of model "m"');
    expect(() => select({ from: "2024-01-04", to: "2024-01-02" })).toThrowError("--from 2024-01-04 is after --to 2024-01-02");
  });

  it("needs first_partition for --missing", () => {
    const bare: TimeIntervalStrategy = { type: "time_interval", time_column: "ts", granularity: "day" };
    expect(() => selectPartitions({ model: "m", strategy: bare, selection: { missing: true }, now, completed: new Set() })).toThrowError(
      'Model "m" has no first_partition, so there is no start for --missing or --to',
    );
  });

  it("refuses two ways of choosing partitions at once", () => {
    expect(() => assertOneSelection({ partition: "2024-01-01", missing: true })).toThrowError("Options --partition and --missing cannot be combined");
  });
});

describe("batchPartitions()", () => {
  it("groups consecutive keys up to the batch size and splits at gaps", () => {
    const batches = batchPartitions(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05"], "day", 2);
    expect(batches).toEqual([
      { keys: ["2024-01-01", "2024-01-02"], range: { start: "2024-01-01 00:00:00", end: "2024-01-03 00:00:00" } },
      { keys: ["2024-01-03"], range: { start: "2024-01-03 00:00:00", end: "2024-01-04 00:00:00" } },
      { keys: ["2024-01-05"], range: { start: "2024-01-05 00:00:00", end: "2024-01-06 00:00:00" } },
    ]);
  });
});
