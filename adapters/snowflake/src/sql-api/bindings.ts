import type { SqlParam } from "@rocky/protocol";

export interface Binding {
  readonly type: "FIXED" | "REAL" | "TEXT" | "BOOLEAN";
  readonly value: string | null;
}

/**
 * Protocol params as SQL API bindings, keyed "1".."n" in placeholder order; values travel as strings.
 * https://docs.snowflake.com/en/developer-guide/sql-api/submitting-requests#using-bind-variables-in-a-statement
 */
export function toBindings(params: readonly SqlParam[] | undefined): Record<string, Binding> | undefined {
  if (!params || params.length === 0) return undefined;
  return Object.fromEntries(params.map((p, i) => [String(i + 1), binding(p)]));
}

function binding(p: SqlParam): Binding {
  if (p === null) return { type: "TEXT", value: null };
  if (typeof p === "boolean") return { type: "BOOLEAN", value: String(p) };
  if (typeof p === "number") return Number.isInteger(p) ? { type: "FIXED", value: String(p) } : { type: "REAL", value: String(p) };
  return { type: "TEXT", value: String(p) };
}
