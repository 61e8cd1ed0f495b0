import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { validate, type RunOutput } from "@rocky/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { openStateStore, type StateStore } from "../../src/state/state-store.js";

const opened: StateStore[] = [];
function store(path = join(mkdtempSync(join(tmpdir(), "rocky-state-")), "state")): StateStore {
  const s = openStateStore(path);
  opened.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const orders = { catalog: "acme_warehouse", schema: "staging__us_west__shopify", table: "orders" };

function run(id: string, startedAt: string, status: RunOutput["status"] = "succeeded"): RunOutput {
  return {
    run_id: id,
    command: "run",
    status,
    started_at: startedAt,
    finished_at: startedAt,
    duration_ms: 5,
    pipelines: [
      {
        pipeline: "bronze",
        type: "replication",
        status,
        duration_ms: 5,
        skipped: [],
        tables: [
          {
            source: "warehouse.src__acme__us_west__shopify.orders",
            target: "acme_warehouse.staging__us_west__shopify.orders",
            strategy: "incremental",
            reason: "watermark stored",
            status,
            rows_copied: 25,
            duration_ms: 3,
            watermark_before: "2024-01-01 00:00:00",
            watermark_after: "2024-02-01 00:00:00",
            notes: [],
          },
        ],
      },
    ],
  };
}

describe("openStateStore()", () => {
  it("stores watermarks keyed by target table and lists them", async () => {
    const s = store();
    expect(s.getWatermark(orders)).toBeUndefined();
    await s.setWatermark(orders, { column: "_fivetran_synced", value: "2024-01-01 00:00:00", updated_at: "2024-06-01T00:00:00.000Z", run_id: "r1" });
    expect(s.getWatermark(orders)?.value).toBe("2024-01-01 00:00:00");
    expect(s.listWatermarks()).toEqual([
      { target: "acme_warehouse.staging__us_west__shopify.orders", column: "_fivetran_synced", value: "2024-01-01 00:00:00", updated_at: "2024-06-01T00:00:00.000Z", run_id: "r1" },
    ]);
    await s.deleteWatermark(orders);
    expect(s.listWatermarks()).toEqual([]);
  });

  it("keeps data across close and reopen", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "rocky-state-")), "state");
    const first = openStateStore(path);
    await first.setWatermark(orders, { column: "ts", value: "2024-01-01 00:00:00", updated_at: "x", run_id: "r1" });
    await first.recordRun(run("r1", "2024-06-01T00:00:00.000Z"));
    await first.close();
    const second = store(path);
    expect(second.getWatermark(orders)?.value).toBe("2024-01-01 00:00:00");
    expect(second.getRun("r1")?.run_id).toBe("r1");
  });

  it("lists runs newest first, limited, each valid against the RunOutput schema", async () => {
    const s = store();
    await s.recordRun(run("r1", "2024-06-01T00:00:00.000Z"));
    await s.recordRun(run("r3", "2024-06-03T00:00:00.000Z", "failed"));
    await s.recordRun(run("r2", "2024-06-02T00:00:00.000Z"));
    expect(s.listRuns().map((r) => r.run_id)).toEqual(["r3", "r2", "r1"]);
    expect(s.listRuns({ limit: 2 }).map((r) => r.run_id)).toEqual(["r3", "r2"]);
    for (const r of s.listRuns()) expect(validate("RunOutput", r)).toEqual([]);
    expect(s.getRun("r2")).toEqual(run("r2", "2024-06-02T00:00:00.000Z"));
    expect(s.getRun("nope")).toBeUndefined();
  });

  it("gives undefined for a missing state directory when asked not to create it", () => {
    expect(openStateStore(join(tmpdir(), "rocky-no-state-here", "state"), { create: false })).toBeUndefined();
  });
});

describe("StateStore.acquireRunLock()", () => {
  it("refuses a second lock with STATE_LOCKED naming the holder, and allows it after release", () => {
    const path = join(mkdtempSync(join(tmpdir(), "rocky-state-")), "state");
    const a = store(path);
    const b = store(path);
    const lock = a.acquireRunLock({ runId: "r1", command: "run" });
    expect(() => b.acquireRunLock({ runId: "r2", command: "run" })).toThrow(
      expect.objectContaining({ code: "STATE_LOCKED", message: expect.stringContaining(`locked by run "r1" (rocky run, pid ${process.pid}`) }),
    );
    lock.release();
    lock.release();
    const again = b.acquireRunLock({ runId: "r2", command: "run" });
    expect(again.record.runId).toBe("r2");
    again.release();
  });

  it("takes over a lock left by a process that has exited", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "rocky-state-")), "state");
    // A real separate process takes the lock and exits without releasing it.
    const script = `
      import { openStateStore } from ${JSON.stringify(new URL("../../src/state/state-store.ts", import.meta.url).pathname)};
      const s = openStateStore(process.argv[1]);
      s.acquireRunLock({ runId: "crashed", command: "run" });
      process.exit(0);
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, path], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const s = store(path);
    const lock = s.acquireRunLock({ runId: "next", command: "run" });
    expect(lock.record.runId).toBe("next");
    lock.release();
  });
});

describe("StateStore.namespace()", () => {
  it("keeps namespaces apart and ranges over array-key prefixes", async () => {
    const s = store();
    const partitions = s.namespace<{ rows: number }>("partitions");
    const other = s.namespace("model-watermarks");
    await partitions.put(["orders", "2024-01-01"], { rows: 1 });
    await partitions.put(["orders", "2024-01-02"], { rows: 2 });
    await partitions.put(["payments", "2024-01-01"], { rows: 3 });
    await other.put("orders", "2024-01-02");
    expect(partitions.entries({ prefix: ["orders"] })).toEqual([
      { key: ["orders", "2024-01-01"], value: { rows: 1 } },
      { key: ["orders", "2024-01-02"], value: { rows: 2 } },
    ]);
    expect(partitions.entries({ prefix: ["orders"], reverse: true, limit: 1 })).toEqual([{ key: ["orders", "2024-01-02"], value: { rows: 2 } }]);
    expect(partitions.get("orders")).toBeUndefined();
    expect(other.entries()).toEqual([{ key: "orders", value: "2024-01-02" }]);
    await partitions.remove(["payments", "2024-01-01"]);
    expect(partitions.entries().length).toBe(2);
  });

  it("commits a transaction's writes together", async () => {
    const s = store();
    const ns = s.namespace<number>("partitions");
    await ns.transaction((tx) => {
      void tx.put("a", 1);
      void tx.put("b", 2);
    });
    expect(ns.entries()).toEqual([{ key: "a", value: 1 }, { key: "b", value: 2 }]);
  });

  it("rejects invalid namespace names", () => {
    expect(() => store().namespace("Bad Name")).toThrow(expect.objectContaining({ code: "STATE_ERROR" }));
  });
});
