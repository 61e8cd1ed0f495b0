import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { validate } from "@rocky/protocol";
import { testAdapter, type TestAdapterArgs } from "../../host/src/cli/test-adapter.js";
import { silentLogger } from "../../host/src/log.js";
import { CONFORMANCE_FIXTURES, DUCKDB_MAIN, ROOT, scratchDir } from "./helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());
const FAST = { "request-timeout": 4000, grace: 1000 } as const;
const duckdbJson = join(scratch.dir, "duckdb.json");
writeFileSync(duckdbJson, JSON.stringify({ path: ":memory:", catalogs_dir: scratch.dir }));

async function cli(args: TestAdapterArgs): Promise<{ stdout: string; error: { code: string; message: string; hint: string | undefined } | undefined }> {
  let stdout = "";
  const sink = new Writable({ write(chunk, _enc, cb) { stdout += String(chunk); cb(); } });
  try {
    await testAdapter({ ...FAST, ...args }, { stdout: sink, logger: silentLogger(), cwd: scratch.dir });
    return { stdout, error: undefined };
  } catch (err) {
    const e = err as { code: string; message: string; hint: string | undefined };
    return { stdout, error: { code: e.code, message: e.message, hint: e.hint } };
  }
}

describe("rocky test-adapter", () => {
  it("runs --command with a JSON --config and prints JSON valid against TestAdapterOutput", async () => {
    const { stdout, error } = await cli({ command: `"${process.execPath}" ${DUCKDB_MAIN}`, config: "duckdb.json", output: "json", only: ["connect,execute_query", "type_null"] });
    expect(error).toBeUndefined();
    const out = JSON.parse(stdout);
    expect(validate("TestAdapterOutput", out)).toEqual([]);
    expect(out).toMatchObject({ adapter: "duckdb", status: "passed", tests_run: 3, tests_passed: 3, tests_failed: 0 });
  });

  it("resolves --adapter duckdb to the first-party adapter and reads a TOML config", async () => {
    writeFileSync(join(scratch.dir, "duckdb.toml"), `path = ":memory:"\ncatalogs_dir = "${scratch.dir}"\n`);
    const { stdout, error } = await cli({ adapter: "duckdb", config: "duckdb.toml", only: ["connect"] });
    expect(error).toBeUndefined();
    expect(stdout).toContain("\n  + connect                 core      ");
    expect(stdout).toContain("Result: 1 passed, 0 failed, 45 skipped");
  });

  it("resolves --adapter NAME from [adapter.NAME] of rocky.toml, with its config, as rocky run does", async () => {
    const project = join(scratch.dir, "project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "rocky.toml"), `[adapter.warehouse]\ntype = "duckdb"\npath = "w.duckdb"\ncatalogs_dir = "cats"\n`);
    const ok = await cli({ adapter: "warehouse", project: join(project, "rocky.toml"), only: ["connect", "exit_on_eof"] });
    expect(ok.error).toBeUndefined();
    expect(ok.stdout).toContain("Result: 2 passed, 0 failed, 44 skipped");
    expect(existsSync(join(project, "w.duckdb"))).toBe(true);
    const both = await cli({ adapter: "warehouse", project: join(project, "rocky.toml"), config: "duckdb.json" });
    expect(both.error?.code).toBe("USAGE");
    const missing = await cli({ adapter: "lake", project: join(project, "rocky.toml") });
    expect(missing.error).toMatchObject({ code: "ADAPTER_NOT_FOUND", message: `No adapter named "lake" in "${join(project, "rocky.toml")}"` });
  });

  it("prints the report, then fails naming each failed check", async () => {
    const { stdout, error } = await cli({ command: `node ${join(CONFORMANCE_FIXTURES, "lies-about-capabilities.mjs")}`, config: "duckdb.json", only: ["merge_into", "discover", "create_table"] });
    expect(stdout).toContain('  X merge_into              optional  FAILED: "execute_statement" answered error -32052 (EXECUTION_FAILED): Parser Error: syntax error at or near "MERGE"\n');
    expect(error).toEqual({ code: "CONFORMANCE_FAILED", message: 'Adapter "duckdb": 2 conformance check(s) failed: merge_into, discover', hint: "Each failed check above names what went wrong and what to change" });
  });

  it("passes when every failure is listed in --expected-failures, and fails on a listed check that passes", async () => {
    const command = `node ${join(CONFORMANCE_FIXTURES, "lies-about-capabilities.mjs")}`;
    writeFileSync(join(scratch.dir, "expected.txt"), "# known gaps\nmerge_into\ndiscover  # not wired yet\n");
    const ok = await cli({ command, config: "duckdb.json", only: ["merge_into", "discover", "create_table"], "expected-failures": "expected.txt" });
    expect(ok.error).toBeUndefined();
    expect(ok.stdout).toContain("  X discover                optional  FAILED (expected): ");
    writeFileSync(join(scratch.dir, "stale.txt"), "merge_into\ndiscover\ncreate_table\n");
    const stale = await cli({ command, config: "duckdb.json", only: ["merge_into", "discover", "create_table"], "expected-failures": "stale.txt" });
    expect(stale.error).toEqual({ code: "CONFORMANCE_FAILED", message: 'Adapter "duckdb": 1 expected failure(s) now pass: create_table', hint: `Remove the passing checks from ${join(scratch.dir, "stale.txt")}` });
    expect(stale.stdout).toContain(`Stale expected failures (these now pass; remove them from ${join(scratch.dir, "stale.txt")}): create_table\n`);
  });

  it("says loudly when no check ran", async () => {
    const { stdout, error } = await cli({ command: `node ${DUCKDB_MAIN}`, config: "duckdb.json", only: ["set_tags"] });
    expect(stdout).toContain("NO CONFORMANCE CHECK RAN");
    expect(error?.code).toBe("CONFORMANCE_FAILED");
    expect(error?.message).toBe('No conformance check ran against adapter "duckdb": all 46 were skipped');
  });

  it("writes JUnit XML with --output junit", async () => {
    const { stdout } = await cli({ command: `node ${DUCKDB_MAIN}`, config: "duckdb.json", output: "junit", only: ["connect"] });
    expect(stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="rocky test-adapter: duckdb" tests="46" failures="0" errors="0" skipped="45" /);
  });

  it("refuses bad usage before starting anything", async () => {
    writeFileSync(join(scratch.dir, "typo.txt"), "merge_into\nmerge\n");
    const cases: [TestAdapterArgs, string][] = [
      [{}, 'Say which adapter to test: --adapter TYPE or --command "PROGRAM ARGS"'],
      [{ adapter: "duckdb", command: "x" }, "Give --adapter or --command, not both"],
      [{ command: 'python3 "adapter.py' }, 'Cannot read --command: Unterminated double quote in command: python3 "adapter.py'],
      [{ command: "x", only: ["conect"] }, '--only names unknown check(s) "conect"'],
      [{ command: "x", "expected-failures": "typo.txt" }, `Expected failures "${join(scratch.dir, "typo.txt")}": line 2: "merge" is not a conformance check id`],
      [{ command: "x", "adapter-config": "{nope" }, expect.stringMatching(/^Cannot parse adapter config given with --adapter-config: /) as unknown as string],
      [{ command: "x", config: "missing.json" }, expect.stringMatching(/^Cannot read adapter config ".*missing\.json": ENOENT/) as unknown as string],
      [{ adapter: "no_such_warehouse" }, expect.stringMatching(/^Cannot find adapter type "no_such_warehouse"/) as unknown as string],
    ];
    for (const [args, message] of cases) expect((await cli(args)).error?.message, JSON.stringify(args)).toEqual(message);
  });
});

describe("the built rocky CLI", () => {
  const rocky = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, "host", "dist", "main.js"), ...args], { cwd: scratch.dir, encoding: "utf8" });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
  };

  it("exits 0 when the selected checks pass", () => {
    const r = rocky(["test-adapter", "--command", `node ${DUCKDB_MAIN}`, "--config", "duckdb.json", "--only", "connect", "-o", "json"]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "passed", tests_passed: 1 });
    expect(r.stderr).toBe("");
  });

  it("exits 1 with the report on stdout and the failed checks on stderr", () => {
    const r = rocky(["test-adapter", "--command", `node ${join(CONFORMANCE_FIXTURES, "ignores-version-range.mjs")}`, "--config", "duckdb.json", "--only", "version_negotiation"]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("  X version_negotiation     core      FAILED: offered protocol versions 90..99, the adapter accepted (protocol_version 1)");
    expect(r.stderr).toBe('error: Adapter "duckdb": 1 conformance check(s) failed: version_negotiation\nhint: Each failed check above names what went wrong and what to change\n');
  });

  it("exits 2 on a usage error", () => {
    const r = rocky(["test-adapter", "--only", "connect"]);
    expect(r).toMatchObject({ stdout: "", exitCode: 2 });
    expect(r.stderr).toContain('error: Say which adapter to test: --adapter TYPE or --command "PROGRAM ARGS"\n');
  });

  it("scaffolds with init-adapter and refuses to overwrite", () => {
    const first = rocky(["init-adapter", "cli_made", "--lang", "typescript"]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout.split("\n")[0]).toBe(`Created adapter "cli_made" in ${join(scratch.dir, "rocky-adapter-cli_made")}:`);
    const again = rocky(["init-adapter", "cli_made"]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toBe(`error: Cannot scaffold adapter "cli_made": "${join(scratch.dir, "rocky-adapter-cli_made")}" already exists and is not empty\nhint: Choose another --dir, or pass --force to overwrite the scaffold's files in it (other files are kept)\n`);
  });
});
