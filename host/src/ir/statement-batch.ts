import type { Statement } from "./statement.js";

/** Statements that succeed or fail together; `partitions` are recorded complete when they succeed. */
export interface StatementBatch {
  readonly statements: readonly Statement[];
  readonly partitions: readonly string[];
}
