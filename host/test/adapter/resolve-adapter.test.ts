import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIRST_PARTY_DIR, resolveAdapter } from "../../src/adapter/resolve-adapter.js";
import { RockyError } from "../../src/errors.js";

function binDir(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "rocky-path-"));
  for (const n of names) {
    writeFileSync(join(dir, n), "#!/bin/sh\n");
    chmodSync(join(dir, n), 0o755);
  }
  return dir;
}

describe("resolveAdapter()", () => {
  it("uses the command from rocky.toml, relative to the config's directory", () => {
    const spec = resolveAdapter({ name: "wh", type: "duckdb", command: ["./bin/adapter", "--fast"], baseDir: "/proj", config: { a: 1 } });
    expect(spec).toEqual({ name: "wh", type: "duckdb", command: ["/proj/bin/adapter", "--fast"], config: { a: 1 }, cwd: "/proj", origin: "config" });
  });

  it("splits a string command on whitespace and keeps a bare program name for PATH lookup", () => {
    expect(resolveAdapter({ name: "wh", type: "x", command: "python3  adapter.py" }).command).toEqual(["python3", "adapter.py"]);
  });

  it("prefers rocky-adapter-<type> on PATH, then rocky-<type>", () => {
    const both = binDir("rocky-adapter-bigquery", "rocky-bigquery");
    expect(resolveAdapter({ name: "bq", type: "bigquery", searchPath: both }).command).toEqual([join(both, "rocky-adapter-bigquery")]);
    const original = binDir("rocky-bigquery");
    const spec = resolveAdapter({ name: "bq", type: "bigquery", searchPath: original });
    expect(spec.command).toEqual([join(original, "rocky-bigquery")]);
    expect(spec.origin).toBe("path");
  });

  it("ignores files on PATH that are not executable", () => {
    const dir = mkdtempSync(join(tmpdir(), "rocky-path-"));
    writeFileSync(join(dir, "rocky-adapter-bigquery"), "");
    expect(() => resolveAdapter({ name: "bq", type: "bigquery", searchPath: dir })).toThrow(RockyError);
  });

  it("falls back to the first-party adapter shipped in the repository", () => {
    const spec = resolveAdapter({ name: "local", type: "duckdb", searchPath: "" });
    expect(spec.origin).toBe("builtin");
    expect(spec.command).toEqual([process.execPath, join(FIRST_PARTY_DIR, "duckdb", "dist", "main.js")]);
  });

  it("explains where it looked when nothing is found", () => {
    expect(() => resolveAdapter({ name: "bq", type: "bigquery", searchPath: "" })).toThrow(
      'Cannot find adapter type "bigquery" for adapter "bq": no command in rocky.toml, no rocky-adapter-bigquery or rocky-bigquery on PATH, and no first-party adapter of that type',
    );
  });
});
