import type { SqlParam } from "@rocky/protocol";

/** One SQL statement and the values bound to its `?` placeholders, in order. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}
