import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { silentLogger } from "../../src/log.js";
import { compileProject } from "../../src/models/compile-project.js";
import { runPipelines } from "../../src/pipeline/run-pipelines.js";

const PLAYGROUND = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "examples", "playground");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("examples/playground models", () => {
  it("compile without errors, in dependency order; the contract waits for data to describe", async () => {
    // A copy: compile starts the target adapter to check the contract, which would create the example's database.
    const dir = mkdtempSync(join(tmpdir(), "rocky-playground-"));
    dirs.push(dir);
    for (const entry of ["rocky.toml", "models", "contracts"]) cpSync(join(PLAYGROUND, entry), join(dir, entry), { recursive: true });
    const output = await compileProject({ config: join(dir, "rocky.toml") });
    // Nothing replicated yet: the warehouse cannot describe customer_revenue's SELECT, so its contract waits for the run.
    expect(output.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.file ?? ""}`)).toEqual(["warning CONTRACT_UNCHECKED contracts/customer_revenue.contract.toml"]);
    expect(output.order).toEqual(["customers", "deal_pipeline", "order_loads", "orders", "customer_revenue", "stripe_net_revenue"]);
    expect(output.models.find((m) => m.name === "customer_revenue")?.depends_on).toEqual(["customers", "orders"]);
  });

  it("run after the bronze layer in one rocky run, then append incrementally", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rocky-playground-"));
    dirs.push(dir);
    cpSync(join(PLAYGROUND, "rocky.toml"), join(dir, "rocky.toml"));
    cpSync(join(PLAYGROUND, "models"), join(dir, "models"), { recursive: true });
    cpSync(join(PLAYGROUND, "contracts"), join(dir, "contracts"), { recursive: true });
    execFileSync(process.execPath, [join(PLAYGROUND, "generate.mjs"), "--dir", dir], { stdio: "ignore" });
    const config = await loadConfig(join(dir, "rocky.toml"));

    const first = await runPipelines({ config, logger: silentLogger() });
    expect(first.pipelines.map((p) => [p.pipeline, p.status])).toEqual([["bronze", "succeeded"], ["silver", "succeeded"]]);
    expect((await compileProject({ config: join(dir, "rocky.toml") })).diagnostics).toEqual([]);
    const silver = first.pipelines[1]?.models ?? [];
    expect(silver.map((m) => [m.name, m.status, m.strategy])).toEqual([
      ["customers", "succeeded", "full_refresh"],
      ["deal_pipeline", "succeeded", "full_refresh"],
      ["order_loads", "succeeded", "time_interval"],
      ["orders", "succeeded", "full_refresh"],
      ["customer_revenue", "succeeded", "full_refresh"],
      ["stripe_net_revenue", "succeeded", "full_refresh"],
    ]);
    expect(silver.find((m) => m.name === "orders")?.watermark_after).toBe("2024-01-01 04:58:00");

    execFileSync(process.execPath, [join(PLAYGROUND, "generate.mjs"), "--dir", dir, "--append"], { stdio: "ignore" });
    const second = await runPipelines({ config, logger: silentLogger() });
    const orders = second.pipelines[1]?.models?.find((m) => m.name === "orders");
    // 25 appended rows, of which the refunded ones (every fourth status) are filtered out.
    expect(orders).toMatchObject({ status: "succeeded", strategy: "incremental", rows_affected: 19, watermark_after: "2024-01-01 05:24:00" });
    expect(second.pipelines[1]?.models?.find((m) => m.name === "customers")).toMatchObject({ strategy: "merge", rows_affected: 145 });
  });
});
