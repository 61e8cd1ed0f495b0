import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunOutput, StateOutput } from "@rocky/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { openStateStore } from "../../host/src/state/state-store.js";
import { duck, parseJson, playgroundCopy, rocky } from "../e2e/helpers.js";

const PAGE = 4096;
const state = (project: string) => join(project, ".rocky", "state");
const dataFile = (project: string) => join(state(project), "data.mdb");
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Overwrites `length` bytes at `offset` with a pattern that is neither zeros nor valid lmdb. */
function damage(file: string, offset: number, length = 1500): void {
  const bytes = readFileSync(file);
  for (let i = offset + 16; i < Math.min(offset + length, bytes.length); i++) bytes[i] = (i * 7) & 0xff;
  writeFileSync(file, bytes);
}

const stackOrCrash = /Internal error|\n\s+at |Segmentation/;

describe("issue 13: the state store survives damage", { timeout: 240_000 }, () => {
  let project: string;
  let good: string;
  let watermarks: StateOutput["watermarks"];
  beforeAll(async () => {
    project = playgroundCopy();
    const run = await rocky(project, "run");
    expect(run.exitCode).toBe(0);
    good = join(project, "good-state");
    cpSync(state(project), good, { recursive: true });
    watermarks = parseJson<StateOutput>(await rocky(project, "state", "--output", "json")).watermarks;
    expect(watermarks.length).toBeGreaterThan(5);
  });
  const reset = () => {
    rmSync(state(project), { recursive: true, force: true });
    cpSync(good, state(project), { recursive: true });
  };

  it("keeps a last-good copy of the store after each successful run", async () => {
    const copy = join(project, ".rocky", "state-last-good", "data.mdb");
    expect(existsSync(copy)).toBe(true);
    reset();
    rmSync(join(project, ".rocky", "state-last-good"), { recursive: true });
    const r = await rocky(project, "run", "--pipeline", "bronze");
    expect(r.exitCode).toBe(0);
    expect(existsSync(copy)).toBe(true);
  });

  it("turns damage anywhere in the file into an error naming it, never a crash or a stack", async () => {
    const pages = readFileSync(join(good, "data.mdb")).length / PAGE;
    const messages = new Set<string>();
    // Both meta pages, the first pages after them (the trees' roots, usually) and a spread of the rest.
    for (const page of [0, 1, 2, 3, ...[0.4, 0.6, 0.8, 1].map((f) => Math.floor((pages - 1) * f))]) {
      reset();
      damage(dataFile(project), page * PAGE);
      const r = await rocky(project, "state");
      expect([0, 1], `page ${page}: exit ${r.exitCode}\n${r.stderr}`).toContain(r.exitCode);
      expect(r.stderr).not.toMatch(stackOrCrash);
      if (r.exitCode === 1) {
        expect(r.stderr).toContain('error: State file "<project>/.rocky/state/data.mdb" is damaged: ');
        expect(r.stderr).toContain("rocky state restore");
        expect(r.stderr).toContain("rocky state rebuild");
        messages.add(r.stderr.split("\n")[0]!);
      }
    }
    // The meta pages crash lmdb itself (SIGSEGV in the probe); a damaged data page fails the checksum.
    expect([...messages].join("\n")).toContain("reading it crashes the storage library");
  });

  it("fails every command that reads the store the same way, and rocky state restore brings back the last-good copy", async () => {
    reset();
    const before = digest(join(project, ".rocky", "state-last-good", "data.mdb"));
    damage(dataFile(project), 0);
    for (const command of [["state"], ["history"], ["plan"], ["run"]]) {
      const r = await rocky(project, ...command);
      expect(r.exitCode, command.join(" ")).toBe(1);
      expect(r.stderr).toMatch(/^error: State file "<project>\/\.rocky\/state\/data\.mdb" is damaged: reading it crashes the storage library \(SIG(SEGV|BUS)\)\nhint: Restore the copy taken after the last successful run \(.*\) with: rocky state restore; or recover every watermark/);
      expect(r.stdout).toBe("");
    }
    const restored = await rocky(project, "state", "restore", "--output", "json");
    expect(restored.exitCode).toBe(0);
    expect(parseJson<StateOutput>(restored).watermarks.map((w) => [w.target, w.value])).toEqual(watermarks.map((w) => [w.target, w.value]));
    expect(readdirSync(state(project)).filter((f) => f.startsWith("data.mdb.replaced-"))).toHaveLength(1);
    expect(digest(join(project, ".rocky", "state-last-good", "data.mdb"))).toBe(before);
    expect((await rocky(project, "history")).exitCode).toBe(0);
  });

  it("refuses to restore or rebuild under a run that holds the lock of a readable store", async () => {
    reset();
    const store = openStateStore(state(project));
    const lock = store.acquireRunLock({ runId: "held-by-test", command: "run" });
    try {
      for (const action of ["restore", "rebuild"]) {
        const r = await rocky(project, "state", action);
        expect(r.exitCode, action).toBe(1);
        expect(r.stderr).toMatch(/^error: State "<project>\/\.rocky\/state" is locked by run "held-by-test"/);
      }
    } finally {
      lock.release();
      await store.close();
    }
    expect(readdirSync(state(project)).filter((f) => f.startsWith("data.mdb.replaced-"))).toEqual([]);
  });

  it("detects a silently changed value by the header's checksum", async () => {
    reset();
    const bytes = readFileSync(dataFile(project));
    const value = Buffer.from(watermarks[0]!.value);
    const at = bytes.indexOf(value);
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] = bytes[at + 3] === 0x31 ? 0x32 : 0x31; // one digit of the year
    writeFileSync(dataFile(project), bytes);
    const r = await rocky(project, "state");
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe('error: State file "<project>/.rocky/state/data.mdb" is damaged: its contents do not match the checksum written when it was last closed');
  });

  it("never fully refreshes existing targets because the state is missing: stops, and rocky state rebuild recovers the watermarks", async () => {
    reset();
    const counts = async () => duck(join(project, "data", "catalogs", "acme_warehouse.duckdb"), "SELECT count(*) FROM staging__us_west__shopify.orders");
    const rowsBefore = await counts();
    for (const emptied of [() => rmSync(state(project), { recursive: true }), () => writeFileSync(dataFile(project), "")]) {
      reset();
      emptied();
      const r = await rocky(project, "run");
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^error: State "<project>\/\.rocky\/state" is missing or empty, but 8 target table\(s\) already exist \("acme_warehouse\.staging__eu_central__stripe\.charges", .*\): without their watermarks this run would fully refresh them\nhint: Nothing was changed\. Restore the copy taken after the last successful run with: rocky state restore\. Recover the watermarks from the targets' own max\(timestamp_column\) with: rocky state rebuild\. Or reload everything deliberately with: rocky run --full-refresh\n$/);
      expect(await counts()).toEqual(rowsBefore);
    }
    const rebuilt = await rocky(project, "state", "rebuild", "--output", "json");
    expect(rebuilt.stderr).toBe("");
    expect(rebuilt.exitCode).toBe(0);
    const bronze = (ws: StateOutput["watermarks"]) => ws.filter((w) => w.target.includes(".staging__")).map((w) => [w.target, w.column, w.value]);
    expect(bronze(parseJson<StateOutput>(rebuilt).watermarks)).toEqual(bronze(watermarks));
    const next = await rocky(project, "run", "--pipeline", "bronze", "--output", "json");
    expect(next.exitCode).toBe(0);
    const tables = parseJson<RunOutput>(next).pipelines[0]!.tables;
    const incremental = tables.filter((t) => t.strategy === "incremental");
    expect(incremental.map((t) => t.target).sort()).toEqual(bronze(watermarks).map(([target]) => target).sort());
    expect(incremental.map((t) => t.rows_copied)).toEqual(incremental.map(() => 0));
    expect(await counts()).toEqual(rowsBefore);
  });

  it("runs from a missing state when --full-refresh is asked for", async () => {
    rmSync(state(project), { recursive: true });
    const r = await rocky(project, "run", "--pipeline", "bronze", "--full-refresh", "--output", "json");
    expect(r.exitCode).toBe(0);
    expect(new Set(parseJson<RunOutput>(r).pipelines[0]!.tables.map((t) => t.strategy))).toEqual(new Set(["full_refresh"]));
  });

  it("read-only commands never create or modify the store", async () => {
    const fresh = playgroundCopy();
    for (const command of [["state"], ["history"], ["plan"], ["discover"], ["compile"]]) {
      const r = await rocky(fresh, ...command);
      expect(r.exitCode, `${command.join(" ")}: ${r.stderr}`).toBe(0);
      expect(existsSync(state(fresh)), command.join(" ")).toBe(false);
    }
    reset();
    const before = digest(dataFile(project));
    for (const command of [["state"], ["history"], ["plan"]]) {
      expect((await rocky(project, ...command)).exitCode).toBe(0);
      expect(digest(dataFile(project)), command.join(" ")).toBe(before);
    }
  });
});
