import { describe, expect, it } from "vitest";
import { databricks } from "./fixture.js";

describe("Databricks adapter: Unity Catalog governance", () => {
  it("creates catalogs and schemas idempotently, tags them, and grants and revokes privileges by diff", async () => {
    const { adapter, server } = await databricks();
    for (let i = 0; i < 2; i++) {
      await adapter.result("catalog/create", { catalog: "gold" });
      await adapter.result("schema/create", { catalog: "gold", schema: "sales" });
    }
    await adapter.result("execute_statement", { sql: "CREATE TABLE `gold`.`sales`.`orders` (id BIGINT)" });
    await adapter.result("governance/set_tags", { target: { catalog: "gold" }, tags: { owner: "data-eng" } });
    await adapter.result("governance/set_tags", { target: { catalog: "gold", schema: "sales", table: "orders" }, tags: { pii: "none", "note's": "it's \\ fine" } });
    expect(Object.fromEntries(server.state.catalogs.tags)).toEqual({ "CATALOG gold": { owner: "data-eng" }, "TABLE gold.sales.orders": { pii: "none", "note's": "it's \\ fine" } });

    const table = { catalog: "gold", schema: "sales", table: "orders" };
    await adapter.result("governance/apply_grants", {
      target: table,
      grant: [{ principal: "analysts", privilege: "SELECT" }, { principal: "ana@example.com", privilege: "SELECT" }, { principal: "ana@example.com", privilege: "MODIFY" }],
    });
    expect(await adapter.result("governance/get_grants", { target: table })).toEqual({
      grants: [
        { principal: "analysts", privilege: "SELECT" },
        { principal: "ana@example.com", privilege: "MODIFY" },
        { principal: "ana@example.com", privilege: "SELECT" },
      ],
    });
    await adapter.result("governance/apply_grants", { target: table, revoke: [{ principal: "ana@example.com", privilege: "MODIFY" }], grant: [{ principal: "data `eng`", privilege: "all privileges" }] });
    expect(await adapter.result("governance/get_grants", { target: table })).toEqual({
      grants: [
        { principal: "analysts", privilege: "SELECT" },
        { principal: "ana@example.com", privilege: "SELECT" },
        { principal: "data `eng`", privilege: "ALL_PRIVILEGES" },
      ],
    });
    const bad = await adapter.request("governance/apply_grants", { target: table, grant: [{ principal: "x", privilege: "SELECT; DROP TABLE t" }] });
    expect(bad.error).toMatchObject({ code: -32602, message: 'Invalid privilege "SELECT; DROP TABLE t": privileges are words such as SELECT or USE SCHEMA' });
    const missing = await adapter.request("governance/get_grants", { target: { catalog: "gold", schema: "sales", table: "nope" } });
    expect(missing.error?.message).toContain("TABLE_OR_VIEW_NOT_FOUND");
    await adapter.result("catalog/drop", { catalog: "gold" });
    await adapter.result("catalog/drop", { catalog: "gold" });
  });

  it("isolates a catalog and makes its workspace bindings exactly the ones given", async () => {
    const { adapter, server } = await databricks();
    await adapter.result("catalog/create", { catalog: "tenant_a" });
    expect(await adapter.result("governance/get_bindings", { catalog: "tenant_a" })).toEqual({ isolated: false, bindings: [] });
    const set = (bindings: unknown[]) => adapter.result("governance/set_bindings", { catalog: "tenant_a", bindings });
    expect(await set([{ workspace_id: 111, access: "read_write" }, { workspace_id: 222, access: "read_only" }])).toEqual({
      isolated: true,
      bindings: [{ workspace_id: 111, access: "read_write" }, { workspace_id: 222, access: "read_only" }],
    });
    expect(await set([{ workspace_id: 222, access: "read_write" }, { workspace_id: 333, access: "read_only" }])).toEqual({
      isolated: true,
      bindings: [{ workspace_id: 222, access: "read_write" }, { workspace_id: 333, access: "read_only" }],
    });
    expect(server.state.bindings.get("catalog/tenant_a")).toEqual([
      { workspace_id: 222, binding_type: "BINDING_TYPE_READ_WRITE" },
      { workspace_id: 333, binding_type: "BINDING_TYPE_READ_ONLY" },
    ]);
    expect(server.state.isolation.get("tenant_a")).toBe("ISOLATED");
    const patches = server.requests.filter((r) => r.startsWith("PATCH"));
    expect(patches).toEqual([
      "PATCH /api/2.1/unity-catalog/catalogs/tenant_a",
      "PATCH /api/2.1/unity-catalog/bindings/catalog/tenant_a",
      "PATCH /api/2.1/unity-catalog/bindings/catalog/tenant_a",
    ]);
    // Unchanged bindings cost no PATCH.
    await set([{ workspace_id: 222, access: "read_write" }, { workspace_id: 333, access: "read_only" }]);
    expect(server.requests.filter((r) => r.startsWith("PATCH"))).toHaveLength(3);
    const missing = await adapter.request("governance/get_bindings", { catalog: "nope" });
    expect(missing.error).toMatchObject({ code: -32052, data: { http_status: 404, provider_code: "CATALOG_DOES_NOT_EXIST" } });
  });
});
