import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlParseCache } from "../../src/models/sql-parse-cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "rocky-cache-"));
  dirs.push(dir);
  return join(dir, ".rocky", "cache");
}
const open = (dir: string, dialect = "duckdb", modelsDir = "/p/models") => openSqlParseCache({ dir, dialect, modelsDir });

describe("openSqlParseCache()", () => {
  it("remembers saved SQL for the same dialect and models directory only", () => {
    const dir = cacheDir();
    const first = open(dir);
    expect(first.has("SELECT 1")).toBe(false);
    first.add("SELECT 1");
    first.save();
    expect(open(dir).has("SELECT 1")).toBe(true);
    expect(open(dir).has("SELECT 1 ")).toBe(false);
    expect(open(dir, "snowflake").has("SELECT 1")).toBe(false);
    expect(open(dir, "duckdb", "/p/other").has("SELECT 1")).toBe(false);
  });

  it("keeps only the entries met since opening, and does not rewrite an unchanged cache", () => {
    const dir = cacheDir();
    const first = open(dir);
    first.add("SELECT 1");
    first.add("SELECT 2");
    first.save();
    const [file] = readdirSync(dir);
    const second = open(dir);
    expect(second.has("SELECT 2")).toBe(true);
    second.save();
    expect(JSON.parse(readFileSync(join(dir, file as string), "utf8")).hashes).toHaveLength(1);
    writeFileSync(join(dir, file as string), readFileSync(join(dir, file as string), "utf8").replace('"format":1', '"format":1 '));
    const third = open(dir);
    expect(third.has("SELECT 2")).toBe(true);
    third.save();
    expect(readFileSync(join(dir, file as string), "utf8")).toContain('"format":1 ');
  });

  it("treats a corrupt or foreign file as empty", () => {
    const dir = cacheDir();
    const cache = open(dir);
    cache.add("SELECT 1");
    cache.save();
    const file = join(dir, readdirSync(dir)[0] as string);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { parser: string };
    writeFileSync(file, JSON.stringify({ ...saved, parser: "node-sql-parser 0.0.1" }));
    expect(open(dir).has("SELECT 1")).toBe(false);
    writeFileSync(file, "{ not json");
    expect(open(dir).has("SELECT 1")).toBe(false);
  });

  it("save() does not throw when the directory cannot be created", () => {
    const dir = cacheDir();
    const blocker = join(dir, "..");
    mkdirSync(join(blocker, ".."), { recursive: true });
    writeFileSync(blocker, "a file where the cache directory's parent should be");
    const cache = open(dir);
    cache.add("SELECT 1");
    expect(() => cache.save()).not.toThrow();
    expect(readFileSync(blocker, "utf8")).toBe("a file where the cache directory's parent should be");
  });
});
