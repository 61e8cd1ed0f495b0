import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { PlanOutput, RunOutput, RunTableResult, SchemaDrift } from "@rocky/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { waitIdle } from "../crash/crash-run.js";
import { duck, parseJson, rocky } from "../e2e/helpers.js";

const FAULTY = resolve(import.meta.dirname, "..", "crash", "fixtures", "faulty-duckdb.mjs");

/** Three pipelines over the same landing table, one per on_drift; `grace` is the ignore pipeline's drop_grace_period. */
function config(grace: string, command = ""): string {
  const pipeline = (name: string, onDrift: string, extra = "") => `[pipeline.${name}]
type = "replication"
on_drift = "${onDrift}"
${extra}metadata_columns = [{ name = "_run_id", value = "run_id" }]
source = { adapter = "wh", schema_pattern = { prefix = "src_${name}__", separator = "__", components = ["tenant"] } }
target = { adapter = "wh", schema_template = "{tenant}_${name}" }
`;
  return `[adapter.wh]\ntype = "duckdb"\npath = "wh.duckdb"\n${command}\n${pipeline("r", "refresh")}\n${pipeline("f", "fail")}\n${pipeline("i", "ignore", `drop_grace_period = "${grace}"\n`)}`;
}

const ROWS = (from: number, to: number) => `SELECT CAST(i AS INTEGER) AS id, CAST(i AS INTEGER) AS qty, i % 2 = 0 AS flag, 'n' || i AS note, TIMESTAMP '2024-01-01' + to_seconds(i) AS _fivetran_synced FROM range(${from}, ${to}) t(i)`;

const table = (out: RunOutput, pipeline: string): RunTableResult | undefined => out.pipelines.find((p) => p.pipeline === pipeline)?.tables[0];
const columns = async (file: string, schema: string) =>
  (await duck(file, `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '${schema}' AND table_name = 'orders' ORDER BY ordinal_position`)).map((r) => r.join(" "));

describe("schema drift before each replication copy", () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-drift-")));
    db = join(dir, "wh.duckdb");
    writeFileSync(join(dir, "rocky.toml"), config("7d"));
    await duck(db, ["r", "f", "i"].map((p) => `CREATE SCHEMA src_${p}__acme; CREATE TABLE src_${p}__acme.orders AS ${ROWS(1, 3)};`).join("\n"));
    const first = await rocky(dir, "run", "--output", "json");
    expect(first.exitCode, first.stderr).toBe(0);
    // The source drifts: a column added, one widened, one retyped incompatibly, one dropped; then two rows land.
    await duck(
      db,
      ["r", "f", "i"]
        .map((p) => `ALTER TABLE src_${p}__acme.orders ADD COLUMN coupon VARCHAR; ALTER TABLE src_${p}__acme.orders ALTER qty TYPE BIGINT;
          ALTER TABLE src_${p}__acme.orders ALTER flag TYPE INTEGER; ALTER TABLE src_${p}__acme.orders DROP COLUMN note;
          INSERT INTO src_${p}__acme.orders SELECT i, i, i % 2, TIMESTAMP '2024-01-01' + to_seconds(i), 'c' || i FROM range(3, 5) t(i);`)
        .join("\n"),
    );
  });

  it("rocky plan shows each drift and the action it would take, without changing anything", async () => {
    const r = await rocky(dir, "plan", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    const out = parseJson<PlanOutput>(r);
    const ignore = out.pipelines.find((p) => p.pipeline === "i")?.tables[0];
    const dropAfter = ignore?.drift?.find((d) => d.column === "note")?.drop_after ?? "";
    expect(Date.parse(dropAfter) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(ignore?.drift).toEqual([
      { column: "qty", change: "widened", old_type: "INTEGER", new_type: "BIGINT", action: "alter_type" },
      { column: "flag", change: "type_changed", old_type: "BOOLEAN", new_type: "INTEGER", action: "ignore" },
      { column: "coupon", change: "added", old_type: null, new_type: "VARCHAR", action: "add_column" },
      { column: "note", change: "dropped", old_type: "VARCHAR", new_type: null, action: "keep", drop_after: dropAfter },
    ] satisfies SchemaDrift[]);
    expect(ignore?.statements.map((s) => ("sql" in s ? s.sql.split("\n")[0] : s.method))).toEqual([
      'ALTER TABLE "acme_i"."orders" ADD COLUMN "coupon" VARCHAR',
      'ALTER TABLE "acme_i"."orders" ALTER COLUMN "qty" TYPE BIGINT',
      'INSERT INTO "acme_i"."orders" ("id", "qty", "flag", "_fivetran_synced", "coupon", "_run_id")',
    ]);
    const refresh = out.pipelines.find((p) => p.pipeline === "r")?.tables[0];
    expect(refresh?.strategy).toBe("full_refresh");
    expect(refresh?.reason).toBe('schema drift: column "flag" changed type from BOOLEAN to INTEGER');
    expect(refresh?.drift?.map((d) => `${d.column} ${d.action}`)).toEqual(["qty full_refresh", "flag full_refresh", "coupon full_refresh", "note keep"]);
    expect(out.pipelines.find((p) => p.pipeline === "f")?.skipped[0]?.reason).toBe(
      'cannot plan: Schema drift in "acme_f.orders", nothing written: column "flag" changed type from BOOLEAN to INTEGER (on_drift = "fail")',
    );
    expect(await columns(db, "acme_i")).toEqual(["id INTEGER", "qty INTEGER", "flag BOOLEAN", "note VARCHAR", "_fivetran_synced TIMESTAMP", "_run_id VARCHAR"]);
  });

  it("rocky run acts on it per on_drift, reports it in the output and the history, and keeps a dropped column within its grace period", async () => {
    const r = await rocky(dir, "run", "--output", "json");
    expect(r.exitCode).toBe(1);
    const out = parseJson<RunOutput>(r);
    // ignore: widened in place, added, the incompatible type kept (DuckDB converts 0/1), the dropped column kept as NULL.
    expect(table(out, "i")).toMatchObject({ status: "succeeded", strategy: "incremental", rows_copied: 2 });
    expect(table(out, "i")?.drift?.map((d) => `${d.column} ${d.action}`)).toEqual(["qty alter_type", "flag ignore", "coupon add_column", "note keep"]);
    expect(await columns(db, "acme_i")).toEqual(["id INTEGER", "qty BIGINT", "flag BOOLEAN", "note VARCHAR", "_fivetran_synced TIMESTAMP", "_run_id VARCHAR", "coupon VARCHAR"]);
    expect(await duck(db, "SELECT id, qty, flag, note, coupon FROM acme_i.orders ORDER BY id")).toEqual([
      [1, 1n, false, "n1", null],
      [2, 2n, true, "n2", null],
      [3, 3n, true, null, "c3"],
      [4, 4n, false, null, "c4"],
    ]);
    // refresh: recreated from the source, the dropped column kept (NULL), nothing duplicated.
    expect(table(out, "r")).toMatchObject({ status: "succeeded", strategy: "full_refresh", rows_copied: 4 });
    expect(await columns(db, "acme_r")).toEqual(["id INTEGER", "qty BIGINT", "flag INTEGER", "_fivetran_synced TIMESTAMP", "coupon VARCHAR", "note VARCHAR", "_run_id VARCHAR"]);
    // fail: nothing written, the drift named.
    expect(table(out, "f")).toMatchObject({ status: "failed", rows_copied: null, error: { code: "SCHEMA_DRIFT" } });
    expect(table(out, "f")?.drift?.find((d) => d.column === "flag")).toEqual({ column: "flag", change: "type_changed", old_type: "BOOLEAN", new_type: "INTEGER", action: "fail" });
    expect(await duck(db, "SELECT count(*) FROM acme_f.orders")).toEqual([[2n]]);
    expect(await columns(db, "acme_f")).toEqual(["id INTEGER", "qty INTEGER", "flag BOOLEAN", "note VARCHAR", "_fivetran_synced TIMESTAMP", "_run_id VARCHAR"]);
    const history = parseJson<{ runs: RunOutput[] }>(await rocky(dir, "history", "--output", "json"));
    expect(table(history.runs[0] as RunOutput, "i")?.drift?.length).toBe(4);
  });

  it("drops a column once its grace period is over, and forgets it", async () => {
    writeFileSync(join(dir, "rocky.toml"), config("0s"));
    const r = await rocky(dir, "run", "--pipeline", "i", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    // An ignored type change stays a difference, reported every run.
    expect(table(parseJson<RunOutput>(r), "i")?.drift).toEqual([
      { column: "flag", change: "type_changed", old_type: "BOOLEAN", new_type: "INTEGER", action: "ignore" },
      { column: "note", change: "dropped", old_type: "VARCHAR", new_type: null, action: "drop_column" },
    ]);
    expect(await columns(db, "acme_i")).toEqual(["id INTEGER", "qty BIGINT", "flag BOOLEAN", "_fivetran_synced TIMESTAMP", "_run_id VARCHAR", "coupon VARCHAR"]);
    const again = await rocky(dir, "run", "--pipeline", "i", "--output", "json");
    expect(table(parseJson<RunOutput>(again), "i")).toMatchObject({ status: "succeeded", rows_copied: 0 });
    expect(table(parseJson<RunOutput>(again), "i")?.drift?.map((d) => d.column)).toEqual(["flag"]);
  });

  it("a run killed between the ALTER and the copy converges on the rerun: nothing lost, nothing copied twice", async () => {
    await duck(db, `ALTER TABLE src_i__acme.orders ADD COLUMN extra INTEGER; INSERT INTO src_i__acme.orders SELECT i, i, i % 2, TIMESTAMP '2024-01-01' + to_seconds(i), 'c' || i, i FROM range(5, 7) t(i);`);
    writeFileSync(join(dir, "faulty.toml"), config("0s", `command = ${JSON.stringify([process.execPath, FAULTY])}`));
    const killed = await rocky(dir, { env: { FAULT_AT: "1", FAULT_MATCH: "ALTER TABLE", FAULT_KILL: "host" } }, "run", "--config", "faulty.toml", "--pipeline", "i");
    expect(killed.exitCode).not.toBe(0);
    // The orphaned adapter finishes its last request and exits on stdin close; then the warehouse is free.
    await waitIdle(dir);
    expect(await columns(db, "acme_i")).toContain("extra INTEGER");
    expect(await duck(db, "SELECT count(*) FROM acme_i.orders")).toEqual([[4n]]);
    const rerun = await rocky(dir, "run", "--pipeline", "i", "--output", "json");
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    expect(table(parseJson<RunOutput>(rerun), "i")).toMatchObject({ rows_copied: 2 });
    expect(table(parseJson<RunOutput>(rerun), "i")?.drift?.map((d) => d.column)).toEqual(["flag"]);
    expect(await duck(db, "SELECT id, extra FROM acme_i.orders WHERE id >= 4 ORDER BY id")).toEqual([[4, null], [5, 5], [6, 6]]);
    expect(readFileSync(join(dir, "rocky.toml"), "utf8")).toContain('drop_grace_period = "0s"');
  });
});
