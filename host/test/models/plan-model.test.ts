import { describe, expect, it } from "vitest";
import type { Capabilities } from "@rocky/protocol";
import { strategySupportProblem } from "../../src/models/check-strategy-support.js";
import type { ModelDefinition } from "../../src/models/model-definition.js";
import { planModel } from "../../src/models/plan-model.js";
import { DUCKDB, SNOWFLAKE } from "../../src/sql/dialect.js";

const def = (strategy: ModelDefinition["strategy"]): ModelDefinition => ({
  name: "m", sqlFile: "models/m.sql", configFile: "models/m.toml", sql: "SELECT 1 AS id", target: { catalog: "c", schema: "s", table: "m" },
  strategy, dependsOn: [], sources: [], tags: [],
});
const caps = (merge: boolean): Capabilities => ({ warehouse: true, discovery: false, governance: false, batch_checks: false, create_catalog: false, create_schema: false, merge, tablesample: false });

describe("strategySupportProblem()", () => {
  it("refuses merge on an adapter whose manifest lacks the merge capability", () => {
    const err = strategySupportProblem("m", { type: "merge", unique_key: "id" }, { dialect: DUCKDB, adapter: { name: "lake", capabilities: caps(false) } });
    expect(err?.message).toBe('Model "m" uses strategy "merge", but adapter "lake" does not declare the "merge" capability');
    expect(err?.code).toBe("PLAN_INVALID");
    expect(strategySupportProblem("m", { type: "merge", unique_key: "id" }, { dialect: DUCKDB, adapter: { name: "lake", capabilities: caps(true) } })).toBeUndefined();
  });
});

describe("planModel()", () => {
  it("refuses at plan time what the dialect cannot express", () => {
    expect(() => planModel(def({ type: "dynamic_table", target_lag: "1 hour", warehouse: "w" }), { targetExists: false }, { dialect: DUCKDB })).toThrowError(
      'Model "m" uses strategy "dynamic_table", which dialect "duckdb" cannot express',
    );
  });

  it("rejects a merge key the target table does not have", () => {
    expect(() => planModel(def({ type: "merge", unique_key: ["id", "day"] }), { targetExists: true, columns: ["id", "v"] }, { dialect: DUCKDB })).toThrowError(
      'Model "m" merges on column "day", which its target table does not have',
    );
  });

  it("updates every non-key column by default, matching the target's spelling", () => {
    const plan = planModel(def({ type: "merge", unique_key: "ID" }), { targetExists: true, columns: ["id", "name", "email"] }, { dialect: DUCKDB });
    expect(plan.strategy).toEqual({ kind: "merge", uniqueKey: ["id"], updateColumns: ["name", "email"], columns: ["id", "name", "email"] });
  });

  it("rejects an invalid target_lag before it reaches SQL", () => {
    expect(() => planModel(def({ type: "dynamic_table", target_lag: "1 hour'; DROP TABLE x; --", warehouse: "w" }), { targetExists: false }, { dialect: SNOWFLAKE })).toThrowError(
      `Model "m" has invalid target_lag "1 hour'; DROP TABLE x; --"`,
    );
  });
});
