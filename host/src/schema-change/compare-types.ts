import type { DialectName } from "../sql/dialect.js";
import { parseColumnType, type ColumnType, type TypeFamily } from "./column-type.js";

/** How a column's type moved from `old` to `new`. */
export type TypeChange = "same" | "widening" | "narrowing" | "incompatible";

const INTEGERS: readonly TypeFamily[] = ["int8", "int16", "int32", "int64", "int128"];

/** True when every value of `from` fits `to` unchanged: the safe widenings (original Rocky's default allowlist, §7.3). */
function widens(from: ColumnType, to: ColumnType): boolean {
  if (to.family === "string") {
    if (from.family !== "string") return to.length === undefined;
    return to.length === undefined || (from.length !== undefined && to.length > from.length);
  }
  const fi = INTEGERS.indexOf(from.family);
  const ti = INTEGERS.indexOf(to.family);
  if (fi >= 0 && ti >= 0) return ti > fi;
  if (from.family === "float32" && to.family === "float64") return true;
  if (from.family === "decimal" && to.family === "decimal") return from.scale === to.scale && (to.precision ?? 0) > (from.precision ?? 0);
  return false;
}

/** Same meaning: same family and arguments (VARCHAR and STRING, INT and INTEGER, unbounded and unbounded strings). */
function sameType(a: ColumnType, b: ColumnType): boolean {
  if (a.family === "other" || b.family === "other") return a.sql === b.sql;
  return a.family === b.family && a.precision === b.precision && a.scale === b.scale && a.length === b.length;
}

/** Compares two parsed types; a type outside the grammar is only the same as an identical spelling. */
export function compareTypes(oldType: string, newType: string, dialect: DialectName = "generic"): TypeChange {
  const a = parseColumnType(oldType, dialect);
  const b = parseColumnType(newType, dialect);
  if (!a || !b) return oldType.trim().toUpperCase() === newType.trim().toUpperCase() ? "same" : "incompatible";
  if (sameType(a, b)) return "same";
  if (widens(a, b)) return "widening";
  if (widens(b, a)) return "narrowing";
  return "incompatible";
}

/**
 * Whether the warehouse changes a column's type in place (ALTER ... TYPE) for this widening (§6.3 "drift prelude"):
 * DuckDB every safe widening; Databricks the numeric ones (Delta type widening); Snowflake NUMBER precision and
 * VARCHAR length; others none (a full refresh instead).
 */
export function alterableInPlace(oldType: string, newType: string, dialect: DialectName): boolean {
  if (compareTypes(oldType, newType, dialect) !== "widening") return false;
  const a = parseColumnType(oldType, dialect) as ColumnType;
  const b = parseColumnType(newType, dialect) as ColumnType;
  switch (dialect) {
    case "duckdb":
      return true;
    case "databricks":
      return b.family !== "string";
    case "snowflake":
      return (a.family === "decimal" && b.family === "decimal") || (a.family === "string" && b.family === "string");
    default:
      return false;
  }
}
