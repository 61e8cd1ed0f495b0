import type { Dialect } from "../../sql/dialect.js";

/** Alias of the model's query wherever it is wrapped. */
export const SOURCE_ALIAS = "rocky_src";

/** `SELECT * FROM (<sql>) AS rocky_src`, the model's query as a derived table; the newline keeps a trailing `--` comment from swallowing the `)`. */
export function selectFrom(dialect: Dialect, sql: string, where?: string): string {
  return `SELECT * FROM (\n${sql}\n) AS ${dialect.quote(SOURCE_ALIAS, "alias")}${where ? `\n${where}` : ""}`;
}
