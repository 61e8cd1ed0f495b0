import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { validate, validateAgainst, type DoctorOutput, type MetricsOutput, type RunEvent, type RunOutput } from "@rocky/protocol";
import { playgroundCopy, REPO, rocky } from "./helpers.js";

/** Parameters made the way Dagster makes them: dagster_pipes.encode_param is base64(zlib(json)), here in Python's stdlib. */
function encodeLikeDagster(value: unknown): string {
  const script = "import base64, json, sys, zlib; print(base64.b64encode(zlib.compress(json.dumps(json.loads(sys.argv[1])).encode('utf-8'))).decode('utf-8'))";
  return execFileSync("python3", ["-c", script, JSON.stringify(value)], { encoding: "utf8" }).trim();
}

const lines = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

// The message format of dagster-pipes' PipesMessage and PipesContext writers
// (python_modules/dagster-pipes/dagster_pipes/__init__.py: _make_message, report_asset_materialization, report_asset_check).
const METADATA = { type: ["object", "null"], additionalProperties: { type: "object", required: ["raw_value", "type"], additionalProperties: false, properties: { raw_value: {}, type: { enum: ["__infer__", "text", "url", "path", "notebook", "json", "md", "float", "int", "bool", "dagster_run", "asset", "null", "table", "table_schema", "table_column_lineage", "timestamp"] } } } };
const PIPES_MESSAGE = {
  type: "object",
  required: ["__dagster_pipes_version", "method", "params"],
  additionalProperties: false,
  properties: { __dagster_pipes_version: { const: "0.1" }, method: { enum: ["opened", "closed", "log", "report_asset_materialization", "report_asset_check", "report_custom_message", "log_external_stream"] }, params: { type: ["object", "null"] } },
  allOf: [
    { if: { properties: { method: { const: "opened" } } }, then: { properties: { params: { type: "object", required: ["extras"], properties: { extras: { type: "object" } } } } } },
    { if: { properties: { method: { const: "log" } } }, then: { properties: { params: { type: "object", required: ["message", "level"], additionalProperties: false, properties: { message: { type: "string" }, level: { enum: ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] } } } } } },
    { if: { properties: { method: { const: "report_asset_materialization" } } }, then: { properties: { params: { type: "object", required: ["asset_key", "data_version", "metadata"], additionalProperties: false, properties: { asset_key: { type: "string" }, data_version: { type: ["string", "null"] }, metadata: METADATA } } } } },
    { if: { properties: { method: { const: "report_asset_check" } } }, then: { properties: { params: { type: "object", required: ["asset_key", "check_name", "passed", "severity", "metadata"], additionalProperties: false, properties: { asset_key: { type: "string" }, check_name: { type: "string", pattern: "^[A-Za-z0-9_]+$" }, passed: { type: "boolean" }, severity: { enum: ["WARN", "ERROR"] }, metadata: METADATA } } } } },
    { if: { properties: { method: { const: "closed" } } }, then: { properties: { params: { type: "object" } } } },
  ],
};

describe("rocky run lifecycle events", () => {
  let dir: string;
  let run: RunOutput;
  let events: RunEvent[];
  beforeAll(async () => {
    dir = playgroundCopy();
    const r = await rocky(dir, "run", "--output", "json", "--events", "events.jsonl");
    expect(r.exitCode, r.stderr).toBe(0);
    run = JSON.parse(r.stdout) as RunOutput;
    events = lines(join(dir, "events.jsonl")) as unknown as RunEvent[];
  });

  it("writes every event as a valid RunEvent, numbered from 1 in order, run_started first and run_finished last", () => {
    for (const event of events) expect(validate("RunEvent", event)).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.run_id))).toEqual(new Set([run.run_id]));
    expect(events[0]?.type).toBe("run_started");
    expect(events.at(-1)).toMatchObject({ type: "run_finished", status: "succeeded" });
    expect(events.filter((e) => e.type.startsWith("pipeline_")).map((e) => `${e.type} ${e.pipeline}`)).toEqual([
      "pipeline_started bronze", "pipeline_finished bronze", "pipeline_started silver", "pipeline_finished silver",
    ]);
  });

  it("reports each table and model once started and once finished, with the rows and watermark of the run's result", () => {
    const tables = run.pipelines.flatMap((p) => p.tables);
    const models = run.pipelines.flatMap((p) => p.models ?? []);
    const finished = (type: string) => events.filter((e) => e.type === type);
    expect(finished("table_finished").filter((e) => e.status !== "skipped").map((e) => [e.target, e.status, e.rows, e.watermark]).sort()).toEqual(
      tables.map((t) => [t.target, t.status, t.rows_copied, t.watermark_after]).sort(),
    );
    expect(finished("table_finished").filter((e) => e.status === "skipped").map((e) => [e.source, e.message]).sort()).toEqual(
      run.pipelines.flatMap((p) => p.skipped).map((s) => [[s.catalog, s.schema, s.table].filter(Boolean).join("."), s.reason]).sort(),
    );
    expect(finished("model_finished").map((e) => [e.model, e.target, e.status]).sort()).toEqual(models.map((m) => [m.name, m.target, m.status]).sort());
    for (const type of ["table", "model"]) {
      for (const done of finished(`${type}_finished`).filter((e) => e.status !== "skipped")) {
        const started = events.filter((e) => e.type === `${type}_started` && e.target === done.target);
        expect(started).toHaveLength(1);
        expect((started[0] as RunEvent).seq).toBeLessThan(done.seq);
      }
    }
  });

  it("refuses an events file it cannot open before running anything", async () => {
    const fresh = playgroundCopy();
    // (a fresh copy: the run above created .rocky in dir)
    const r = await rocky(fresh, "run", "--events", "no/such/dir/events.jsonl");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Cannot open the events file "<project>/no/such/dir/events.jsonl"');
    expect(existsSync(join(fresh, ".rocky"))).toBe(false);
  });
});

describe("rocky run under Dagster Pipes", () => {
  let unrun: string | undefined;
  it("writes opened, one materialization per table and model, logs and closed, in the published message format", async () => {
    const dir = playgroundCopy();
    const messages = join(dir, "pipes-messages.jsonl");
    const env = {
      DAGSTER_PIPES_CONTEXT: encodeLikeDagster({ data: { asset_keys: null, run_id: "dagster-run-1", job_name: "rocky", retry_number: 0, extras: {}, code_version_by_asset_key: null, provenance_by_asset_key: null, partition_key: null, partition_key_range: null, partition_time_window: null } }),
      DAGSTER_PIPES_MESSAGES: encodeLikeDagster({ path: messages }),
    };
    const r = await rocky(dir, { env }, "run", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    const run = JSON.parse(r.stdout) as RunOutput;
    const written = lines(messages);
    for (const message of written) expect(validateAgainst(PIPES_MESSAGE, message), JSON.stringify(message)).toEqual([]);
    expect(written[0]).toEqual({ __dagster_pipes_version: "0.1", method: "opened", params: { extras: {} } });
    expect(written.at(-1)).toEqual({ __dagster_pipes_version: "0.1", method: "closed", params: {} });
    const materialized = written.filter((m) => m.method === "report_asset_materialization").map((m) => m.params as { asset_key: string; metadata: Record<string, { raw_value: unknown }> });
    const expected = [
      ...run.pipelines.flatMap((p) => p.tables).map((t) => [t.target.replaceAll(".", "/"), t.rows_copied, t.strategy]),
      ...run.pipelines.flatMap((p) => p.models ?? []).map((m) => [m.target.replaceAll(".", "/"), m.rows_affected, m.strategy]),
    ];
    expect(materialized.map((m) => [m.asset_key, m.metadata.rows?.raw_value, m.metadata.strategy?.raw_value]).sort()).toEqual(expected.sort());
    expect(materialized.every((m) => m.metadata.rocky_run_id?.raw_value === run.run_id)).toBe(true);
    expect(written.filter((m) => m.method === "log").map((m) => (m.params as { message: string }).message)).toContain(`rocky run ${run.run_id} started`);
  });

  it("reports only the asset keys the step selected", async () => {
    const dir = playgroundCopy();
    const messages = join(dir, "pipes-messages.jsonl");
    const env = {
      DAGSTER_PIPES_CONTEXT: encodeLikeDagster({ data: { asset_keys: ["acme_warehouse/silver/customers"], run_id: "r", extras: {} } }),
      DAGSTER_PIPES_MESSAGES: encodeLikeDagster({ path: messages }),
    };
    const r = await rocky(dir, { env }, "run");
    expect(r.exitCode, r.stderr).toBe(0);
    expect(lines(messages).filter((m) => m.method === "report_asset_materialization").map((m) => (m.params as { asset_key: string }).asset_key)).toEqual(["acme_warehouse/silver/customers"]);
  });

  it.each([
    ["only one variable", { DAGSTER_PIPES_CONTEXT: "x" }, "DAGSTER_PIPES_CONTEXT is set but DAGSTER_PIPES_MESSAGES is not: Dagster Pipes needs both"],
    ["plain base64 JSON, as the original decodes it", { DAGSTER_PIPES_CONTEXT: Buffer.from('{"data":{}}').toString("base64"), DAGSTER_PIPES_MESSAGES: Buffer.from('{"path":"/tmp/m"}').toString("base64") }, "DAGSTER_PIPES_CONTEXT is not a Dagster Pipes parameter: expected base64 of zlib-compressed JSON"],
    ["messages on stdout", { DAGSTER_PIPES_CONTEXT: encodeLikeDagster({ data: { asset_keys: null } }), DAGSTER_PIPES_MESSAGES: encodeLikeDagster({ stdio: "stdout" }) }, "DAGSTER_PIPES_MESSAGES asks for Pipes messages on stdout, which carries rocky's result"],
    ["a context file that is missing", { DAGSTER_PIPES_CONTEXT: encodeLikeDagster({ path: "/nonexistent/context.json" }), DAGSTER_PIPES_MESSAGES: encodeLikeDagster({ path: "/tmp/m" }) }, 'Cannot read the Dagster Pipes context file "/nonexistent/context.json"'],
  ])("fails loudly before running when the variables are unusable: %s", async (_name, env, message) => {
    const dir = (unrun ??= playgroundCopy());
    const r = await rocky(dir, { env }, "run");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(existsSync(join(dir, ".rocky"))).toBe(false);
  });
});

describe("rocky metrics", () => {
  it("reads back each run's counters and histograms, which agree with the run's result", async () => {
    const dir = playgroundCopy();
    const first = JSON.parse((await rocky(dir, "run", "--output", "json")).stdout) as RunOutput;
    const second = JSON.parse((await rocky(dir, "run", "--output", "json")).stdout) as RunOutput;
    for (const run of [first, second]) {
      const m = run.metrics;
      const tables = run.pipelines.flatMap((p) => p.tables);
      const models = run.pipelines.flatMap((p) => p.models ?? []);
      expect(m?.counters).toMatchObject({
        tables_processed: tables.length, tables_failed: 0, tables_skipped: run.pipelines.reduce((n, p) => n + p.skipped.length, 0),
        models_processed: models.length, models_failed: 0, models_skipped: 0, adapter_calls_failed: 0,
        rows_copied: tables.reduce((n, t) => n + (t.rows_copied ?? 0), 0),
      });
      expect(m?.counters.statements_executed).toBeGreaterThanOrEqual(tables.length + models.length);
      expect(m?.histograms.adapter_call_ms.count).toBe(m?.counters.adapter_calls);
      expect(m?.histograms.table_ms).toMatchObject({ count: tables.length, max: Math.max(...tables.map((t) => t.duration_ms)) });
    }
    const r = await rocky(dir, "metrics", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as MetricsOutput;
    expect(validate("MetricsOutput", out)).toEqual([]);
    expect(out.runs.map((e) => [e.run_id, e.metrics])).toEqual([[second.run_id, second.metrics], [first.run_id, first.metrics]]);
    const all = [first, second].flatMap((run) => run.pipelines.flatMap((p) => p.tables.map((t) => t.duration_ms))).sort((a, b) => a - b);
    expect(out.overall).toMatchObject({ runs: 2, table_ms: { count: all.length, max: all.at(-1), p50: all[Math.ceil(all.length / 2) - 1] } });
    const text = await rocky(dir, "metrics");
    expect(text.stdout.split("\n")[0]).toMatch(/^RUN +STATUS +TABLES +MODELS +ROWS +STATEMENTS +CALLS +TABLE MS p50\/p95\/max +MODEL MS p50\/p95\/max +CALL MS p50\/p95\/max$/);
    expect(text.stdout).toContain("2 runs: tables ");
  });

  it("says so, and creates nothing, when no run is recorded", async () => {
    const dir = playgroundCopy();
    const r = await rocky(dir, "metrics");
    expect(r).toMatchObject({ exitCode: 0, stdout: "no runs recorded in <project>/.rocky/state\n" });
    expect(existsSync(join(dir, ".rocky"))).toBe(false);
  });
});

describe("rocky doctor", () => {
  it("checks config, starts and handshakes every adapter, reads the state, and creates nothing", async () => {
    const dir = playgroundCopy();
    writeFileSync(join(dir, "rocky.toml"), `${readFileSync(join(dir, "rocky.toml"), "utf8")}\n[adapter.broken]\ntype = "fixture"\ncommand = ["${process.execPath}", "${join(REPO, "test/fixtures/adapters/crashes-at-startup.mjs")}"]\n`);
    const r = await rocky(dir, "doctor", "--output", "json");
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as DoctorOutput;
    expect(validate("DoctorOutput", out)).toEqual([]);
    expect(out.overall).toBe("fail");
    expect(out.checks.map((c) => [c.name, c.status])).toEqual([["config", "ok"], ["adapter.local", "ok"], ["adapter.broken", "fail"], ["state", "ok"], ["state.remote", "skipped"], ["cache", "ok"], ["events", "skipped"]]);
    expect(out.checks[1]?.details).toMatchObject({ name: "duckdb", dialect: "duckdb", protocol_version: 1, legacy: false });
    expect(out.checks[1]?.message).toMatch(/^duckdb \d+\.\d+\.\d+, duckdb dialect, protocol v1, handshake \d+ ms$/);
    expect(out.checks[2]?.message).toContain('Adapter "broken" exited');
    expect(r.stderr).toContain("error: 1 of 7 health checks failed: adapter.broken");
    expect(existsSync(join(dir, ".rocky"))).toBe(false);
  });

  it("reports a config that does not load and skips what needs it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rocky-doctor-"));
    writeFileSync(join(dir, "rocky.toml"), "[adapter.x]\ntype = 3\n");
    const r = await rocky(dir, "doctor");
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split("\n").map((l) => l.split(/ +/).slice(0, 2).join(" "))).toEqual(["CHECK STATUS", "config fail", "adapters skipped", "state skipped", "state.remote skipped", "cache skipped", "events skipped", "doctor: fail", ""]);
  });

  it("reaches the cache's and the events' Valkey servers, and warns (not fails) when one is down", async () => {
    const dir = playgroundCopy();
    const base = readFileSync(join(dir, "rocky.toml"), "utf8");
    writeFileSync(join(dir, "rocky.toml"), `${base}\n[cache]\nvalkey_url = "${inject("redisUrl")}"\n\n[events]\nvalkey_url = "redis://127.0.0.1:1/0"\nchannel = "ops"\n`);
    const r = await rocky(dir, "doctor", "--output", "json");
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as DoctorOutput;
    expect(out.overall).toBe("warn");
    const check = (name: string) => out.checks.find((c) => c.name === name);
    expect(check("cache")?.status).toBe("ok");
    expect(check("cache")?.message).toMatch(new RegExp(`^valkey ${inject("redisUrl").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} reachable in \\d+ ms \\(prefix "rocky:cache:"\\)$`));
    expect(check("events")).toMatchObject({ status: "warn", hint: "Start the server, fix [events] valkey_url, or remove it" });
    expect(check("events")?.message).toMatch(/^valkey redis:\/\/127\.0\.0\.1:1\/0 unreachable \(.*ECONNREFUSED.*\): runs go on without publishing events$/);
  });
});
