import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GovernanceAction, PlanOutput, RunOutput } from "@rocky/protocol";
import { startDatabricksServer, type DatabricksServer } from "../../adapters/databricks/test/server/databricks-server.js";
import { rocky } from "../e2e/helpers.js";

const TOKEN = "dapi-GOVERNANCE-0123456789abcdef";

const TAGS = { rocky_owner: "data-eng", rocky_tier: "bronze" };

// The Databricks adapter against the local Unity Catalog server: tags, grants and workspace bindings land where the
// config says, a second run changes nothing, and a grant added outside Rocky to a principal Rocky manages is revoked.
describe("rocky run on Databricks: catalog lifecycle and governance of replicated and model targets", () => {
  let dir: string;
  let server: DatabricksServer;
  const run = async (command: "run" | "plan") => {
    const out = await rocky(dir, { env: { DATABRICKS_TOKEN: TOKEN } }, command, "--output", "json");
    expect(out.stderr).toBe("");
    return { exitCode: out.exitCode, json: JSON.parse(out.stdout) as RunOutput & PlanOutput };
  };
  const changes = () => [...server.state.statements.all.values()].map((s) => s.sql).filter((sql) => /^(GRANT|REVOKE|ALTER\s+\w+\s+\S+\s+SET\s+TAGS)/i.test(sql));
  const patches = () => server.requests.filter((r) => r.startsWith("PATCH"));

  beforeAll(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-dbx-governance-")));
    mkdirSync(join(dir, "catalogs"));
    const landing = await DuckDBInstance.create(join(dir, "warehouse.duckdb"));
    const c = await landing.connect();
    await c.run(`CREATE SCHEMA src__acme__shop; CREATE TABLE src__acme__shop.orders AS SELECT range AS id, TIMESTAMP '2024-01-01' + INTERVAL (range) HOUR AS _fivetran_synced FROM range(5);
      CREATE SCHEMA src__acme__crm; CREATE TABLE src__acme__crm.deals AS SELECT range AS id, TIMESTAMP '2024-01-01' AS _fivetran_synced FROM range(3)`);
    c.closeSync();
    landing.closeSync();
    mkdirSync(join(dir, "models"));
    writeFileSync(join(dir, "models", "early_orders.sql"), "SELECT id FROM acme_warehouse.staging__shop.orders WHERE id < 3\n");
    writeFileSync(join(dir, "models", "early_orders.toml"), '[target]\nschema = "silver"\n');
    server = await startDatabricksServer({ database: join(dir, "warehouse.duckdb"), catalogsDir: join(dir, "catalogs"), pats: [TOKEN] });
    writeFileSync(join(dir, "rocky.toml"), `[adapter.dbx]
type = "databricks"
host = "${server.url}"
http_path = "/sql/1.0/warehouses/${server.state.warehouseId}"

[pipeline.bronze]
type = "replication"

[pipeline.bronze.source]
adapter = "dbx"
catalog = "warehouse"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "connector"] }

[pipeline.bronze.target]
adapter = "dbx"
catalog_template = "{tenant}_warehouse"
schema_template = "staging__{connector}"

[pipeline.bronze.target.governance]
auto_create_catalogs = true
auto_create_schemas = true
tag_prefix = "rocky_"
tags = { owner = "data-eng", tier = "bronze" }
grants = [{ principal = "analysts", permissions = ["USE CATALOG", "SELECT"] }]
schema_grants = [{ principal = "data-eng@example.com", permissions = ["USE SCHEMA", "MODIFY"] }]
isolation = { enabled = true, workspace_ids = [{ id = 111 }, { id = 222, binding_type = "READ_ONLY" }] }

[pipeline.silver]
type = "transformation"
models = "models"

[pipeline.silver.target]
adapter = "dbx"
catalog = "acme_warehouse"
schema = "silver"
governance = { tags = { layer = "silver" }, schema_grants = [{ principal = "analysts", permissions = ["SELECT"] }] }
`);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies tags, grants and bindings, changes nothing the second time, and revokes a grant added outside Rocky", async () => {
    const plan = await run("plan");
    expect(plan.exitCode).toBe(0);
    expect(plan.json.pipelines[0]?.governance?.map((a) => `${a.action} ${a.target}`)).toEqual([
      "set_tags acme_warehouse", "isolate acme_warehouse", "bind acme_warehouse", "bind acme_warehouse", "grant acme_warehouse", "grant acme_warehouse",
      "set_tags acme_warehouse.staging__crm", "grant acme_warehouse.staging__crm", "grant acme_warehouse.staging__crm",
      "set_tags acme_warehouse.staging__shop", "grant acme_warehouse.staging__shop", "grant acme_warehouse.staging__shop",
      "set_tags acme_warehouse.staging__crm.deals", "set_tags acme_warehouse.staging__shop.orders",
    ]);
    expect(plan.json.pipelines[1]?.governance?.map((a) => `${a.action} ${a.target}`)).toEqual([
      "set_tags acme_warehouse", "set_tags acme_warehouse.silver", "grant acme_warehouse.silver", "set_tags acme_warehouse.silver.early_orders",
    ]);
    expect(changes()).toEqual([]);
    expect(patches()).toEqual([]);

    const first = await run("run");
    expect(first.exitCode).toBe(0);
    expect(first.json.pipelines[0]?.tables.map((t) => `${t.target} ${t.status} ${t.rows_copied}`)).toEqual([
      "acme_warehouse.staging__crm.deals succeeded 3", "acme_warehouse.staging__shop.orders succeeded 5",
    ]);
    const applied = first.json.pipelines[0]?.governance ?? [];
    expect(applied).toHaveLength(14);
    expect(applied.every((a: GovernanceAction) => a.status === "applied")).toBe(true);
    expect(first.json.pipelines[1]?.models?.map((m) => `${m.target} ${m.status}`)).toEqual(["acme_warehouse.silver.early_orders succeeded"]);
    expect(first.json.pipelines[1]?.governance?.map((a) => `${a.action} ${a.target} ${a.status ?? ""}`)).toEqual([
      "set_tags acme_warehouse applied", "set_tags acme_warehouse.silver applied", "grant acme_warehouse.silver applied", "set_tags acme_warehouse.silver.early_orders applied",
    ]);
    const silver = { layer: "silver" };
    expect(Object.fromEntries(server.state.catalogs.tags)).toEqual({
      "CATALOG acme_warehouse": { ...TAGS, ...silver },
      "SCHEMA acme_warehouse.silver": silver,
      "TABLE acme_warehouse.silver.early_orders": silver,
      "SCHEMA acme_warehouse.staging__crm": TAGS,
      "SCHEMA acme_warehouse.staging__shop": TAGS,
      "TABLE acme_warehouse.staging__crm.deals": TAGS,
      "TABLE acme_warehouse.staging__shop.orders": TAGS,
    });
    const grants = () => Object.fromEntries([...server.state.catalogs.grants].map(([k, byPrincipal]) => [k, Object.fromEntries([...byPrincipal].map(([p, s]) => [p, [...s].sort()]))]));
    expect(grants()).toEqual({
      "CATALOG acme_warehouse": { analysts: ["SELECT", "USE_CATALOG"] },
      "SCHEMA acme_warehouse.staging__crm": { "data-eng@example.com": ["MODIFY", "USE_SCHEMA"] },
      "SCHEMA acme_warehouse.staging__shop": { "data-eng@example.com": ["MODIFY", "USE_SCHEMA"] },
      "SCHEMA acme_warehouse.silver": { analysts: ["SELECT"] },
    });
    expect(server.state.isolation.get("acme_warehouse")).toBe("ISOLATED");
    expect(server.state.bindings.get("catalog/acme_warehouse")).toEqual([
      { workspace_id: 111, binding_type: "BINDING_TYPE_READ_WRITE" },
      { workspace_id: 222, binding_type: "BINDING_TYPE_READ_ONLY" },
    ]);
    const tags = "SET TAGS ('rocky_owner' = 'data-eng', 'rocky_tier' = 'bronze')";
    const silverTags = "SET TAGS ('layer' = 'silver')";
    expect(changes().sort()).toEqual([
      `ALTER CATALOG \`acme_warehouse\` ${silverTags}`,
      `ALTER CATALOG \`acme_warehouse\` ${tags}`,
      `ALTER SCHEMA \`acme_warehouse\`.\`silver\` ${silverTags}`,
      `ALTER SCHEMA \`acme_warehouse\`.\`staging__crm\` ${tags}`,
      `ALTER SCHEMA \`acme_warehouse\`.\`staging__shop\` ${tags}`,
      `ALTER TABLE \`acme_warehouse\`.\`silver\`.\`early_orders\` ${silverTags}`,
      `ALTER TABLE \`acme_warehouse\`.\`staging__crm\`.\`deals\` ${tags}`,
      `ALTER TABLE \`acme_warehouse\`.\`staging__shop\`.\`orders\` ${tags}`,
      "GRANT SELECT ON SCHEMA `acme_warehouse`.`silver` TO `analysts`",
      "GRANT USE CATALOG, SELECT ON CATALOG `acme_warehouse` TO `analysts`",
      "GRANT USE SCHEMA, MODIFY ON SCHEMA `acme_warehouse`.`staging__crm` TO `data-eng@example.com`",
      "GRANT USE SCHEMA, MODIFY ON SCHEMA `acme_warehouse`.`staging__shop` TO `data-eng@example.com`",
    ]);

    // Second run: the warehouse already says what the config says.
    const before = { changes: changes().length, patches: patches().length };
    const second = await run("run");
    expect(second.exitCode).toBe(0);
    expect(second.json.pipelines.map((p) => p.governance)).toEqual([[], []]);
    expect({ changes: changes().length, patches: patches().length }).toEqual(before);

    // Someone grants analysts MODIFY and binds workspace 333 by hand; another principal's grant is not Rocky's to revoke.
    server.state.catalogs.grants.get("CATALOG acme_warehouse")?.get("analysts")?.add("MODIFY");
    server.state.catalogs.grants.get("CATALOG acme_warehouse")?.set("auditors", new Set(["BROWSE"]));
    server.state.bindings.get("catalog/acme_warehouse")?.push({ workspace_id: 333, binding_type: "BINDING_TYPE_READ_WRITE" });
    const third = await run("run");
    expect(third.json.pipelines[0]?.governance).toEqual([
      { action: "unbind", securable: "catalog", target: "acme_warehouse", workspace_id: 333, status: "applied" },
      { action: "revoke", securable: "catalog", target: "acme_warehouse", principal: "analysts", privilege: "MODIFY", status: "applied" },
    ]);
    expect(grants()["CATALOG acme_warehouse"]).toEqual({ analysts: ["SELECT", "USE_CATALOG"], auditors: ["BROWSE"] });
    expect(server.state.bindings.get("catalog/acme_warehouse")?.map((b) => b.workspace_id)).toEqual([111, 222]);
    expect(changes().slice(before.changes)).toEqual(["REVOKE MODIFY ON CATALOG `acme_warehouse` FROM `analysts`"]);
  });
});
