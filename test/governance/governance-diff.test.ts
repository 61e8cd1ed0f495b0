import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GovernanceAction, PlanOutput, RunOutput } from "@rocky/protocol";
import { REPO, rocky } from "../e2e/helpers.js";

const FIXTURE = join(REPO, "test", "fixtures", "adapters", "records-governance.mjs");

interface Warehouse {
  calls: Array<[string, Record<string, unknown>]>;
  catalogs: string[];
  grants: Record<string, Array<[string, string]>>;
  tags: Record<string, Record<string, string>>;
  isolated: string[];
  bindings: Record<string, Array<{ workspace_id: number; access: string }>>;
  fail: Record<string, string[]>;
}

const config = (governance: string) => `[adapter.wh]
type = "governed"
command = ["${process.execPath}", "${FIXTURE}"]
file = "warehouse.json"

[pipeline.bronze]
type = "replication"

[pipeline.bronze.source]
adapter = "wh"
catalog = "landing"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "connector"] }

[pipeline.bronze.target]
adapter = "wh"
catalog_template = "{tenant}_warehouse"
schema_template = "staging__{connector}"

[pipeline.bronze.target.governance]
${governance}
`;

const GOVERNANCE = `tag_prefix = "rocky_"
tags = { owner = "data-eng" }
grants = [{ principal = "analysts", permissions = ["USE CATALOG", "select"] }]
schema_grants = [{ principal = "analysts", permissions = ["use_schema"] }, { principal = "ana@example.com", permissions = ["MODIFY"] }]
isolation = { enabled = true, workspace_ids = [{ id = 111 }, { id = 222, binding_type = "READ_ONLY" }] }`;

const TAGS = { rocky_owner: "data-eng" };
const governance = (out: PlanOutput | RunOutput): GovernanceAction[] => out.pipelines[0]?.governance ?? [];
const mutations = (w: Warehouse) => w.calls.map(([method, params]) => `${method} ${JSON.stringify(params)}`);

// A warehouse fixture that records governance calls, through the built CLI: the diff against what it reports, applied in
// the original Rocky's order, nothing changed by `rocky plan`, and nothing changed by a second run.
describe("rocky plan and run: governance as a diff against the warehouse", () => {
  let dir: string;
  const warehouse = (): Warehouse => JSON.parse(readFileSync(join(dir, "warehouse.json"), "utf8")) as Warehouse;
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-governance-")));
    // acme exists: analysts hold an extra MODIFY (revoked), legacy_team SELECT (not Rocky's: kept), workspace 999 is bound (unbound).
    const initial: Warehouse = {
      calls: [], catalogs: ["acme_warehouse"], tags: {}, isolated: [], bindings: { acme_warehouse: [{ workspace_id: 999, access: "read_write" }] },
      grants: { acme_warehouse: [["analysts", "SELECT"], ["analysts", "MODIFY"], ["legacy_team", "SELECT"]] },
      fail: { "governance/set_tags": ["acme_warehouse.staging__shop.fail_tags"] },
    };
    writeFileSync(join(dir, "warehouse.json"), JSON.stringify(initial));
    writeFileSync(join(dir, "rocky.toml"), config(GOVERNANCE));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("plans the creates, tags, grants, revokes and bindings without applying any, then applies them in order, and a second run changes nothing", async () => {
    const plan = await rocky(dir, "plan", "--output", "json");
    expect(plan.stderr).toBe("");
    expect(plan.exitCode).toBe(0);
    const planned = JSON.parse(plan.stdout) as PlanOutput;
    expect(planned.pipelines[0]?.setup).toEqual([
      { method: "catalog/create", params: { catalog: "acme_warehouse" } },
      { method: "schema/create", params: { catalog: "acme_warehouse", schema: "staging__shop" } },
      { method: "catalog/create", params: { catalog: "globex_warehouse" } },
      { method: "schema/create", params: { catalog: "globex_warehouse", schema: "staging__crm" } },
    ]);
    const p = { status: "planned" } as const;
    const expected = (status: "planned" | "applied"): GovernanceAction[] => [
      { action: "set_tags", securable: "catalog", target: "acme_warehouse", tags: TAGS, status },
      { action: "isolate", securable: "catalog", target: "acme_warehouse", status },
      { action: "bind", securable: "catalog", target: "acme_warehouse", workspace_id: 111, access: "read_write", status },
      { action: "bind", securable: "catalog", target: "acme_warehouse", workspace_id: 222, access: "read_only", status },
      { action: "unbind", securable: "catalog", target: "acme_warehouse", workspace_id: 999, status },
      { action: "revoke", securable: "catalog", target: "acme_warehouse", principal: "analysts", privilege: "MODIFY", status },
      { action: "grant", securable: "catalog", target: "acme_warehouse", principal: "analysts", privilege: "USE CATALOG", status },
      { action: "set_tags", securable: "schema", target: "acme_warehouse.staging__shop", tags: TAGS, status },
      { action: "grant", securable: "schema", target: "acme_warehouse.staging__shop", principal: "analysts", privilege: "USE SCHEMA", status },
      { action: "grant", securable: "schema", target: "acme_warehouse.staging__shop", principal: "ana@example.com", privilege: "MODIFY", status },
      // globex does not exist yet: planned against nothing.
      { action: "set_tags", securable: "catalog", target: "globex_warehouse", tags: TAGS, status },
      { action: "isolate", securable: "catalog", target: "globex_warehouse", status },
      { action: "bind", securable: "catalog", target: "globex_warehouse", workspace_id: 111, access: "read_write", status },
      { action: "bind", securable: "catalog", target: "globex_warehouse", workspace_id: 222, access: "read_only", status },
      { action: "grant", securable: "catalog", target: "globex_warehouse", principal: "analysts", privilege: "USE CATALOG", status },
      { action: "grant", securable: "catalog", target: "globex_warehouse", principal: "analysts", privilege: "SELECT", status },
      { action: "set_tags", securable: "schema", target: "globex_warehouse.staging__crm", tags: TAGS, status },
      { action: "grant", securable: "schema", target: "globex_warehouse.staging__crm", principal: "analysts", privilege: "USE SCHEMA", status },
      { action: "grant", securable: "schema", target: "globex_warehouse.staging__crm", principal: "ana@example.com", privilege: "MODIFY", status },
    ];
    const tableTags = (status: "planned" | "applied") => ["acme_warehouse.staging__shop.fail_tags", "acme_warehouse.staging__shop.orders", "globex_warehouse.staging__crm.deals"].map(
      (target): GovernanceAction => ({ action: "set_tags", securable: "table", target, tags: TAGS, status }),
    );
    expect(governance(planned)).toEqual([...expected(p.status), ...tableTags("planned")]);
    expect(warehouse().calls).toEqual([]);

    const human = await rocky(dir, "plan");
    expect(human.stdout).toContain('-- governance: revoke MODIFY on catalog acme_warehouse from "analysts"\n-- governance: grant USE CATALOG on catalog acme_warehouse to "analysts"\n');
    expect(human.stdout).toContain("-- governance: bind workspace 222 (read_only) to catalog acme_warehouse\n-- governance: unbind workspace 999 from catalog acme_warehouse\n");

    const first = await rocky(dir, "run", "--output", "json");
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('"msg":"Governance: cannot set_tags on table \\"acme_warehouse.staging__shop.fail_tags\\": Adapter \\"wh\\" failed \\"governance/set_tags\\": PERMISSION_DENIED: governance/set_tags refused on acme_warehouse.staging__shop.fail_tags"');
    const ran = JSON.parse(first.stdout) as RunOutput;
    expect(ran.pipelines[0]?.tables.map((t) => `${t.target} ${t.status}`)).toEqual([
      "acme_warehouse.staging__shop.fail_tags succeeded", "acme_warehouse.staging__shop.orders succeeded", "globex_warehouse.staging__crm.deals succeeded",
    ]);
    const [failTags, orders, deals] = tableTags("applied");
    const tagError = { code: "ADAPTER_REQUEST_FAILED", message: expect.stringContaining("governance/set_tags refused on acme_warehouse.staging__shop.fail_tags") as unknown as string };
    expect(governance(ran)).toEqual([...expected("applied"), { ...failTags, status: "failed", error: tagError }, orders, deals]);
    // The original's order: create, tag, bind, grant the catalog; create, tag, grant the schema; tables tagged after their copy.
    const w = warehouse();
    expect(mutations(w).slice(0, 7)).toEqual([
      'catalog/create {"catalog":"acme_warehouse"}',
      'governance/set_tags {"target":{"catalog":"acme_warehouse"},"tags":{"rocky_owner":"data-eng"}}',
      'governance/set_bindings {"catalog":"acme_warehouse","bindings":[{"workspace_id":111,"access":"read_write"},{"workspace_id":222,"access":"read_only"}]}',
      'governance/apply_grants {"target":{"catalog":"acme_warehouse"},"grant":[{"principal":"analysts","privilege":"USE CATALOG"}],"revoke":[{"principal":"analysts","privilege":"MODIFY"}]}',
      'schema/create {"catalog":"acme_warehouse","schema":"staging__shop"}',
      'governance/set_tags {"target":{"catalog":"acme_warehouse","schema":"staging__shop"},"tags":{"rocky_owner":"data-eng"}}',
      'governance/apply_grants {"target":{"catalog":"acme_warehouse","schema":"staging__shop"},"grant":[{"principal":"analysts","privilege":"USE SCHEMA"},{"principal":"ana@example.com","privilege":"MODIFY"}]}',
    ]);
    expect(w.grants.acme_warehouse).toEqual([["analysts", "SELECT"], ["legacy_team", "SELECT"], ["analysts", "USE_CATALOG"]]);
    expect(w.bindings).toEqual({ acme_warehouse: [{ workspace_id: 111, access: "read_write" }, { workspace_id: 222, access: "read_only" }], globex_warehouse: [{ workspace_id: 111, access: "read_write" }, { workspace_id: 222, access: "read_only" }] });
    expect(w.isolated).toEqual(["acme_warehouse", "globex_warehouse"]);
    expect(w.tags["acme_warehouse.staging__shop.orders"]).toEqual(TAGS);

    // Second run: only the tag that failed is tried again; no grant, revoke or binding changes.
    const callsBefore = w.calls.length;
    const second = await rocky(dir, "run", "--output", "json");
    expect(second.exitCode).toBe(0);
    expect(governance(JSON.parse(second.stdout) as RunOutput)).toEqual([{ ...failTags, status: "failed", error: tagError }]);
    expect(mutations(warehouse()).slice(callsBefore).filter((c) => !c.startsWith("catalog/create") && !c.startsWith("schema/create"))).toEqual([
      'governance/set_tags {"target":{"catalog":"acme_warehouse","schema":"staging__shop","table":"fail_tags"},"tags":{"rocky_owner":"data-eng"}}',
    ]);
    const history = JSON.parse((await rocky(dir, "history", "--output", "json")).stdout) as { runs: RunOutput[] };
    expect(history.runs.map((r) => governance(r).length)).toEqual([1, 22]);
  });

  it("withholds the tables of a catalog whose grants cannot be applied, and creates nothing auto_create_* turns off", async () => {
    const w = warehouse();
    w.grants.globex_warehouse = [["analysts", "MODIFY"]];
    w.fail["governance/apply_grants"] = ["globex_warehouse"];
    writeFileSync(join(dir, "warehouse.json"), JSON.stringify(w));
    writeFileSync(join(dir, "rocky.toml"), config(`auto_create_catalogs = false\nauto_create_schemas = false\nrevoke_unlisted = true\n${GOVERNANCE}`));
    const callsBefore = w.calls.length;
    const run = await rocky(dir, "run", "--output", "json");
    expect(run.exitCode).toBe(1);
    const ran = JSON.parse(run.stdout) as RunOutput;
    expect(ran.pipelines[0]?.tables.map((t) => `${t.target} ${t.status}${t.error ? `: ${t.error.message}` : ""}`)).toEqual([
      "acme_warehouse.staging__shop.fail_tags succeeded",
      "acme_warehouse.staging__shop.orders succeeded",
      "globex_warehouse.staging__crm.deals failed: Adapter \"wh\" failed \"governance/apply_grants\": PERMISSION_DENIED: governance/apply_grants refused on globex_warehouse",
    ]);
    // revoke_unlisted: legacy_team's SELECT on acme goes too.
    expect(governance(ran).filter((a) => a.action === "revoke" || a.status === "failed").map((a) => `${a.action} ${a.target} ${a.principal ?? ""} ${a.privilege ?? ""} ${a.status ?? ""}`)).toEqual([
      "revoke acme_warehouse legacy_team SELECT applied",
      "revoke globex_warehouse analysts MODIFY failed",
      "grant globex_warehouse analysts USE CATALOG failed",
      "grant globex_warehouse analysts SELECT failed",
      "set_tags acme_warehouse.staging__shop.fail_tags   failed",
    ]);
    expect(mutations(warehouse()).slice(callsBefore).filter((c) => /^(catalog|schema)\/create/.test(c))).toEqual([]);
  });
});
