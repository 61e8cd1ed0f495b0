import { describe, expect, it } from "vitest";
import type { Capabilities } from "@rocky/protocol";
import { strategySupportProblem } from "../../src/models/check-strategy-support.js";
import type { ModelDefinition } from "../../src/models/model-definition.js";
import { planModel } from "../../src/models/plan-model.js";
import { DATABRICKS, DUCKDB, GENERIC, SNOWFLAKE } from "../../src/sql/dialect.js";

const def = (strategy: ModelDefinition["strategy"]): ModelDefinition => ({
  name: "m", sqlFile: "models/m.sql", configFile: "models/m.toml", sql: "SELECT 1 AS id", target: { catalog: "c", schema: "s", table: "m" },
  strategy, dependsOn: [], sources: [], tags: [],
});
const caps = (merge: boolean, transactions?: boolean): Capabilities => ({
  warehouse: true, discovery: false, governance: false, batch_checks: false, create_catalog: false, create_schema: false, merge, tablesample: false,
  ...(transactions === undefined ? {} : { transactions }),
});

describe("strategySupportProblem()", () => {
  it("refuses merge on an adapter whose manifest lacks the merge capability", () => {
    const err = strategySupportProblem("m", { type: "merge", unique_key: "id" }, { dialect: DUCKDB, adapter: { name: "lake", capabilities: caps(false) } });
    expect(err?.message).toBe('Model "m" uses strategy "merge", but adapter "lake" does not declare the "merge" capability');
    expect(err?.code).toBe("PLAN_INVALID");
    expect(strategySupportProblem("m", { type: "merge", unique_key: "id" }, { dialect: DUCKDB, adapter: { name: "lake", capabilities: caps(true) } })).toBeUndefined();
  });
});

describe("strategySupportProblem() for time_interval", () => {
  const timeInterval = { type: "time_interval", time_column: "ts", granularity: "day" } as const;
  const adapter = (transactions?: boolean) => ({ name: "lake", capabilities: caps(false, transactions) });

  it("refuses a DELETE + INSERT partition replacement on an adapter without transactions", () => {
    for (const transactions of [undefined, false]) {
      const err = strategySupportProblem("m", timeInterval, { dialect: GENERIC, adapter: adapter(transactions) });
      expect(err?.code).toBe("PLAN_INVALID");
      expect(err?.message).toBe(
        'Model "m" uses strategy "time_interval", which on dialect "generic" replaces a partition with a DELETE and an INSERT that must run in one transaction, ' +
          'but adapter "lake" does not declare the "transactions" capability',
      );
      expect(err?.hint).toBe("Use an adapter whose manifest declares capabilities.transactions = true (execute_batch), or strategy incremental or full_refresh");
    }
    expect(strategySupportProblem("m", timeInterval, { dialect: SNOWFLAKE, adapter: adapter() })?.message).toMatch(/^Model "m" uses strategy "time_interval", which on dialect "snowflake"/);
  });

  it("allows it with transactions, where one statement replaces the partition, and where the adapter is not known yet", () => {
    expect(strategySupportProblem("m", timeInterval, { dialect: GENERIC, adapter: adapter(true) })).toBeUndefined();
    expect(strategySupportProblem("m", timeInterval, { dialect: SNOWFLAKE, adapter: adapter(true) })).toBeUndefined();
    expect(strategySupportProblem("m", timeInterval, { dialect: DUCKDB, adapter: adapter() })).toBeUndefined();
    expect(strategySupportProblem("m", timeInterval, { dialect: DATABRICKS, adapter: adapter() })).toBeUndefined();
    expect(strategySupportProblem("m", timeInterval, { dialect: GENERIC })).toBeUndefined();
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
