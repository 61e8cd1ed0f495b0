import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RockyError } from "../../host/src/errors.js";
import { initAdapter, pascalCase } from "../../host/src/cli/init-adapter.js";
import { scratchDir } from "./helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

function failure(fn: () => unknown): RockyError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RockyError);
    return err as RockyError;
  }
  throw new Error("expected a RockyError");
}

describe("initAdapter()", () => {
  it("writes the python scaffold to ./rocky-adapter-<name> with the names filled in", () => {
    const cwd = join(scratch.dir, "defaults");
    mkdirSync(cwd);
    const r = initAdapter({ name: "bigquery" }, cwd);
    expect(r.dir).toBe(join(cwd, "rocky-adapter-bigquery"));
    expect(r.files).toEqual([".github/workflows/conformance.yml", "README.md", "adapter.py", "config.json", "conformance-expected-failures.txt", ".gitignore", "manifest.json", "tests/test_conformance.py"]);
    expect(JSON.parse(readFileSync(join(r.dir, "manifest.json"), "utf8"))).toMatchObject({ name: "bigquery", dialect: "generic", capabilities: { warehouse: true, merge: false } });
    const adapter = readFileSync(join(r.dir, "adapter.py"), "utf8");
    expect(adapter).toContain("class BigqueryAdapter(Adapter):");
    expect(adapter).not.toContain("{{");
    expect(statSync(join(r.dir, "adapter.py")).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(r.dir, ".github/workflows/conformance.yml"), "utf8")).toContain("repository: ${{ vars.ROCKY_REPOSITORY }}");
    expect(r.nextSteps[0]).toBe("cd rocky-adapter-bigquery");
  });

  it("writes the typescript scaffold with every protocol method in place", () => {
    const r = initAdapter({ name: "big_query", lang: "typescript", dir: "ts-scaffold" }, scratch.dir);
    expect(r.files).toContain("src/server.ts");
    const adapter = readFileSync(join(r.dir, "src", "adapter.ts"), "utf8");
    expect(adapter).toContain("export function createBigQueryAdapter(): Handlers {");
    for (const method of ["execute_statement", "execute_query", "describe_table", "table_exists", "schema/create", "catalog/create", "discovery/list", "governance/set_tags",
      "governance/get_grants", "checks/row_counts", "checks/freshness", "dialect/format_table_ref", "dialect/watermark_where", "dialect/row_hash", "query/open", "query/fetch", "query/close"]) {
      expect(adapter).toContain(`notImplemented("${method}")`);
    }
    expect(JSON.parse(readFileSync(join(r.dir, "package.json"), "utf8"))).toMatchObject({ name: "rocky-adapter-big_query", bin: { "rocky-adapter-big_query": "dist/main.js" } });
  });

  it("refuses a name that is not lower-case snake case", () => {
    for (const name of ["BigQuery", "1st", "big-query", ""]) {
      const err = failure(() => initAdapter({ name }, scratch.dir));
      expect(err.code).toBe("INIT_ADAPTER_FAILED");
      expect(err.message).toBe(`Invalid adapter name "${name}": it must match ^[a-z][a-z0-9_]*$`);
    }
  });

  it("refuses an unknown language", () => {
    expect(failure(() => initAdapter({ name: "x", lang: "go" as never }, scratch.dir)).message).toBe('Unknown language "go" for init-adapter');
  });

  it("never overwrites an existing directory without force, and keeps the author's other files with it", () => {
    const dir = join(scratch.dir, "existing");
    mkdirSync(dir);
    writeFileSync(join(dir, "adapter.py"), "# my work\n");
    writeFileSync(join(dir, "notes.txt"), "keep me\n");
    const err = failure(() => initAdapter({ name: "snow", dir: "existing" }, scratch.dir));
    expect(err.message).toBe(`Cannot scaffold adapter "snow": "${dir}" already exists and is not empty`);
    expect(err.hint).toBe("Choose another --dir, or pass --force to overwrite the scaffold's files in it (other files are kept)");
    expect(readFileSync(join(dir, "adapter.py"), "utf8")).toBe("# my work\n");
    initAdapter({ name: "snow", dir: "existing", force: true }, scratch.dir);
    expect(readFileSync(join(dir, "adapter.py"), "utf8")).toContain("class SnowAdapter(Adapter):");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me\n");
  });

  it("uses an existing empty directory", () => {
    mkdirSync(join(scratch.dir, "empty"));
    expect(existsSync(join(initAdapter({ name: "pg", dir: "empty" }, scratch.dir).dir, "adapter.py"))).toBe(true);
  });
});

describe("pascalCase()", () => {
  it("joins snake_case words capitalised", () => {
    expect([pascalCase("bigquery"), pascalCase("big_query"), pascalCase("s3_v2")]).toEqual(["Bigquery", "BigQuery", "S3V2"]);
  });
});
