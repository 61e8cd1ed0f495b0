import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import yargs from "yargs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { lazyCommand } from "../../src/cli/lazy-command.js";
import { capture } from "./capture-io.js";

const ROCKY = resolve(import.meta.dirname, "..", "..", "dist", "main.js");

describe("COMMANDS", () => {
  it.each(COMMANDS.map((spec) => [spec.command, spec] as const))("%s matches the command and description its module declares", async (_name, spec) => {
    const module = (await spec.load())(capture().io);
    expect({ command: module.command, describe: module.describe }).toEqual({ command: spec.command, describe: spec.describe });
  });
});

describe("lazyCommand()", () => {
  function counted() {
    const calls: unknown[] = [];
    let loads = 0;
    const spec = {
      command: "hello <name>",
      describe: "Say hello",
      load: async () => {
        loads++;
        return () => ({
          command: "hello <name>",
          describe: "Say hello",
          builder: (y: ReturnType<typeof yargs>) => y.option("loud", { type: "boolean", default: false }),
          handler: (args: unknown) => void calls.push(args),
        });
      },
    };
    return { spec, calls, loads: () => loads };
  }

  it("does not load the module for another command", async () => {
    const { spec, loads } = counted();
    await yargs(["other"]).command(lazyCommand(spec, capture().io)).command("other", "x", {}, () => undefined).parseAsync();
    expect(loads()).toBe(0);
  });

  it("loads the module once, applies its builder and runs its handler with the parsed arguments", async () => {
    const { spec, calls, loads } = counted();
    await yargs(["hello", "ada", "--loud"]).command(lazyCommand(spec, capture().io)).strict().parseAsync();
    expect(loads()).toBe(1);
    expect(calls).toMatchObject([{ name: "ada", loud: true }]);
  });
});

describe("rocky --help (built CLI)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "rocky-imports-"));
    // Records every module the ESM loader resolves, CommonJS packages imported from ESM included.
    writeFileSync(join(dir, "hooks.mjs"), 'export async function resolve(s, c, next) { const r = await next(s, c); process._rawDebug("import " + r.url); return r; }\n');
    writeFileSync(join(dir, "register.mjs"), 'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the commands without importing any command's module", async () => {
    const { stdout, imports } = await new Promise<{ stdout: string; imports: string[] }>((done, fail) => {
      execFile(process.execPath, ["--import", join(dir, "register.mjs"), ROCKY, "--help"], (err, out, err2) =>
        err ? fail(err) : done({ stdout: out, imports: err2.split("\n").filter((l) => l.startsWith("import ")) }),
      );
    });
    expect(stdout).toContain("rocky init-adapter <name>");
    expect(imports.length).toBeGreaterThan(0);
    const loaded = imports.filter((line) => /\/host\/dist\/cli\/(?!cli-io|commands|lazy-command|report-error)|node_modules\/(lmdb|node-sql-parser|execa|@duckdb|pino|ajv)\//.test(line));
    expect(loaded).toEqual([]);
  });
});
