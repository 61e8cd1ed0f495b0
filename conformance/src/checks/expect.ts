import type { ExecuteQueryResult } from "@rocky/protocol";
import { CheckFailure } from "../wire/wire-faults.js";

export function json(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function fail(message: string, hint?: string): never {
  throw new CheckFailure(message, hint);
}

export function expectEqual(actual: unknown, expected: unknown, what: string, hint?: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) fail(`${what}: expected ${json(expected)}, got ${json(actual)}`, hint);
}

/** Column names compared case-insensitively (warehouses fold unquoted names). */
export function expectColumns(result: ExecuteQueryResult, expected: readonly string[], what: string): void {
  expectEqual(result.columns.map((c) => c.toLowerCase()), expected, `${what} columns`);
  if (result.column_types && result.column_types.length !== result.columns.length) {
    fail(`${what}: column_types has ${result.column_types.length} entries for ${result.columns.length} columns`);
  }
  for (const [i, row] of result.rows.entries()) {
    if (row.length !== result.columns.length) fail(`${what}: row ${i} has ${row.length} values for ${result.columns.length} columns`);
  }
}

export function firstColumn(result: ExecuteQueryResult): unknown[] {
  return result.rows.map((r) => r[0]);
}

/** A count or integer that may travel as a JSON number or, beyond 2^53, a string. */
export function asBigInt(value: unknown): bigint | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?$/;

/** 'YYYY-MM-DD HH:MM:SS[.ffffff]' with trailing fractional zeros dropped, or undefined when `value` is not one. */
export function canonicalTimestamp(value: unknown, allowT = false): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = TIMESTAMP.exec(value);
  if (!m || (!allowT && value[10] === "T")) return undefined;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  return `${m[1]} ${m[2]}${frac ? `.${frac}` : ""}`;
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
