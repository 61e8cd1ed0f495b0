import type { AssertionConfig, CheckResult } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { RockyError } from "../errors.js";
import type { RunEvents } from "../events/run-events.js";
import type { ModelDefinition } from "../models/model-definition.js";
import type { ModelHooks } from "../models/run-model-plans.js";
import type { Dialect } from "../sql/dialect.js";
import { checksError, emitChecks } from "./check-events.js";
import { SkipModel } from "./skip-model.js";
import { runAssertion } from "./table-checks.js";

export interface ModelChecksOptions {
  readonly models: readonly ModelDefinition[];
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  readonly pipeline: string;
  readonly events?: RunEvents | undefined;
  /** Replicated tables whose error-severity checks failed earlier in the run. */
  /** Tables that failed or were skipped earlier in the run, each with why. */
  readonly failedTables?: ReadonlyMap<string, string> | undefined;
}

/** The failed table a source name (as written: table, schema.table or catalog.schema.table) refers to. */
export function failedSource(sources: readonly string[], failed: ReadonlyMap<string, string>): string | undefined {
  for (const source of sources) {
    const parts = source.toLowerCase().split(".");
    for (const key of failed.keys()) {
      const tail = key.toLowerCase().split(".").slice(-parts.length);
      if (tail.length === parts.length && tail.every((p, i) => p === parts[i])) return key;
    }
  }
  return undefined;
}

/** A relationships test naming a model by its bare name points at that model's table. */
export function testOf(test: AssertionConfig, models: ReadonlyMap<string, ModelDefinition>): AssertionConfig {
  const model = test.type === "relationships" && test.to_table !== undefined && !test.to_table.includes(".") ? models.get(test.to_table) : undefined;
  if (!model) return test;
  return { ...test, to_table: [model.target.catalog, model.target.schema, model.target.table].filter((p) => p !== undefined && p !== "").join(".") };
}

/** Hooks for runModelPlans: skip models reading a failed table; run each model's [[tests]] once it is built. */
export function modelChecks(o: ModelChecksOptions): { readonly hooks: ModelHooks; readonly checks: Map<string, CheckResult[]> } {
  const byName = new Map(o.models.map((m) => [m.name, m]));
  const checks = new Map<string, CheckResult[]>();
  return {
    checks,
    hooks: {
      before(plan) {
        const failed = o.failedTables && o.failedTables.size > 0 ? failedSource(byName.get(plan.name)?.sources ?? [], o.failedTables) : undefined;
        if (failed !== undefined) throw new SkipModel(`source table "${failed}" ${o.failedTables?.get(failed) ?? "failed"}`, failed);
      },
      async after(plan) {
        const tests = byName.get(plan.name)?.tests ?? [];
        if (tests.length === 0) return;
        const results: CheckResult[] = [];
        for (const test of tests) results.push(await runAssertion(testOf(test, byName), plan.target, o.client, o.dialect));
        checks.set(plan.name, results);
        emitChecks(o.events, o.pipeline, results);
        const error = checksError(`model "${plan.name}"`, results);
        if (error) throw new RockyError("CHECK_FAILED", error.message, { ...(error.hint ? { hint: error.hint } : {}) });
      },
    },
  };
}
