import type { Statement } from "./statement.js";

/** Statements that succeed or fail together; `partitions` are recorded complete when they succeed. */
export interface StatementBatch {
  readonly statements: readonly Statement[];
  readonly partitions: readonly string[];
  /**
   * The statements must take effect all or none: they run as one `execute_batch` in a transaction, and the model is refused at
   * plan time on an adapter without the `transactions` capability. False for a single statement, which is atomic on its own.
   */
  readonly transaction: boolean;
}
