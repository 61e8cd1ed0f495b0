import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validate, type CheckOutput, type CheckResult, type HistoryOutput, type RunEvent, type RunOutput } from "@rocky/protocol";
import { duck, encodeLikeDagster, playgroundCopy, rocky, type CliResult } from "../e2e/helpers.js";

const lines = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
const CUSTOMERS = "acme_warehouse.staging__us_west__shopify.customers";
const ORDERS = "acme_warehouse.staging__us_west__shopify.orders";

// On top of the playground's passing checks: an error check that customers fails, a warning check that orders fails.
const FAILING_CHECKS = `
[[pipeline.bronze.checks.assertions]]
type = "accepted_values"
column = "country"
values = ["US", "CA"]
tables = ["customers"]

[[pipeline.bronze.checks.custom]]
name = "big_orders"
sql = "SELECT * FROM {target} WHERE amount > 400"
tables = ["orders"]
severity = "warning"
`;

describe("checks in rocky run and rocky check (the playground on real DuckDB)", () => {
  let dir: string;
  let r: CliResult;
  let run: RunOutput;
  let bigOrders: number;
  const checksOf = (target: string) => run.pipelines.flatMap((p) => [...p.tables, ...(p.models ?? [])]).find((t) => t.target === target)?.checks ?? [];
  const allChecks = () => run.pipelines.flatMap((p) => [...p.tables, ...(p.models ?? [])]).flatMap((t) => t.checks ?? []);

  beforeAll(async () => {
    dir = playgroundCopy();
    bigOrders = Number((await duck(join(dir, "data", "warehouse.duckdb"), "SELECT count(*) FROM src__acme__us_west__shopify.orders WHERE amount > 400"))[0]?.[0]);
    // Silver keeps its depends_on = ["bronze"]: bronze fails only table by table, so each model is skipped or built on its own.
    const toml = readFileSync(join(dir, "rocky.toml"), "utf8");
    expect(toml).toMatch(/^depends_on = \["bronze"\].*\n/m);
    writeFileSync(join(dir, "rocky.toml"), `${toml}${FAILING_CHECKS}`);
    const env = {
      DAGSTER_PIPES_CONTEXT: encodeLikeDagster({ data: { asset_keys: null, run_id: "dagster-run-1", job_name: "rocky", extras: {} } }),
      DAGSTER_PIPES_MESSAGES: encodeLikeDagster({ path: join(dir, "pipes.jsonl") }),
    };
    r = await rocky(dir, { env }, "run", "--output", "json", "--events", "events.jsonl");
    run = JSON.parse(r.stdout) as RunOutput;
  });

  it("fails the table whose error check failed, skips the models reading it and their downstream, and lets a warning pass", () => {
    expect(validate("RunOutput", run)).toEqual([]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`first: ${CUSTOMERS}: 1 error-severity check failed on ${CUSTOMERS}: accepted_values_country (40 offending rows)`);
    const tables = run.pipelines[0]?.tables ?? [];
    expect(tables.filter((t) => t.status === "failed").map((t) => [t.target, t.error?.code])).toEqual([[CUSTOMERS, "CHECK_FAILED"]]);
    expect(checksOf(CUSTOMERS).filter((c) => c.status === "failed").map((c) => [c.name, c.severity, c.observed])).toEqual([["accepted_values_country", "error", 40]]);
    expect(checksOf(ORDERS).filter((c) => c.status === "failed").map((c) => [c.name, c.severity, c.observed])).toEqual([["big_orders", "warn", bigOrders]]);
    expect(tables.find((t) => t.target === ORDERS)?.status).toBe("succeeded");
    expect(bigOrders).toBeGreaterThan(0);
    const models = Object.fromEntries((run.pipelines[1]?.models ?? []).map((m) => [m.name, [m.status, m.skipped_because ?? null]]));
    expect(models).toEqual({
      customers: ["skipped", `source table "${CUSTOMERS}" failed its error-severity checks`],
      orders: ["succeeded", null],
      order_loads: ["succeeded", null],
      customer_revenue: ["skipped", 'upstream model "customers" was skipped'],
      deal_pipeline: ["succeeded", null],
      stripe_net_revenue: ["succeeded", null],
    });
    // The orders model's [[tests]] ran after its build and passed; bronze checks every copied table.
    expect(checksOf("acme_warehouse.silver.orders").map((c) => [c.name, c.status])).toEqual([["not_null_customer_id", "passed"], ["accepted_values_status", "passed"]]);
    expect(tables.every((t) => (t.checks ?? []).length >= 6)).toBe(true);
  });

  it("emits one check_finished event and one Dagster Pipes report_asset_check per check, in the published message format", () => {
    const checks = allChecks();
    const events = lines(join(dir, "events.jsonl")) as unknown as RunEvent[];
    for (const e of events) expect(validate("RunEvent", e)).toEqual([]);
    const finished = events.filter((e) => e.type === "check_finished");
    expect(finished.map((e) => [e.target, e.check, e.status, e.severity, e.message])).toEqual(
      checks.map((c) => [c.target, c.name, c.status === "passed" ? "succeeded" : "failed", c.severity, c.message]),
    );
    const reported = lines(join(dir, "pipes.jsonl")).filter((m) => m.method === "report_asset_check");
    expect(reported).toHaveLength(checks.length);
    for (const m of reported) {
      expect(Object.keys(m).sort()).toEqual(["__dagster_pipes_version", "method", "params"]);
      const p = m.params as Record<string, unknown>;
      expect(Object.keys(p).sort()).toEqual(["asset_key", "check_name", "metadata", "passed", "severity"]);
      expect(p.check_name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(["ERROR", "WARN"]).toContain(p.severity);
      for (const v of Object.values(p.metadata as Record<string, { raw_value: unknown; type: string }>)) expect(["text", "int", "null"]).toContain(v.type);
    }
    const find = (key: string, name: string) => reported.map((m) => m.params as Record<string, unknown>).find((p) => p.asset_key === key && p.check_name === name);
    expect(find("acme_warehouse/staging__us_west__shopify/customers", "accepted_values_country")).toMatchObject({ passed: false, severity: "ERROR", metadata: { message: { raw_value: "40 offending rows", type: "text" } } });
    expect(find("acme_warehouse/staging__us_west__shopify/orders", "big_orders")).toMatchObject({ passed: false, severity: "WARN" });
    expect(find("acme_warehouse/gold/customer_revenue", "unique_customer_id")).toBeUndefined();
    expect(find("acme_warehouse/silver/orders", "not_null_customer_id")).toMatchObject({ passed: true, severity: "ERROR" });
  });

  it("keeps the checks in the run history and shows the failed ones in the human run table", async () => {
    const h = await rocky(dir, "history", "--run", run.run_id);
    expect(h.exitCode, h.stderr).toBe(0);
    const passed = allChecks().filter((c) => c.status === "passed").length;
    expect(h.stdout).toMatch(new RegExp(`${CUSTOMERS.replaceAll(".", "\\.")} +check +- +- +FAILED +accepted_values_country: 40 offending rows\\n`));
    expect(h.stdout).toMatch(new RegExp(`${ORDERS.replaceAll(".", "\\.")} +check +- +- +warn +big_orders: ${bigOrders} rows returned \\(limit 0\\)\\n`));
    expect(h.stdout).toContain(`checks: ${passed} passed, 1 failed, 1 warned\n`);
    const json = JSON.parse((await rocky(dir, "history", "--output", "json")).stdout) as HistoryOutput;
    expect(json.runs[0]?.pipelines[0]?.tables.find((t) => t.target === CUSTOMERS)?.checks).toEqual(checksOf(CUSTOMERS));
  });

  it("rocky check runs the checks alone: exit 1 on an error-severity failure, --pipeline and --select narrow them", async () => {
    const all = await rocky(dir, "check", "--output", "json");
    expect(all.exitCode).toBe(1);
    expect(all.stderr).toContain(`error: 4 error-severity checks failed; first: ${CUSTOMERS} accepted_values_country: 40 offending rows\n`);
    const out = JSON.parse(all.stdout) as CheckOutput;
    expect(validate("CheckOutput", out)).toEqual([]);
    expect(out.status).toBe("failed");
    const failed = out.checks.filter((c) => c.status === "failed").map((c) => [c.pipeline, c.target, c.name, c.severity]);
    // customer_revenue was skipped by the run above, so its table is missing: its tests cannot run, and say so.
    expect(failed).toEqual([
      ["bronze", CUSTOMERS, "accepted_values_country", "error"],
      ["bronze", ORDERS, "big_orders", "warn"],
      ["silver", "acme_warehouse.gold.customer_revenue", "unique_customer_id", "error"],
      ["silver", "acme_warehouse.gold.customer_revenue", "relationships_customer_id", "error"],
      ["silver", "acme_warehouse.gold.customer_revenue", "expression", "error"],
    ]);
    expect(out.checks.find((c) => c.name === "unique_customer_id")?.message).toMatch(/^could not run: .*customer_revenue/);

    const orders = await rocky(dir, "check", "--pipeline", "bronze", "--select", "orders", "--output", "json");
    expect(orders.exitCode, orders.stderr).toBe(0);
    const narrowed = JSON.parse(orders.stdout) as CheckOutput;
    expect(narrowed.status).toBe("succeeded");
    expect(new Set(narrowed.checks.map((c) => c.target))).toEqual(new Set([ORDERS]));
    expect(narrowed.checks.map((c) => c.name)).toEqual(["row_count", "freshness", "column_match", "null_rate_id", "no_negative_amounts", "big_orders", "unique_id", "accepted_values_status", "anomaly"]);

    const human = await rocky(dir, "check", "--pipeline", "silver", "--select", "orders");
    expect(human.exitCode, human.stderr).toBe(0);
    expect(human.stdout.replace(/ +/g, " ")).toMatch(/^TARGET CHECK SEVERITY STATUS DETAIL\nacme_warehouse\.silver\.orders not_null_customer_id error ok no offending rows\nacme_warehouse\.silver\.orders accepted_values_status error ok no offending rows\n2 passed, 0 failed \(0 of error severity\) in \d+(\.\d)?m?s\n$/);
  });

  it("a model whose error [[tests]] fail is failed and its downstream skipped; a warn test only reports", async () => {
    appendFileSync(join(dir, "models", "orders.toml"), '\n[[tests]]\ntype = "accepted_values"\ncolumn = "status"\nvalues = ["paid"]\nname = "only_paid"\n');
    appendFileSync(join(dir, "models", "customers.toml"), '\n[[tests]]\ntype = "accepted_values"\ncolumn = "country"\nvalues = ["US"]\nseverity = "warn"\n');
    const silver = await rocky(dir, "run", "--pipeline", "silver", "--output", "json");
    expect(silver.exitCode).toBe(1);
    const result = JSON.parse(silver.stdout) as RunOutput;
    const models = Object.fromEntries((result.pipelines[0]?.models ?? []).map((m) => [m.name, [m.status, m.error?.code ?? m.skipped_because ?? null]]));
    expect(models).toMatchObject({
      customers: ["succeeded", null],
      orders: ["failed", "CHECK_FAILED"],
      customer_revenue: ["skipped", 'upstream model "orders" failed'],
    });
    const model = (name: string) => result.pipelines[0]?.models?.find((m) => m.name === name);
    const onlyPaid = model("orders")?.checks?.find((c) => c.name === "only_paid") as CheckResult;
    const orderRows = model("orders") ? Number((await duck(join(dir, "data", "warehouse.duckdb"), "SELECT count(*) FROM src__acme__us_west__shopify.orders WHERE status IN ('pending', 'shipped')"))[0]?.[0]) : 0;
    expect([onlyPaid.status, onlyPaid.severity, onlyPaid.observed]).toEqual(["failed", "error", orderRows]);
    expect(model("orders")?.error?.message).toBe(`1 error-severity check failed on model "orders": only_paid (${orderRows} offending rows)`);
    expect(model("customers")?.checks?.map((c) => [c.name, c.status, c.severity, c.observed])).toEqual([["accepted_values_country", "failed", "warn", 80]]);
  });
});
