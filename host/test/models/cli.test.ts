import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { writeProject } from "./helpers/models-dir.js";
import { runCli } from "./helpers/run-cli.js";

// The built CLI (host/dist/main.js) on the playground project and on broken models.
const PLAYGROUND = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "examples", "playground");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rocky-cli-"));
  cpSync(join(PLAYGROUND, "rocky.toml"), join(dir, "rocky.toml"));
  cpSync(join(PLAYGROUND, "models"), join(dir, "models"), { recursive: true });
  execFileSync(process.execPath, [join(PLAYGROUND, "generate.mjs"), "--dir", dir], { stdio: "ignore" });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("rocky compile (built CLI)", () => {
  it("prints the models and exits 0", async () => {
    const { stdout, stderr, exitCode } = await runCli(["compile"], dir);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
    expect(stdout.split("\n")[0]).toBe("6 models (duckdb):");
    expect(stdout).toContain("  customer_revenue    full_refresh       acme_warehouse.gold.customer_revenue ← customers, orders\n");
  });

  it("exits 1 with every diagnostic on stdout and the summary error on stderr", async () => {
    const root = writeProject({
      "rocky.toml": '[adapter.wh]\ntype = "duckdb"\npath = "wh.duckdb"\n\n[pipeline.silver]\ntype = "transformation"\ntarget = { adapter = "wh", catalog = "wh", schema = "s" }\n',
      "models/a.sql": "SELECT * FROM b",
      "models/a.toml": 'depends_on = ["ghost"]\n',
      "models/b.sql": "SELECT id,, name FROM raw.t",
      "models/b.toml": "tags = []\n",
    });
    try {
      const { stdout, stderr, exitCode } = await runCli(["compile", "--output", "json"], root);
      expect(exitCode).toBe(1);
      expect(stderr).toBe("error: Compilation failed with 2 errors\nhint: Fix the problems listed above; each names its file and line\n");
      const output = JSON.parse(stdout) as { diagnostics: { code: string; location: object }[] };
      expect(validate("CompileOutput", output)).toEqual([]);
      expect(output.diagnostics.map((d) => [d.code, d.location])).toEqual([
        ["DAG_MISSING_REF", { file: "models/a.toml", line: 1, key: "depends_on" }],
        ["MODEL_SQL_INVALID", { file: "models/b.sql", line: 1, column: 11 }],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("rocky compile asks the warehouse about SQL Rocky's generic grammar cannot read (built CLI)", () => {
  it("accepts FROM-first SQL and struct and list literals that DuckDB parses, and refuses what DuckDB refuses with its message", async () => {
    const root = writeProject({
      "rocky.toml": '[adapter.wh]\ntype = "duckdb"\npath = "wh.duckdb"\n\n[pipeline.silver]\ntype = "transformation"\ntarget = { adapter = "wh", catalog = "wh", schema = "s" }\n',
      "models/a.sql": "FROM raw.t SELECT id, {'who': name, 'tags': [1, 2]} AS info",
      "models/a.toml": "tags = []\n",
      "models/b.sql": "SELECT * FROM a",
      "models/b.toml": "tags = []\n",
    });
    try {
      const ok = await runCli(["compile", "--output", "json"], root);
      expect({ exitCode: ok.exitCode, stderr: ok.stderr }).toEqual({ exitCode: 0, stderr: "" });
      expect((JSON.parse(ok.stdout) as { order: string[] }).order).toEqual(["a", "b"]);
      writeFileSync(join(root, "models", "a.sql"), "FROM raw.t SELECT id,\n  {'who': name,, 'tags': [1]} AS info");
      const refused = await runCli(["compile", "--output", "json"], root);
      expect(refused.exitCode).toBe(1);
      expect((JSON.parse(refused.stdout) as { diagnostics: object[] }).diagnostics).toEqual([
        {
          code: "MODEL_SQL_INVALID",
          severity: "error",
          message: 'Cannot parse the SQL of model "a" near ","',
          hint: 'The duckdb warehouse\'s parser reported: syntax error at or near ","',
          location: { file: "models/a.sql", line: 2, column: 16 },
          model: "a",
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("rocky run / plan with models (built CLI)", () => {
  it("runs both layers, then a selected subset, and plans one --partition with its bounds as parameters", async () => {
    const first = await runCli(["run", "--output", "json"], dir);
    expect(first.exitCode).toBe(0);
    const run = JSON.parse(first.stdout) as { pipelines: { pipeline: string; models?: { name: string; status: string }[] }[] };
    expect(validate("RunOutput", run)).toEqual([]);
    expect(run.pipelines.map((p) => p.pipeline)).toEqual(["bronze", "silver"]);
    expect(run.pipelines[1]?.models?.every((m) => m.status === "succeeded")).toBe(true);

    const subset = await runCli(["run", "--pipeline", "silver", "--select", "customers+", "--output", "json"], dir);
    expect(subset.exitCode).toBe(0);
    const models = (JSON.parse(subset.stdout) as typeof run).pipelines[0]?.models?.map((m) => [m.name, m.status]);
    expect(models).toEqual([["customers", "succeeded"], ["customer_revenue", "succeeded"]]);

    const plan = await runCli(["plan", "--pipeline", "silver", "--select", "order_loads", "--partition", "2024-03-01", "--output", "json"], dir);
    expect(plan.exitCode).toBe(0);
    const planned = JSON.parse(plan.stdout) as { pipelines: { models: { name: string; partitions: string[]; statements: { params: unknown[] }[] }[] }[] };
    expect(validate("PlanOutput", planned)).toEqual([]);
    expect(planned.pipelines[0]?.models.map((m) => [m.name, m.partitions])).toEqual([["order_loads", ["2024-03-01"]]]);
    expect(planned.pipelines[0]?.models[0]?.statements[0]?.params).toEqual([
      "2024-03-01 00:00:00", "2024-03-02 00:00:00", "2024-03-01 00:00:00", "2024-03-02 00:00:00", "2024-03-01 00:00:00", "2024-03-02 00:00:00",
    ]);
  });

  it("refuses conflicting partition flags as a usage error", async () => {
    const { stderr, exitCode } = await runCli(["plan", "--partition", "2024-03-01", "--missing"], dir);
    expect(exitCode).toBe(2);
    expect(stderr).toBe("error: Options --partition and --missing cannot be combined\nhint: Pick one way to choose partitions\n");
  });
});
