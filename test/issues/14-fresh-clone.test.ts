import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../host/src/cli/commands.js";
import { normalise, PLAYGROUND_FIRST_BRONZE_ROWS, REPO } from "../e2e/helpers.js";

// What the README promises a newcomer: `npm ci`, then `npx rocky ...`. npm links bins while it installs, before the
// prepare script builds dist/, so this runs in a fresh clone of the committed HEAD (uncommitted work is not in it).
// npm's own settings from an enclosing `npm test` (npm_config_*, npm_lifecycle_*) are left out, as on a newcomer's shell.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
const run = (cwd: string, command: string, args: string[]) => {
  const r = spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: "1", ROCKY_LOG: "warn" }, encoding: "utf8", timeout: 540_000 });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
};

describe("a newcomer's first commands in a fresh clone (issue 14)", () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-clone-")));
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

  it("npm ci links rocky and rocky-adapter-duckdb; npx rocky --help and npx rocky run on the example work at once", () => {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
    execFileSync("git", ["clone", "--quiet", "--shared", "--no-checkout", REPO, dir], { stdio: "pipe" });
    execFileSync("git", ["checkout", "--quiet", "--detach", head], { cwd: dir, stdio: "pipe" });

    const ci = run(dir, "npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"]);
    expect(ci.stderr).not.toMatch(/npm (ERR|error)/);
    expect(ci.exitCode).toBe(0);

    const help = run(dir, "npx", ["--no-install", "rocky", "--help"]);
    expect(help.stderr).toBe("");
    expect(help.exitCode).toBe(0);
    const lines = help.stdout.split("\n");
    expect(lines[0]).toBe("rocky <command> [options]");
    const listed = lines.filter((l) => l.startsWith("  rocky ")).map((l) => l.trim().split(/ {2,}/)[0]);
    expect(listed).toEqual(COMMANDS.map((c) => `rocky ${c.command}`));

    // No input: each first-party adapter reads EOF at once and exits cleanly, saying nothing on the protocol channel.
    for (const type of ["duckdb", "databricks", "snowflake", "fivetran"]) {
      const adapter = run(dir, "npx", ["--no-install", `rocky-adapter-${type}`]);
      expect([type, adapter.exitCode, adapter.stdout]).toEqual([type, 0, ""]);
    }

    execFileSync(process.execPath, ["examples/playground/generate.mjs"], { cwd: dir, stdio: "pipe" });
    const r = run(dir, "npx", ["--no-install", "rocky", "run", "--config", "examples/playground/rocky.toml"]);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(normalise(r.stdout).replace(/\d{4}-\d\d-\d\d\b/g, "<day>")).toBe(EXPECTED_RUN);
  }, 600_000);

  it.each([
    ["host", 'error: Cannot start rocky: "<dir>/dist/main.js" is not built'],
    ["adapters/duckdb", 'error: Cannot start the DuckDB adapter: "<dir>/dist/main.js" is not built'],
  ])("the %s bin says how to build when dist/ is missing, and leaves stdout alone", (pkg, message) => {
    const copy = realpathSync(mkdtempSync(join(tmpdir(), "rocky-bin-")));
    cpSync(join(REPO, pkg, "bin"), join(copy, "bin"), { recursive: true });
    const r = run(copy, process.execPath, [join(copy, "bin", "main.js"), "--help"]);
    rmSync(copy, { recursive: true, force: true });
    expect([r.exitCode, r.stdout, r.stderr.replaceAll(copy, "<dir>")]).toEqual([1, "", `${message}\nhint: Run "npm run build" (or "npm ci") at the repository root\n`]);
  });
});

const EXPECTED_RUN = [
  "TABLE  STRATEGY  ROWS  TIME  STATUS  DETAIL",
  ...PLAYGROUND_FIRST_BRONZE_ROWS,
  "acme_warehouse.silver.customers  full_refresh  120 <t>  ok  first run: target table missing",
  "globex_warehouse.gold.deal_pipeline  full_refresh  3 <t>  ok  full_refresh model: rebuilt every run",
  "acme_warehouse.silver.order_loads  time_interval  300 <t>  ok  2 day partitions: <day>, <day>",
  "acme_warehouse.silver.orders  full_refresh  225 <t>  ok  first run: target table missing",
  "acme_warehouse.gold.customer_revenue  full_refresh  120 <t>  ok  full_refresh model: rebuilt every run; contract kept (contracts/customer_revenue.contract.toml)",
  "acme_warehouse.gold.stripe_net_revenue  full_refresh  3 <t>  ok  full_refresh model: rebuilt every run",
  "bronze: succeeded, 9 ok, 0 failed, 2 skipped, 1092 rows copied in <t>",
  "silver: succeeded, 6 ok, 0 failed, 0 skipped models in <t>",
  "checks: 62 passed, 0 failed, 0 warned",
  "run <run_id> succeeded in <t>",
  "",
].join("\n");
