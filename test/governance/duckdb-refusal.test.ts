import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
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
  let dir: string;
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-gov-duckdb-")));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses tags, grants and isolation naming the file, pipeline, key and adapter, and accepts what DuckDB can do", async () => {
    const cases: Array<[string, string, number]> = [
      ['tags = { owner = "data-eng" }\nauto_create_schemas = true', 'sets [pipeline.bronze.target.governance] tags, but its target adapter "local" (duckdb) does not declare capability "governance"', 17],
      ['schema_grants = [{ principal = "analysts", permissions = ["SELECT"] }]', 'sets [pipeline.bronze.target.governance] schema_grants, but its target adapter "local" (duckdb) does not declare capability "governance" and "grants"', 17],
      ["isolation = { enabled = true, workspace_ids = [{ id = 1 }] }", 'sets [pipeline.bronze.target.governance] isolation, but its target adapter "local" (duckdb) does not declare capability "workspace_bindings"', 17],
    ];
    for (const [governance, message, line] of cases) {
      writeFileSync(join(dir, "rocky.toml"), project(governance));
      const plan = await rocky(dir, "plan");
      expect(plan.exitCode).toBe(1);
      expect(plan.stdout).toBe("");
      expect(plan.stderr).toContain(`error: Pipeline "bronze" ${message}\n  --> rocky.toml:${line}\nhint: Remove `);
    }
    writeFileSync(join(dir, "rocky.toml"), project('tags = { owner = "it\'s" }'));
    const bad = await rocky(dir, "plan");
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(`error: Pipeline "bronze": [pipeline.bronze.target.governance] tags.owner tag value "it's" contains a quote, ";", "--", "/*", "*/" or a line break\n  --> rocky.toml:17`);

    // Schemas DuckDB can create; auto_create_schemas = false plans none.
    writeFileSync(join(dir, "rocky.toml"), project("auto_create_schemas = true"));
    expect((await rocky(dir, "plan")).exitCode).toBe(0);
    writeFileSync(join(dir, "rocky.toml"), project("auto_create_schemas = false\nauto_create_catalogs = false"));
    const none = await rocky(dir, "plan", "--output", "json");
    expect(none.exitCode).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ pipelines: [{ setup: [] }] });
    expect(JSON.parse(none.stdout).pipelines[0].governance).toBeUndefined();
  });
});
