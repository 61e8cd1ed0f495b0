import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The esbuild bundle that dist/main.js prefers, built from the current dist/ into dist/<dir>/ as scripts/bundle.mjs does.
const HOST = resolve(import.meta.dirname, "..", "..");
const name = `test-bundle-${process.pid}`;
const ENTRY = join(HOST, "dist", `${name}-main.mjs`);
// Without node_modules/.bin, where npm links rocky-duckdb, the adapter can only come from adapters/.
const PATH_WITHOUT_ADAPTERS = (process.env.PATH ?? "").split(":").filter((p) => !p.includes("node_modules")).join(":");
let dir: string;

function rocky(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((done) => {
    execFile(process.execPath, [ENTRY, ...args], { cwd, env: { ...process.env, ROCKY_LOG: "warn", NO_COLOR: "1", PATH: PATH_WITHOUT_ADAPTERS } }, (err, stdout, stderr) => {
      done({ stdout, stderr, exitCode: err ? (typeof err.code === "number" ? err.code : 1) : 0 });
    });
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [join(HOST, "scripts", "bundle.mjs"), `dist/${name}`], { stdio: "pipe" });
  writeFileSync(ENTRY, `import { runRockyCli } from "./${name}/rocky-cli.js";\nprocess.exitCode = await runRockyCli(process.argv.slice(2));\n`);
  dir = mkdtempSync(join(tmpdir(), "rocky-bundle-"));
}, 60_000);

afterAll(() => {
  rmSync(join(HOST, "dist", name), { recursive: true, force: true });
  rmSync(ENTRY, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe("bundled rocky CLI", () => {
  it("lists the commands and exits 2 on an unknown one", async () => {
    expect((await rocky(dir, "--help")).stdout).toContain("rocky init-adapter <name>");
    expect(await rocky(dir, "frob")).toEqual({ stdout: "", stderr: "error: Unknown argument: frob\nhint: Run rocky --help to see the commands and their options\n", exitCode: 2 });
  });

  it("finds templates/ for init-adapter", async () => {
    const result = await rocky(dir, "init-adapter", "demo", "--lang", "typescript", "--dir", join(dir, "demo"));
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, "demo", "package.json"))).toBe(true);
  });

  it("starts the first-party DuckDB adapter from adapters/ for discover", async () => {
    writeFileSync(
      join(dir, "rocky.toml"),
      '[adapter.local]\ntype = "duckdb"\npath = "w.duckdb"\n\n[pipeline.bronze]\ntype = "replication"\n' +
        '[pipeline.bronze.source]\nadapter = "local"\nschema_pattern = { prefix = "src__", separator = "__", components = ["tenant"] }\n' +
        '[pipeline.bronze.target]\nadapter = "local"\ncatalog_template = "{tenant}_wh"\nschema_template = "staging"\n',
    );
    const result = await rocky(dir, "discover", "--output", "json");
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ pipelines: [{ pipeline: "bronze" }] });
  });
});
