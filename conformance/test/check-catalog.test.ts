import { describe, expect, it } from "vitest";
import { CHECKS } from "../src/check-catalog.js";
import { MAIN_ORDER, PROBE_ORDER, RUNS } from "../src/checks/registry.js";

const ORIGINAL_26 = [
  "connect", "create_table", "drop_table", "create_catalog", "create_schema", "insert_into", "merge_into", "describe_table",
  "table_exists_true", "table_exists_false", "execute_query", "type_string", "type_integer", "type_float", "type_boolean",
  "type_date", "type_timestamp", "type_null", "format_table_ref", "watermark_where", "row_hash", "set_tags", "get_grants",
  "batch_row_counts", "batch_freshness", "discover",
];

describe("CHECKS", () => {
  it("keeps the original suite's 26 ids, in its order, with its categories", () => {
    const original = CHECKS.filter((c) => ORIGINAL_26.includes(c.id));
    expect(original.map((c) => c.id)).toEqual(ORIGINAL_26);
    expect(Object.fromEntries(original.map((c) => [c.id, c.category]))).toMatchObject({
      connect: "connection", create_catalog: "ddl", merge_into: "dml", execute_query: "query", type_null: "types",
      row_hash: "dialect", get_grants: "governance", batch_freshness: "batch_checks", discover: "discovery",
    });
  });

  it("gates exactly the original optional checks plus execute_batch, batch_describe, query_paging, apply_grants, workspace_bindings and cancellation", () => {
    expect(Object.fromEntries(CHECKS.filter((c) => c.tier === "optional").map((c) => [c.id, c.gate]))).toEqual({
      create_catalog: "create_catalog", create_schema: "create_schema", merge_into: "merge", execute_batch: "transactions", query_paging: "query_paging",
      batch_describe: "batch_describe", apply_grants: "grants", workspace_bindings: "workspace_bindings",
      set_tags: "governance", get_grants: "governance", batch_row_counts: "batch_checks", batch_freshness: "batch_checks",
      discover: "discovery", cancellation: "cancellation",
    });
  });

  it("gates the core checks that need SQL on the warehouse capability, so a source-only adapter skips them", () => {
    expect(CHECKS.filter((c) => c.tier === "core" && c.gate).map((c) => [c.id, c.gate])).toEqual(
      [
        "create_table", "drop_table", "insert_into", "describe_table", "table_exists_true", "table_exists_false", "execute_query", "type_string",
        "type_integer", "type_float", "type_boolean", "type_date", "type_timestamp", "type_null", "format_table_ref", "watermark_where", "row_hash",
      ].map((id) => [id, "warehouse"]),
    );
  });

  it("has an implementation and a place in the run for every check", () => {
    const runner = ["startup", "manifest_valid", "shutdown", "no_orphans", "stdout_clean", "responses_valid"];
    expect([...MAIN_ORDER, ...PROBE_ORDER, ...runner].sort()).toEqual(CHECKS.map((c) => c.id).sort());
    for (const id of [...MAIN_ORDER, ...PROBE_ORDER]) expect(RUNS[id], id).toBeTypeOf("function");
  });
});

describe("conformance/README.md", () => {
  it("lists every check id", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const c of CHECKS) expect(readme, c.id).toContain(`| \`${c.id}\` | ${c.category} |`);
  });
});
