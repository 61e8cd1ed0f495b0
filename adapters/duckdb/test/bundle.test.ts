import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdapter, tempDir, type AdapterProcess } from "./adapter-process.js";

// The esbuild bundle that dist/main.js prefers, built from the current dist/ next to it (so @duckdb/node-bindings
// resolves) and run as dist/main.js runs it: through loadBundle(), from V8's code cache once the first process has exited.
const ADAPTER = resolve(import.meta.dirname, "..");
const name = `test-bundle-${process.pid}`;
const BUNDLE = join(ADAPTER, "dist", `${name}.cjs`);
const ENTRY = join(ADAPTER, "dist", `${name}-main.mjs`);

let dir: ReturnType<typeof tempDir>;
const running: AdapterProcess[] = [];
const start = () => {
  const adapter = startAdapter(ENTRY);
  running.push(adapter);
  return adapter;
};

beforeAll(() => {
  execFileSync(process.execPath, [join(ADAPTER, "scripts", "bundle.mjs"), `dist/${name}.cjs`], { stdio: "pipe" });
  writeFileSync(ENTRY, `import { loadBundle } from "./load-bundle.js";\nloadBundle(${JSON.stringify(BUNDLE)}).exports.serveDuckDb();\n`);
  dir = tempDir();
}, 60_000);

afterAll(async () => {
  for (const adapter of running) {
    adapter.kill();
    await adapter.exited;
  }
  for (const file of [BUNDLE, `${BUNDLE}.map`, `${BUNDLE}.cache`, ENTRY]) rmSync(file, { force: true });
  dir.remove();
});

describe("bundled duckdb adapter", () => {
  it("completes the handshake, answers a query and exits 0 on stdin EOF, writing only protocol lines", async () => {
    const adapter = start();
    const result = await adapter.initialize({ path: join(dir.path, "w.duckdb") });
    expect(result).toMatchObject({ protocol_version: 1, manifest: { name: "duckdb" } });
    expect(await adapter.result("execute_query", { sql: "SELECT 42 AS answer" })).toEqual({ columns: ["answer"], column_types: ["INTEGER"], rows: [[42]] });
    expect(await adapter.stop()).toEqual({ code: 0, signal: null });
    expect(adapter.junk).toEqual([]);
    expect(existsSync(`${BUNDLE}.cache`)).toBe(true);
  });

  it("fails the handshake with -32054 when the database cannot be opened, compiled from the code cache", async () => {
    const adapter = start();
    const answer = await adapter.request("initialize", { config: { path: join(dir.path, "missing.duckdb"), read_only: true } });
    expect(answer.error?.code).toBe(-32054);
    expect(answer.error?.message).toMatch(/^Cannot open DuckDB database ".*missing\.duckdb": /);
  });
});
