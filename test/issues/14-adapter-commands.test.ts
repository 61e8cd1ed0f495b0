import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate, type AdapterInfoOutput, type AdapterListOutput, type ErrorOutput } from "@rocky/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { parseJson, REPO, rocky } from "../e2e/helpers.js";

const FIXTURES = join(REPO, "test", "fixtures", "adapters");
const DUCKDB = join(REPO, "adapters", "duckdb", "dist", "main.js");

// The interpreter itself: a pyenv shim on PATH needs the rest of PATH, which these tests replace.
const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

/** A directory of executables named like adapters, each a real fixture program. */
function pathDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-path-")));
  const script = (name: string, command: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\nexec ${command}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  script("rocky-adapter-good", `"${process.execPath}" "${join(FIXTURES, "well-behaved.mjs")}"`);
  script("rocky-hangs", `"${process.execPath}" "${join(FIXTURES, "never-answers-initialize.mjs")}"`);
  script("rocky-crashes", `"${process.execPath}" "${join(FIXTURES, "crashes-at-startup.mjs")}"`);
  script("rocky-echo", `"${PYTHON}" "${join(FIXTURES, "original_protocol_adapter.py")}"`);
  // The same file under a second adapter name is listed once; a non-executable file and other programs not at all.
  symlinkSync(join(dir, "rocky-adapter-good"), join(dir, "rocky-good"));
  writeFileSync(join(dir, "rocky-notes"), "not a program\n");
  script("rockyish", "true");
  return dir;
}

describe("rocky adapter list / info (issue 14)", () => {
  let dir: string;
  let cwd: string;
  let env: { PATH: string };
  beforeAll(() => {
    dir = pathDir();
    cwd = realpathSync(mkdtempSync(join(tmpdir(), "rocky-cwd-")));
    env = { PATH: dir };
  });

  // One adapter never answers initialize: without the --timeout deadline this test would hang past its own timeout.
  it("rocky adapter list starts every adapter on PATH and the first-party ones, each within --timeout, and shows each failure", async () => {
    const r = await rocky(cwd, { env }, "adapter", "list", "--timeout", "3000", "--output", "json");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const out = parseJson<AdapterListOutput>(r);
    expect(validate("AdapterListOutput", out)).toEqual([]);
    const rows = out.adapters.map((a) => [a.name, a.program, a.origin, a.used, a.version, a.dialect, a.protocol_version, a.legacy_protocol, a.error?.code ?? null]);
    expect(rows).toEqual([
      ["crashes", "rocky-crashes", "path", true, null, null, null, null, "ADAPTER_CRASHED"],
      ["duckdb", "adapters/duckdb", "builtin", true, "0.1.0", "duckdb", 1, false, null],
      ["echo", "rocky-echo", "path", true, "0.1.0", "generic", 1, true, null],
      ["good", "rocky-adapter-good", "path", true, "0.0.1", "duckdb", 1, false, null],
      ["hangs", "rocky-hangs", "path", true, null, null, null, null, "ADAPTER_STARTUP_TIMEOUT"],
    ]);
    expect(out.adapters.map((a) => a.path)).toEqual([join(dir, "rocky-crashes"), DUCKDB, join(dir, "rocky-echo"), join(dir, "rocky-adapter-good"), join(dir, "rocky-hangs")]);
    expect(out.adapters[4]?.error?.message).toContain("did not complete the handshake within 3000 ms");
  });

  it("rocky adapter list prints a table with the error of a failing adapter", async () => {
    const r = await rocky(cwd, { env }, "adapter", "list", "--timeout", "3000");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.replaceAll(dir, "<path>").replaceAll(REPO, "<repo>").split("\n").map((l) => l.replace(/ {2,}/g, "  "));
    expect(lines[0]).toBe("NAME  VERSION  DIALECT  PROTOCOL  PATH  NOTE");
    expect(lines[1]).toMatch(/^crashes  error  -  -  <path>\/rocky-crashes  ADAPTER_CRASHED: Adapter "crashes" exited with code 1 during "initialize"$/);
    expect(lines.slice(2)).toEqual([
      "duckdb  0.1.0  duckdb  1  <repo>/adapters/duckdb/dist/main.js",
      "echo  0.1.0  generic  1 (original)  <path>/rocky-echo",
      "good  0.0.1  duckdb  1  <path>/rocky-adapter-good",
      expect.stringMatching(/^hangs  error  -  -  <path>\/rocky-hangs  ADAPTER_STARTUP_TIMEOUT: Adapter "hangs" did not complete the handshake within 3000 ms/),
      "",
    ]);
  });

  it("rocky adapter list marks an adapter that another one shadows", async () => {
    const shadow = realpathSync(mkdtempSync(join(tmpdir(), "rocky-path-")));
    symlinkSync(join(dir, "rocky-adapter-good"), join(shadow, "rocky-adapter-duckdb"));
    const r = await rocky(cwd, { env: { PATH: shadow } }, "adapter", "list", "--output", "json");
    expect(r.exitCode).toBe(0);
    const out = parseJson<AdapterListOutput>(r);
    expect(out.adapters.map((a) => [a.name, a.path, a.used, a.version])).toEqual([
      ["duckdb", join(shadow, "rocky-adapter-duckdb"), true, "0.0.1"],
      ["duckdb", DUCKDB, false, "0.1.0"],
    ]);
  });

  it("rocky adapter info prints the manifest, with the config keys and their defaults", async () => {
    const r = await rocky(cwd, { env }, "adapter", "info", "duckdb");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.replaceAll(REPO, "<repo>")).toBe(
      [
        "name: duckdb",
        "path: <repo>/adapters/duckdb/dist/main.js",
        "version: 0.1.0",
        "sdk_version: 0.1.0",
        "dialect: duckdb",
        "protocol_version: 1",
        "auth_methods: -",
        "roles: source, warehouse",
        "capabilities:",
        "  warehouse = true",
        "  discovery = true",
        "  governance = false",
        "  batch_checks = true",
        "  create_catalog = true",
        "  drop_catalog = true",
        "  create_schema = true",
        "  merge = true",
        "  tablesample = true",
        "  file_load = true",
        "  dialect = true",
        "  query_paging = true",
        "  cancellation = true",
        "  transactions = true",
        "  sql_parse = true",
        "config (under [adapter.NAME] in rocky.toml):",
        '  path (default ":memory:"): Database file, created if missing; ":memory:" (the default) for an in-memory database',
        "  catalogs_dir (optional): Directory whose <name>.duckdb files are attached as catalogs <name>; catalog/create creates files here. Default: the database file's directory",
        "  read_only (default false): Open every database read-only",
        "  threads (optional): DuckDB worker threads",
        '  memory_limit (optional): Most memory DuckDB may hold, e.g. "2GB" (default: 80% of RAM); beyond it DuckDB spills to disk',
        "",
      ].join("\n"),
    );
  });

  it("rocky adapter info --output json is the manifest in the envelope; an unknown name is a failed envelope", async () => {
    const r = await rocky(cwd, { env }, "adapter", "info", "echo", "--output", "json");
    expect(r.exitCode).toBe(0);
    const out = parseJson<AdapterInfoOutput>(r);
    expect(validate("AdapterInfoOutput", out)).toEqual([]);
    expect([out.command, out.status, out.name, out.path, out.origin, out.protocol_version, out.legacy_protocol, out.manifest.name]).toEqual([
      "adapter info", "succeeded", "echo", join(dir, "rocky-echo"), "path", 1, true, "echo",
    ]);
    const missing = await rocky(cwd, { env }, "adapter", "info", "nope", "--output", "json");
    expect(missing.exitCode).toBe(1);
    const failed = parseJson<ErrorOutput>(missing);
    expect(validate("ErrorOutput", failed)).toEqual([]);
    expect([failed.command, failed.status, failed.error.code]).toEqual(["adapter info", "failed", "ADAPTER_NOT_FOUND"]);
    expect(missing.stderr).toContain('error: Cannot find adapter type "nope"');
  });

  it("rocky test-adapter --adapter duckdb, the original docs' command, passes with no config: the database defaults to :memory:", async () => {
    const r = await rocky(cwd, { env }, "test-adapter", "--adapter", "duckdb", "--output", "json");
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as { command: string; status: string; tests_failed: number; adapter: string };
    expect([out.command, out.adapter, out.status, out.tests_failed]).toEqual(["test-adapter", "duckdb", "passed", 0]);
  }, 120_000);
});
