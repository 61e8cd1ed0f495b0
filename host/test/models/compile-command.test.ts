import { rmSync } from "node:fs";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { compile as runCompile, type CompileArgs } from "../../src/cli/compile.js";
import { RockyError } from "../../src/errors.js";
import { writeProject } from "./helpers/models-dir.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const ROCKY_TOML = `
[adapter.wh]
type = "duckdb"
path = "wh.duckdb"

[pipeline.silver]
type = "transformation"
models = "models"
target = { adapter = "wh", catalog = "lake", schema = "silver" }
`;

async function compile(files: Record<string, string>, args: Partial<CompileArgs> = {}) {
  const root = writeProject(files);
  roots.push(root);
  const stdout = new PassThrough();
  let text = "";
  stdout.on("data", (c: Buffer) => (text += c.toString()));
  let error: unknown;
  try {
    await runCompile({ config: "rocky.toml", output: "table", ...args }, { stdout }, root);
  } catch (err) {
    error = err;
  }
  return { text, error };
}

describe("rocky compile", () => {
  it("lists the models in dependency order with their strategy and target", async () => {
    const { text, error } = await compile({
      "rocky.toml": ROCKY_TOML,
      "models/orders.sql": "SELECT * FROM raw.orders",
      "models/orders.toml": "tags = []\n",
      "models/revenue.sql": "SELECT sum(amount) AS total FROM orders",
      "models/revenue.toml": '[strategy]\ntype = "merge"\nunique_key = "total"\n',
    });
    expect(error).toBeUndefined();
    expect(text).toBe(
      ["2 models (duckdb):", "  orders   full_refresh       lake.silver.orders", "  revenue  merge              lake.silver.revenue ← orders", "0 errors, 0 warnings", ""].join("\n"),
    );
  });

  it("reports every diagnostic once with its location and fails", async () => {
    const { text, error } = await compile({
      "rocky.toml": ROCKY_TOML,
      "models/a.sql": "SELECT * FROM b",
      "models/a.toml": "tags = []\n",
      "models/b.sql": "SELECT * FROM a",
      "models/b.toml": 'tags = []\n[strategy]\ntype = "materialized_view"\n',
    });
    expect(text).toBe(
      [
        // b has an error, so it is left out of the graph and a's reference to it cannot close a cycle.
        "1 model (duckdb):",
        "  a  full_refresh       lake.silver.a",
        'models/b.toml:3: error: Model "b" uses strategy "materialized_view", which dialect "duckdb" cannot express [strategy.type] (PLAN_INVALID)',
        "  hint: materialized_view is Databricks only; use full_refresh on this target",
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
    expect(error).toBeInstanceOf(RockyError);
    expect((error as RockyError).message).toBe("Compilation failed with 1 error");
  });

  it("writes JSON that validates against CompileOutput", async () => {
    const { text, error } = await compile(
      {
        "rocky.toml": ROCKY_TOML,
        "models/a.sql": "SELECT * FROM b",
        "models/a.toml": "tags = []\n",
        "models/b.sql": "SELECT * FROM a",
        "models/b.toml": "tags = []\n",
      },
      { output: "json" },
    );
    expect(error).toBeInstanceOf(RockyError);
    const output = JSON.parse(text) as unknown;
    expect(validate("CompileOutput", output)).toEqual([]);
    expect(output).toMatchObject({
      command: "compile",
      ok: false,
      dialect: "duckdb",
      order: [],
      diagnostics: [{ code: "DAG_CYCLE", severity: "error", message: "Dependency cycle: a → b → a", location: { file: "models/a.sql" }, model: "a" }],
    });
  });

  it("compiles a directory without rocky.toml for a given dialect", async () => {
    const { text, error } = await compile(
      { "models/m.sql": "SELECT 1 AS x", "models/m.toml": '[target]\nschema = "s"\n[strategy]\ntype = "dynamic_table"\ntarget_lag = "1 day"\nwarehouse = "w"\n' },
      { models: "models", dialect: "snowflake" },
    );
    expect(error).toBeUndefined();
    expect(text).toBe(["1 model (snowflake):", "  m  dynamic_table      s.m", "0 errors, 0 warnings", ""].join("\n"));
  });
});
