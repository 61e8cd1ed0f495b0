import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { validate, type CompileOutput, type ErrorOutput, type HistoryOutput, type RunOutput, type SchemaTypeName } from "@rocky/protocol";
import { describe, expect, it } from "vitest";
import { normalise, parseJson, rocky } from "../e2e/helpers.js";

const ROCKY_TOML = (target: string) => `[adapter.wh]\ntype = "duckdb"\npath = "wh.duckdb"\n\n[pipeline.silver]\ntype = "transformation"\ntarget = ${target}\n`;
const TARGET = '{ adapter = "wh", catalog = "wh", schema = "silver" }';

function project(files: Readonly<Record<string, string>>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-i14-")));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("models tell the truth at compile time (issue 14)", () => {
  it("a model without a target catalog is a compile error, the same one plan reports, not a surprise at plan time", async () => {
    const dir = project({
      "rocky.toml": ROCKY_TOML('{ adapter = "wh", schema = "silver" }'),
      "models/nums.sql": "SELECT 1 AS n\n",
      "models/nums.toml": "[target]\ntable = \"numbers\"\n",
    });
    const compiled = await rocky(dir, "compile", "--output", "json");
    expect(compiled.exitCode).toBe(1);
    const out = parseJson<CompileOutput>(compiled);
    expect(out.diagnostics).toEqual([
      {
        code: "MODEL_INVALID",
        severity: "error",
        message: 'Model "nums" has no target catalog',
        hint: 'Set [target] catalog = "..." in the .toml, or a default `catalog` in the pipeline\'s target in rocky.toml',
        location: { file: "models/nums.toml", line: 1, key: "target.catalog" },
        model: "nums",
      },
    ]);
    const planned = await rocky(dir, "plan");
    expect(planned.exitCode).toBe(1);
    expect(planned.stderr).toBe(
      'error: Model "nums" has no target catalog\n  --> models/nums.toml:1\nhint: Set [target] catalog = "..." in the .toml, or a default `catalog` in the pipeline\'s target in rocky.toml\n',
    );
  });

  it("a bare table name that is no model is a compile error at its line, with a did-you-mean", async () => {
    const dir = project({
      "rocky.toml": ROCKY_TOML(TARGET),
      "models/stg_customers.sql": "SELECT 1 AS id\n",
      "models/stg_customers.toml": "",
      "models/report.sql": "SELECT id\n  FROM stg_customer\n",
      "models/report.toml": "",
      "models/declared.sql": "SELECT * FROM lookup\n",
      "models/declared.toml": '[[sources]]\ntable = "lookup"\n',
    });
    const r = await rocky(dir, "compile", "--output", "json");
    expect(r.exitCode).toBe(1);
    expect(parseJson<CompileOutput>(r).diagnostics).toEqual([
      {
        code: "DAG_MISSING_REF",
        severity: "error",
        message: 'Model "report" reads "stg_customer", which is neither a model nor a qualified source table; did you mean "stg_customers"?',
        hint: "Write stg_customers, or qualify a warehouse table as schema.table or catalog.schema.table",
        location: { file: "models/report.sql", line: 2, column: 8 },
        model: "report",
      },
    ]);
  });

  it("a warehouse error on line 3 of a model is reported at models/x.sql:3, not at the line of the generated statement", async () => {
    const dir = project({
      "rocky.toml": ROCKY_TOML(TARGET),
      "models/bad.sql": "SELECT\n  1 AS id,\n  no_such_column AS oops\n",
      "models/bad.toml": "",
    });
    const r = await rocky(dir, "run", "--output", "json");
    expect(r.exitCode).toBe(1);
    const error = parseJson<RunOutput>(r).pipelines[0]?.models?.[0]?.error;
    expect(error?.code).toBe("ADAPTER_REQUEST_FAILED");
    expect(error?.message).toMatch(/^models\/bad\.sql:3: Adapter "wh" failed "execute_statement": EXECUTION_FAILED: Binder Error: Referenced column "no_such_column" /);
    // DuckDB counted the CREATE ... AS line: its LINE 4 is the model's line 3.
    expect(error?.message).toContain("\nLINE 3:   no_such_column AS oops\n");
    expect(error?.hint).toBe('Fix line 3 of models/bad.sql; "rocky plan" shows the statement as sent');
  });

  it("rocky plan --output json prints a failed envelope when it fails, and every command's JSON carries command and status", async () => {
    const dir = project({ "rocky.toml": ROCKY_TOML('{ adapter = "nowhere", catalog = "wh", schema = "silver" }'), "models/a.sql": "SELECT 1 AS n\n", "models/a.toml": "" });
    const failed = await rocky(dir, "plan", "--output", "json");
    expect(failed.exitCode).toBe(1);
    const doc = parseJson<ErrorOutput>(failed);
    expect(validate("ErrorOutput", doc)).toEqual([]);
    expect([doc.command, doc.status, doc.error.code, doc.error.message]).toEqual(["plan", "failed", "CONFIG_INVALID", 'Unknown adapter "nowhere"']);
    expect(failed.stderr).toMatch(/^error: Unknown adapter "nowhere"\n/);

    const ok = project({ "rocky.toml": ROCKY_TOML(TARGET), "models/a.sql": "SELECT 1 AS n\n", "models/a.toml": "" });
    const commands: [SchemaTypeName, string[]][] = [
      ["CompileOutput", ["compile"]],
      ["PlanOutput", ["plan"]],
      ["RunOutput", ["run"]],
      ["StateOutput", ["state"]],
      ["HistoryOutput", ["history"]],
    ];
    for (const [type, args] of commands) {
      const r = await rocky(ok, ...args, "--output", "json");
      expect(r.exitCode).toBe(0);
      const out = parseJson<{ command: string; status: string }>(r);
      expect(validate(type, out)).toEqual([]);
      expect([out.command, out.status]).toEqual([args[0], "succeeded"]);
    }
  });

  it("model runs report the rows the warehouse wrote, in the run table and in history", async () => {
    const dir = project({
      "rocky.toml": ROCKY_TOML(TARGET),
      "models/nums.sql": "SELECT * FROM range(7) AS t(n)\n",
      "models/nums.toml": "",
      "models/evens.sql": "SELECT n FROM nums WHERE n % 2 = 0\n",
      "models/evens.toml": '[strategy]\ntype = "incremental"\ntimestamp_column = "n"\n',
    });
    const first = await rocky(dir, "run");
    expect(first.exitCode).toBe(0);
    expect(normalise(first.stdout)).toBe(
      [
        "TABLE  STRATEGY  ROWS  TIME  STATUS  DETAIL",
        "wh.silver.nums  full_refresh  7 <t>  ok  full_refresh model: rebuilt every run",
        "wh.silver.evens  full_refresh  4 <t>  ok  first run: target table missing",
        "silver: succeeded, 2 ok, 0 failed, 0 skipped models in <t>",
        "run <run_id> succeeded in <t>",
        "",
      ].join("\n"),
    );
    const history = parseJson<HistoryOutput>(await rocky(dir, "history", "--output", "json"));
    expect(history.runs[0]?.pipelines[0]?.models?.map((m) => [m.name, m.rows_affected])).toEqual([["nums", 7], ["evens", 4]]);
  });

  it("a sidecar written for the original Rocky loads unchanged: name, [target], depends_on, intent, [tags]", async () => {
    const dir = project({
      "rocky.toml": ROCKY_TOML(TARGET),
      "models/base.sql": "SELECT 1 AS id\n",
      "models/base.toml": "",
      "models/fct_orders.sql": "SELECT 1 AS id\n",
      "models/fct_orders.toml": [
        'name = "orders_fact"',
        'depends_on = ["base"]',
        'intent = "One row per order, for the finance dashboards"',
        "",
        "[target]",
        'catalog = "wh"',
        'schema = "gold"',
        'table = "orders"',
        "",
        "[tags]",
        'team = "finance"',
        'tier = "gold"',
        "",
      ].join("\n"),
    });
    const r = await rocky(dir, "compile", "--output", "json");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const out = parseJson<CompileOutput>(r);
    expect(validate("CompileOutput", out)).toEqual([]);
    expect(out.models.find((m) => m.sql_file === "models/fct_orders.sql")).toEqual({
      name: "orders_fact",
      pipeline: "silver",
      sql_file: "models/fct_orders.sql",
      config_file: "models/fct_orders.toml",
      target: { catalog: "wh", schema: "gold", table: "orders" },
      strategy: "full_refresh",
      depends_on: ["base"],
      sources: [],
      tags: ["team:finance", "tier:gold"],
      intent: "One row per order, for the finance dashboards",
    });
    // The file stem is no longer the model's name: reading it by that name is a typo of the new one.
    writeFileSync(join(dir, "models/report.sql"), "SELECT * FROM fct_orders\n");
    writeFileSync(join(dir, "models/report.toml"), "");
    const stale = parseJson<CompileOutput>(await rocky(dir, "compile", "--output", "json"));
    expect(stale.diagnostics.map((d) => d.message)).toEqual(['Model "report" reads "fct_orders", which is neither a model nor a qualified source table; did you mean "orders_fact"?']);
    rmSync(join(dir, "models/report.sql"));
    rmSync(join(dir, "models/report.toml"));
    const run = await rocky(dir, "run", "--select", "tag:team:finance", "--output", "json");
    expect(run.exitCode).toBe(0);
    expect(parseJson<RunOutput>(run).pipelines[0]?.models?.map((m) => [m.name, m.target, m.status])).toEqual([["orders_fact", "wh.gold.orders", "succeeded"]]);
  });
});
