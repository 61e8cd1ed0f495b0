import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export const REPO = resolve(import.meta.dirname, "..", "..");
export const ROCKY = join(REPO, "host", "dist", "main.js");
const PLAYGROUND = join(REPO, "examples", "playground");

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** A copy of examples/playground (config and models, not data) with freshly landed data. */
export function playgroundCopy(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-e2e-")));
  cpSync(PLAYGROUND, dir, { recursive: true, filter: (src) => !/[/\\](data|\.rocky)$/.test(src) });
  landData(dir);
  return dir;
}

export function landData(dir: string, ...args: string[]): void {
  execFileSync(process.execPath, [join(PLAYGROUND, "generate.mjs"), "--dir", dir, ...args], { stdio: "pipe" });
}

export interface RockyOptions {
  /** Added to the environment (PATH replaced when given). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the built CLI in `cwd`; ANSI stripped, the project path shown as <project>. Options may come before the arguments. */
export function rocky(cwd: string, ...rest: [RockyOptions, ...string[]] | string[]): Promise<CliResult> {
  const [options, args] = typeof rest[0] === "object" ? [rest[0], rest.slice(1) as string[]] : [{}, rest as string[]];
  return new Promise((done) => {
    execFile(process.execPath, [ROCKY, ...args], { cwd, env: { ...process.env, ROCKY_LOG: "warn", NO_COLOR: "1", ...options.env } }, (err, stdout, stderr) => {
      const clean = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").replaceAll(cwd, "<project>");
      const code = err && typeof err.code === "number" ? err.code : err ? 1 : 0;
      done({ stdout: clean(stdout), stderr: clean(stderr), exitCode: code });
    });
  });
}

/** Durations, run ids and timestamps vary between runs, and so do the column widths they set; alignment is unit-tested. */
export function normalise(text: string): string {
  return text
    .replace(/ +\d+(\.\d+)?m?s(?=\s)/g, " <t>")
    .replace(/ {2,}/g, "  ")
    .replace(/\d{8}T\d{6}Z-[0-9a-f]{6}/g, "<run_id>")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<time>");
}

/** Parameters made the way Dagster makes them: dagster_pipes.encode_param is base64(zlib(json)), here in Python's stdlib. */
export function encodeLikeDagster(value: unknown): string {
  const script = "import base64, json, sys, zlib; print(base64.b64encode(zlib.compress(json.dumps(json.loads(sys.argv[1])).encode('utf-8'))).decode('utf-8'))";
  return execFileSync("python3", ["-c", script, JSON.stringify(value)], { encoding: "utf8" }).trim();
}

export function parseJson<T>(result: CliResult): T {
  return JSON.parse(result.stdout) as T;
}

/** Runs SQL directly on a DuckDB file while no adapter holds it. */
export async function duck(file: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    return await (await connection.run(sql)).getRowsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The bronze rows of `rocky run`'s table on a fresh copy of the playground, as normalise() leaves them. */
export const PLAYGROUND_FIRST_BRONZE_ROWS: readonly string[] = [
  "acme_warehouse.staging__eu_central__stripe.charges  full_refresh  250 <t>  ok  target table missing",
  "acme_warehouse.staging__eu_central__stripe.refunds  full_refresh  30 <t>  ok  target table missing",
  "acme_warehouse.staging__us_west__shopify.customers  full_refresh  120 <t>  ok  target table missing",
  "acme_warehouse.staging__us_west__shopify.orders  full_refresh  300 <t>  ok  target table missing",
  "acme_warehouse.staging__us_west__shopify.products  full_refresh  40 <t>  ok  target table missing",
  "globex_warehouse.staging__us_east__hubspot.contacts  full_refresh  200 <t>  ok  target table missing",
  "globex_warehouse.staging__us_east__hubspot.deals  full_refresh  80 <t>  ok  target table missing",
  `globex_warehouse.staging__us_east__hubspot.owners  full_refresh  12 <t>  ok  no "_fivetran_synced" column`,
  "initech_warehouse.staging__apac__jp__salesforce.accounts  full_refresh  60 <t>  ok  target table missing",
  `warehouse.src__acme__us_west__shopify.orders_tmp  -  -  -  skipped  excluded by tables.exclude "*_tmp"`,
  "warehouse.src__scratch  -  -  -  skipped  schema has 1 part(s) after the prefix, expected at least 3 (tenant__regions...__connector)",
];
