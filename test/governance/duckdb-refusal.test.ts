import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rocky } from "../e2e/helpers.js";

const project = (governance: string) => `[adapter.local]
type = "duckdb"
path = "warehouse.duckdb"

[pipeline.bronze]
type = "replication"

[pipeline.bronze.source]
adapter = "local"
schema_pattern = { prefix = "src__", separator = "__", components = ["connector"] }

[pipeline.bronze.target]
adapter = "local"
schema_template = "staging__{connector}"

[pipeline.bronze.target.governance]
${governance}
`;

// DuckDB declares no governance, grants or workspace bindings: a config asking for them is refused before anything runs.
describe("rocky plan: governance on DuckDB", () => {
  let root: string;
  beforeAll(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "rocky-gov-duckdb-")));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** One project per case, planned concurrently. */
  const plan = (name: string, governance: string, ...args: string[]) => {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, "rocky.toml"), project(governance));
    return rocky(dir, "plan", ...args);
  };

  it("refuses tags, grants and isolation naming the file, pipeline, key and adapter, and accepts what DuckDB can do", async () => {
    const cases: Array<[string, string]> = [
      ['tags = { owner = "data-eng" }\nauto_create_schemas = true', 'sets [pipeline.bronze.target.governance] tags, but its target adapter "local" (duckdb) does not declare capability "governance"'],
      ['schema_grants = [{ principal = "analysts", permissions = ["SELECT"] }]', 'sets [pipeline.bronze.target.governance] schema_grants, but its target adapter "local" (duckdb) does not declare capability "governance" and "grants"'],
      ["isolation = { enabled = true, workspace_ids = [{ id = 1 }] }", 'sets [pipeline.bronze.target.governance] isolation, but its target adapter "local" (duckdb) does not declare capability "workspace_bindings"'],
    ];
    const [refused, created, none] = await Promise.all([
      Promise.all(cases.map(([governance], i) => plan(`refused${i}`, governance))),
      // Schemas DuckDB can create; auto_create_* = false plans none.
      plan("created", "auto_create_schemas = true"),
      plan("none", "auto_create_schemas = false\nauto_create_catalogs = false", "--output", "json"),
    ]);
    refused.forEach((out, i) => {
      expect(out.exitCode).toBe(1);
      expect(out.stdout).toBe("");
      expect(out.stderr).toContain(`error: Pipeline "bronze" ${cases[i]?.[1] ?? ""}\n  --> rocky.toml:17\nhint: Remove `);
    });
    expect(created.exitCode).toBe(0);
    expect(none.exitCode).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ pipelines: [{ setup: [] }] });
    expect(JSON.parse(none.stdout).pipelines[0].governance).toBeUndefined();
  });
});
