import type { AssertionConfig, MaterializationStrategy } from "@rocky/protocol";
import type { Contract } from "../schema-change/contract.js";
import type { TableName } from "../sql/dialect.js";

/** The strategy as configured in a model's .toml (generated from schemas/config/model.schema.json). */
export type ConfiguredStrategy = MaterializationStrategy;
export type StrategyType = ConfiguredStrategy["type"];

/** One model, loaded and resolved by `rocky compile`: what the files say, nothing about a run. */
export interface ModelDefinition {
  readonly name: string;
  /** Paths relative to the project root, for messages. */
  readonly sqlFile: string;
  readonly configFile: string;
  /** The SELECT as written, trailing semicolons removed; @start_date/@end_date still in place. */
  readonly sql: string;
  readonly target: TableName;
  readonly strategy: ConfiguredStrategy;
  /** Upstream models, from the SQL's table references and from depends_on. */
  readonly dependsOn: readonly string[];
  /** Tables the SQL reads that no model builds, as written. */
  readonly sources: readonly string[];
  readonly tags: readonly string[];
  /** The sidecar's plain-words purpose (original Rocky `intent`). */
  readonly intent?: string;
  /** Its contract: [contract] in the sidecar, <name>.contract.toml beside the .sql, or in the pipeline's contracts directory. */
  readonly contract?: Contract;
  /** The sidecar's [[tests]], run on the model's table after each build. */
  readonly tests?: readonly AssertionConfig[];
}

export function uniqueKeyOf(strategy: { readonly unique_key: string | readonly string[] }): readonly string[] {
  return typeof strategy.unique_key === "string" ? [strategy.unique_key] : strategy.unique_key;
}
