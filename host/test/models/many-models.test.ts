import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, type CliResult } from "./helpers/run-cli.js";

// Issue #8: thousands of models once failed with EMFILE (every file opened at once), and deep chains overflowed the
// recursive cycle check (from ~5,000 deep). 6,000 models go through the built CLI with at most 256 open files (macOS's
// default): each reads the next one (a 6,000-deep chain, walked from m0000, its downstream end) and two pseudo-random
// later ones; the last reads a source table.
const COUNT = 6000;
const LAST = COUNT - 1;
const name = (i: number) => `m${String(i).padStart(4, "0")}`;
const names = Array.from({ length: COUNT }, (_, i) => name(i));
const order = [...names].reverse();
const parents = (i: number) => (i === LAST ? [] : [...new Set([i + 1, i + 1 + ((i * 7919) % (LAST - i)), i + 1 + ((i * 104_729) % (LAST - i))])].sort((a, b) => a - b));

function modelSql(i: number): string {
  if (i === LAST) return "SELECT id, amount FROM raw.events\n";
  const [first, ...rest] = parents(i).map(name);
  // Every tenth model reads its first parent through a CTE, which must not count as a table.
  const from = i % 10 === 0 ? `WITH base AS (SELECT * FROM ${first}) SELECT a.id, a.amount FROM base AS a` : `SELECT a.id, a.amount FROM ${first} AS a`;
  return [from, ...rest.map((p, k) => `LEFT JOIN ${p} AS j${k} ON j${k}.id = a.id`), ""].join("\n");
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rocky-many-"));
  mkdirSync(join(dir, "models"));
  writeFileSync(
    join(dir, "rocky.toml"),
    '[adapter.wh]\ntype = "duckdb"\npath = "wh.duckdb"\n\n[pipeline.silver]\ntype = "transformation"\ntarget = { adapter = "wh", catalog = "wh", schema = "silver" }\n',
  );
  for (let i = 0; i < COUNT; i++) {
    writeFileSync(join(dir, "models", `${name(i)}.sql`), modelSql(i));
    writeFileSync(join(dir, "models", `${name(i)}.toml`), `tags = ["layer_${i % 3}"]\n`);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `rocky <args>` with the soft limit on open files lowered to 256 for the CLI and the adapters it starts. */
function rockyWithFewFiles(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const script = `ulimit -n 256 && exec "$0" "$@"`;
    execFile("/bin/sh", ["-c", script, process.execPath, CLI, ...args], { cwd: dir, env: { ...process.env, ROCKY_LOG: "silent" }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, exitCode: error ? (typeof error.code === "number" ? error.code : 1) : 0 });
    });
  });
}

interface Compiled {
  ok: boolean;
  order: string[];
  diagnostics: unknown[];
  models: { name: string; depends_on: string[]; sources: string[] }[];
}

describe("6,000 models through the built CLI with 256 open files", () => {
  it("rocky compile resolves every dependency and orders the 6,000-deep chain", async () => {
    const { stdout, stderr, exitCode } = await rockyWithFewFiles(["compile", "--output", "json"]);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
    const output = JSON.parse(stdout) as Compiled;
    expect(output.ok).toBe(true);
    expect(output.diagnostics).toEqual([]);
    expect(output.order).toEqual(order);
    expect(output.models.map((m) => m.name)).toEqual(order);
    const byName = new Map(output.models.map((m) => [m.name, m]));
    expect(names.map((n) => byName.get(n)?.depends_on)).toEqual(names.map((_, i) => parents(i).map(name)));
    expect(names.map((n) => byName.get(n)?.sources)).toEqual(names.map((_, i) => (i === LAST ? ["raw.events"] : [])));

  });

  it("rocky plan (parse cache warm from compile) plans the upstream of the chain's end in DAG order, with qualified references", async () => {
    const { stdout, stderr, exitCode } = await rockyWithFewFiles(["plan", "--select", `+${name(0)}`, "--output", "json"]);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: "" });
    const plan = JSON.parse(stdout) as { pipelines: { models: { name: string; depends_on: string[]; statements: { sql: string }[] }[] }[] };
    const models = plan.pipelines[0]?.models ?? [];
    expect(models.map((m) => m.name)).toEqual(order);
    const [first, ...rest] = parents(10).map(name);
    expect(models.find((m) => m.name === name(10))?.statements.map((s) => s.sql)).toEqual([
      [
        `CREATE OR REPLACE TABLE "wh"."silver"."m0010" AS\nWITH base AS (SELECT * FROM "wh"."silver"."${first}") SELECT a.id, a.amount FROM base AS a`,
        ...rest.map((p, k) => `LEFT JOIN "wh"."silver"."${p}" AS j${k} ON j${k}.id = a.id`),
      ].join("\n"),
    ]);
  });
});
