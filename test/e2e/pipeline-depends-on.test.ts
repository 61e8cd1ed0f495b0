import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunEvent, RunOutput } from "@rocky/protocol";
import { duck, landData, playgroundCopy, REPO, rocky } from "./helpers.js";

const SILVER = /\n# The silver layer[^\n]*\n\[pipeline\.silver\][\s\S]*?(?=\n\[state\])/;

/** The playground's rocky.toml with the silver pipeline's section rewritten by `edit` (and moved when `first`). */
function withSilver(dir: string, edit: (section: string) => string, o: { first?: boolean } = {}): void {
  const file = join(dir, "rocky.toml");
  const text = readFileSync(file, "utf8");
  const section = SILVER.exec(text)?.[0];
  if (!section) throw new Error("the playground's rocky.toml has no [pipeline.silver] section");
  const edited = edit(section);
  const rest = text.replace(section, "");
  const out = o.first ? rest.replace("[pipeline.bronze]\n", `${edited.trim()}\n\n[pipeline.bronze]\n`) : rest.replace("\n[state]", `${edited}\n[state]`);
  writeFileSync(file, out);
}

const lineOf = (dir: string, needle: string) => readFileSync(join(dir, "rocky.toml"), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("pipeline depends_on", () => {
  it("skips a pipeline whose dependency failed, writing nothing of it, and says why", async () => {
    const dir = playgroundCopy();
    const broken = `\n[adapter.broken]\ntype = "fixture"\ncommand = ["${process.execPath}", "${join(REPO, "test/fixtures/adapters/crashes-at-startup.mjs")}"]\n`;
    // The playground's silver pipeline has depends_on = ["bronze"].
    writeFileSync(join(dir, "rocky.toml"), `${readFileSync(join(dir, "rocky.toml"), "utf8")}${broken}`);
    writeFileSync(join(dir, "rocky.toml"), readFileSync(join(dir, "rocky.toml"), "utf8").replace('[pipeline.bronze.source]\nadapter = "local"', '[pipeline.bronze.source]\nadapter = "broken"'));

    const json = await rocky(dir, "run", "--output", "json", "--events", "events.jsonl");
    expect(json.exitCode).toBe(1);
    const out = JSON.parse(json.stdout) as RunOutput;
    expect(out.status).toBe("failed");
    expect(out.pipelines.map((p) => [p.pipeline, p.status, p.error?.code])).toEqual([
      ["bronze", "failed", "ADAPTER_CRASHED"],
      ["silver", "skipped", "UPSTREAM_FAILED"],
    ]);
    expect(out.pipelines[1]).toEqual({
      pipeline: "silver", type: "transformation", status: "skipped", duration_ms: 0, tables: [], skipped: [],
      error: { code: "UPSTREAM_FAILED", message: 'not run: pipeline "bronze" in its depends_on failed', hint: 'Fix "bronze" (see its errors above), then run again; or run this pipeline alone with --pipeline silver' },
    });
    // The error names the pipeline that failed, not the one skipped because of it.
    expect(json.stderr).toMatch(/^error: Pipeline "bronze" failed: Adapter "broken" /m);
    const events = readFileSync(join(dir, "events.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as RunEvent);
    expect(events.filter((e) => e.type === "pipeline_finished").map((e) => [e.pipeline, e.status])).toEqual([["bronze", "failed"], ["silver", "skipped"]]);
    expect(events.some((e) => e.type === "model_started")).toBe(false);

    const human = await rocky(dir, "run");
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toContain('silver: skipped (UPSTREAM_FAILED: not run: pipeline "bronze" in its depends_on failed)\n');
    expect(await duck(join(dir, "data", "warehouse.duckdb"), "SELECT count(*)::INT FROM information_schema.schemata WHERE schema_name = 'silver'")).toEqual([[0]]);

    // Asked for by name, the pipeline runs: the user chose to (here it fails on the missing bronze tables).
    const alone = await rocky(dir, "run", "--pipeline", "silver", "--output", "json");
    expect((JSON.parse(alone.stdout) as RunOutput).pipelines.map((p) => [p.pipeline, p.status])).toEqual([["silver", "failed"]]);
  });

  it("runs the dependent pipeline when only some tables failed, skipping just the models that read them", async () => {
    const dir = playgroundCopy();
    // on_drift = "ignore": the copy goes ahead into the target's incompatible type, and the warehouse refuses it.
    writeFileSync(join(dir, "rocky.toml"), readFileSync(join(dir, "rocky.toml"), "utf8").replace('type = "replication"', 'type = "replication"\non_drift = "ignore"'));
    expect((await rocky(dir, "run")).exitCode).toBe(0);
    await duck(join(dir, "data", "catalogs", "acme_warehouse.duckdb"), "ALTER TABLE staging__eu_central__stripe.charges ALTER amount_cents TYPE DATE USING DATE '2020-01-01'");
    landData(dir, "--append");
    const r = await rocky(dir, "run", "--output", "json");
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as RunOutput;
    const charges = "acme_warehouse.staging__eu_central__stripe.charges";
    expect(out.pipelines.map((p) => [p.pipeline, p.status])).toEqual([["bronze", "failed"], ["silver", "failed"]]);
    expect(out.pipelines[0]?.tables.filter((t) => t.status === "failed").map((t) => t.target)).toEqual([charges]);
    expect(Object.fromEntries((out.pipelines[1]?.models ?? []).map((m) => [m.name, [m.status, m.skipped_because ?? null]]))).toEqual({
      customers: ["succeeded", null],
      orders: ["succeeded", null],
      order_loads: ["succeeded", null],
      customer_revenue: ["succeeded", null],
      deal_pipeline: ["succeeded", null],
      stripe_net_revenue: ["skipped", `source table "${charges}" failed in pipeline "bronze" (ADAPTER_REQUEST_FAILED)`],
    });
  });

  it("runs a pipeline after those it depends on, whatever the order in rocky.toml", async () => {
    const dir = playgroundCopy();
    withSilver(dir, (s) => s, { first: true });
    expect(readFileSync(join(dir, "rocky.toml"), "utf8").indexOf("[pipeline.silver]")).toBeLessThan(readFileSync(join(dir, "rocky.toml"), "utf8").indexOf("[pipeline.bronze]"));
    const r = await rocky(dir, "run", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as RunOutput;
    expect(out.pipelines.map((p) => [p.pipeline, p.status])).toEqual([["bronze", "succeeded"], ["silver", "succeeded"]]);
    const plan = JSON.parse((await rocky(dir, "plan", "--output", "json")).stdout) as { pipelines: { pipeline: string }[] };
    expect(plan.pipelines.map((p) => p.pipeline)).toEqual(["bronze", "silver"]);
  });

  it("refuses unknown pipelines and cycles in depends_on, naming the line", async () => {
    const dir = playgroundCopy();
    withSilver(dir, (s) => s.replace('depends_on = ["bronze"]', 'depends_on = ["bronz"]'));
    const unknown = await rocky(dir, "plan");
    expect(unknown).toEqual({
      stdout: "",
      stderr: `error: Pipeline "silver" depends on unknown pipeline "bronz"\n  --> rocky.toml:${lineOf(dir, 'depends_on = ["bronz"]')}\nhint: Did you mean "bronze"?\n`,
      exitCode: 1,
    });

    withSilver(dir, (s) => s.replace('depends_on = ["bronz"]', 'depends_on = ["bronze"]'));
    writeFileSync(join(dir, "rocky.toml"), readFileSync(join(dir, "rocky.toml"), "utf8").replace('[pipeline.bronze]\ntype = "replication"\n', '[pipeline.bronze]\ntype = "replication"\ndepends_on = ["silver"]\n'));
    const cycle = await rocky(dir, "plan");
    expect(cycle).toEqual({
      stdout: "",
      stderr: `error: Pipelines depend on each other in a cycle: bronze → silver → bronze\n  --> rocky.toml:${lineOf(dir, 'depends_on = ["silver"]')}\nhint: Each pipeline in the cycle waits for the next; remove one of these depends_on entries\n`,
      exitCode: 1,
    });
  });
});
