import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileModels } from "../../src/models/compile-models.js";
import { DUCKDB } from "../../src/sql/dialect.js";
import { writeProject } from "./helpers/models-dir.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

async function compile(files: Record<string, string>) {
  const root = writeProject(files);
  roots.push(root);
  return compileModels({ dir: join(root, "models"), root, dialect: DUCKDB, defaults: { catalog: "pipeline_cat", schema: "pipeline_schema" } });
}

const brief = (d: { severity: string; message: string; location?: { file: string; line?: number; key?: string } }) => [d.severity, d.location?.file, d.location?.line, d.location?.key, d.message];

describe("what models inherit (the original Rocky's _defaults.toml and groups/)", () => {
  it("takes the target from the model's file, else its group, else the nearest _defaults.toml, else the pipeline", async () => {
    const result = await compile({
      "models/_defaults.toml": '[target]\ncatalog = "lake"\nschema = "silver"\n',
      "models/marts/_defaults.toml": '[target]\nschema = "marts"\n',
      "models/groups/regional.toml": 'schema_template = "sales_{region}"\ntags = ["regional"]\n[strategy]\ntype = "incremental"\ntimestamp_column = "ts"\n',
      "models/groups/README.md": "groups are not models",
      "models/test_definitions.toml": "[[tests]]\n",
      "models/plain.sql": "SELECT 1 AS x",
      "models/plain.toml": "",
      "models/pinned.sql": "SELECT 1 AS x",
      "models/pinned.toml": '[target]\ncatalog = "other"\nschema = "mine"\n',
      "models/marts/report.sql": "SELECT 1 AS x",
      "models/marts/report.toml": "",
      "models/marts/deep/kpi.sql": "SELECT 1 AS x",
      "models/marts/deep/kpi.toml": "",
      "models/emea.sql": "SELECT now() AS ts",
      "models/emea.toml": 'group = "regional"\ntags = ["finance"]\n[args]\nregion = "emea"\n',
      "models/apac.sql": "SELECT now() AS ts",
      "models/apac.toml": 'group = "regional"\n[args]\nregion = "apac"\n[strategy]\ntype = "full_refresh"\n',
    });
    expect(result.diagnostics).toEqual([]);
    const model = (name: string) => result.models.find((m) => m.name === name);
    expect(model("plain")?.target).toEqual({ catalog: "lake", schema: "silver", table: "plain" });
    expect(model("pinned")?.target).toEqual({ catalog: "other", schema: "mine", table: "pinned" });
    expect(model("report")?.target).toEqual({ catalog: "lake", schema: "marts", table: "report" });
    expect(model("kpi")?.target).toEqual({ catalog: "lake", schema: "marts", table: "kpi" });
    expect(model("emea")).toMatchObject({ target: { catalog: "lake", schema: "sales_emea", table: "emea" }, strategy: { type: "incremental", timestamp_column: "ts" }, tags: ["regional", "finance"] });
    expect(model("apac")).toMatchObject({ target: { catalog: "lake", schema: "sales_apac", table: "apac" }, strategy: { type: "full_refresh" }, tags: ["regional"] });
    expect(result.models.map((m) => m.name).sort()).toEqual(["apac", "emea", "kpi", "pinned", "plain", "report"]);
  });

  it("reports misuse of groups and bad inherited files against the line that says it", async () => {
    const result = await compile({
      "models/_defaults.toml": '[target]\ncatalog = "lake"\nscheme = "silver"\n',
      "models/groups/strict.toml": 'schema_template = "s_{team}"\nenforce = true\n[strategy]\ntype = "full_refresh"\n[governance]\ntags = { pii = "true" }\n',
      "models/unknown.sql": "SELECT 1 AS x",
      "models/unknown.toml": 'group = "strickt"\n',
      "models/overrides.sql": "SELECT 1 AS x",
      "models/overrides.toml": 'group = "strict"\n[args]\nteam = "a"\n[target]\nschema = "mine"\n[strategy]\ntype = "full_refresh"\n',
      "models/noargs.sql": "SELECT 1 AS x",
      "models/noargs.toml": 'group = "strict"\n',
      "models/stray.sql": "SELECT 1 AS x",
      "models/stray.toml": '[args]\nteam = "a"\n',
      "models/legacy.sql": '---toml\nname = "legacy"\n---\nSELECT 1 AS x',
    });
    expect(result.diagnostics.map(brief)).toEqual([
      ["error", "models/_defaults.toml", 3, "target.scheme", 'Invalid directory defaults: "target.scheme" has unknown property "scheme"'],
      ["error", "models/legacy.sql", undefined, undefined, 'Model "legacy" has no "legacy.toml" next to "models/legacy.sql"'],
      ["error", "models/noargs.toml", 1, "group", 'Model "noargs" does not give "team" for group "strict"\'s schema_template "s_{team}"'],
      ["error", "models/overrides.toml", 5, "target.schema", 'Model "overrides" sets its own target schema, but group "strict" enforces its schema_template'],
      ["error", "models/overrides.toml", 5, "target.schema", 'Model "overrides" pins [target] schema and also gives [args] for group "strict"\'s schema_template'],
      ["error", "models/overrides.toml", 6, "strategy", 'Model "overrides" sets its own strategy, but group "strict" enforces its strategy'],
      ["error", "models/stray.toml", 1, "args", 'Model "stray" has [args] but no group'],
      ["error", "models/unknown.toml", 1, "group", 'Model "unknown" is in group "strickt", which has no file groups/strickt.toml'],
      ["warning", "models/groups/strict.toml", 5, "governance", 'Group "strict" has [governance], which this version of Rocky reads but does not apply to models'],
    ]);
    expect(result.diagnostics.find((d) => d.location?.file === "models/unknown.toml")?.hint).toBe('Did you mean "strict"?');
    expect(result.diagnostics.find((d) => d.location?.file === "models/legacy.sql")?.hint).toBe("Inline ---toml frontmatter (the original Rocky's legacy form) is not read: move the lines between ---toml and --- into legacy.toml");
  });
});
