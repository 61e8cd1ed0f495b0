import type { AssertionConfig, CustomCheckConfig, SqlParam, TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { RockyError } from "../errors.js";
import type { Dialect } from "../sql/dialect.js";
import { assertIdentifier } from "../sql/identifiers.js";

/** A query whose one row, one column is a number: offending rows, or a row count. */
export interface CountQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

const where = (conditions: readonly (string | undefined)[]) => {
  const present = conditions.filter((c): c is string => c !== undefined);
  return present.length === 0 ? "" : ` WHERE ${present.map((c) => `(${c})`).join(" AND ")}`;
};

/** `to_table` of a relationship: missing leading parts are the checked table's. */
export function relatedTable(spec: string, from: TableRef): TableRef {
  const parts = spec.split(".").map((p) => assertIdentifier(p, "table name", `relationships to_table "${spec}"`));
  const [a, b, c] = parts;
  if (parts.length === 3) return { catalog: a as string, schema: b as string, table: c as string };
  if (parts.length === 2) return { catalog: from.catalog, schema: a as string, table: b as string };
  return { catalog: from.catalog, schema: from.schema, table: a as string };
}

/** The SQL of an assertion: offending rows (row_count_range: the row count). User conditions (expression, filter) are the project's SQL. */
export function assertionQuery(a: AssertionConfig, table: TableRef, d: Dialect): CountQuery {
  const t = d.tableRef(table);
  const col = a.column === undefined ? undefined : d.quote(a.column, "column name");
  const need = (value: string | undefined, field: string): string => {
    if (value === undefined) throw new RockyError("CONFIG_INVALID", `Assertion "${a.type}" needs "${field}"`, { hint: `Add ${field} = ... to the assertion` });
    return value;
  };
  const filter = a.filter;
  switch (a.type) {
    case "not_null":
      return { sql: `SELECT COUNT(*) FROM ${t}${where([`${need(col, "column")} IS NULL`, filter])}`, params: [] };
    case "unique": {
      const cols = (a.columns ?? (a.column === undefined ? [] : [a.column])).map((c) => d.quote(c, "column name"));
      if (cols.length === 0) need(undefined, "column");
      const list = cols.join(", ");
      return {
        sql: `SELECT COUNT(*) FROM (SELECT ${list} FROM ${t}${where([...cols.map((c) => `${c} IS NOT NULL`), filter])} GROUP BY ${list} HAVING COUNT(*) > 1) AS rocky_duplicates`,
        params: [],
      };
    }
    case "accepted_values": {
      const values = (a.values ?? []).map(String);
      const c = need(col, "column");
      return { sql: `SELECT COUNT(*) FROM ${t}${where([`${c} IS NOT NULL`, `CAST(${c} AS ${d.stringType()}) NOT IN (${values.map(() => "?").join(", ")})`, filter])}`, params: values };
    }
    case "relationships": {
      const c = need(a.column, "column");
      const parent = relatedTable(need(a.to_table, "to_table"), table);
      const child = `rocky_child.${d.quote(c, "column name")}`;
      const key = `rocky_parent.${d.quote(a.to_column ?? c, "column name")}`;
      return {
        sql: `SELECT COUNT(*) FROM ${t} AS rocky_child${where([`${child} IS NOT NULL`, `NOT EXISTS (SELECT 1 FROM ${d.tableRef(parent)} AS rocky_parent WHERE ${key} = ${child})`, filter])}`,
        params: [],
      };
    }
    case "expression":
      return { sql: `SELECT COUNT(*) FROM ${t}${where([`NOT COALESCE((${need(a.expression, "expression")}), FALSE)`, filter])}`, params: [] };
    case "row_count_range":
      return { sql: `SELECT COUNT(*) FROM ${t}${where([filter])}`, params: [] };
    case "in_range": {
      const c = need(col, "column");
      if (a.min === undefined && a.max === undefined) need(undefined, "min or max");
      const outside = [a.min === undefined ? undefined : `${c} < ?`, a.max === undefined ? undefined : `${c} > ?`].filter((x) => x !== undefined);
      return { sql: `SELECT COUNT(*) FROM ${t}${where([outside.join(" OR "), filter])}`, params: [a.min, a.max].filter((v): v is number => v !== undefined) };
    }
    case "not_in_future":
      return { sql: `SELECT COUNT(*) FROM ${t}${where([`${need(col, "column")} > CAST(${d.currentTimestamp()} AS ${d.timestampType()})`, filter])}`, params: [] };
    case "unique_expr": {
      const key = `(${need(a.key_expr, "key_expr")})`;
      return { sql: `SELECT COUNT(*) FROM (SELECT ${key} AS rocky_key FROM ${t}${where([`${key} IS NOT NULL`, filter])} GROUP BY ${key} HAVING COUNT(*) > 1) AS rocky_duplicates`, params: [] };
    }
    case "composite":
      return assertionQuery({ ...a, type: "unique" }, table, d);
    case "regex_match": {
      const c = need(col, "column");
      return { sql: `SELECT COUNT(*) FROM ${t}${where([`${c} IS NOT NULL`, `NOT (${regexMatches(d, `CAST(${c} AS ${d.stringType()})`)})`, filter])}`, params: [need(a.pattern, "pattern")] };
    }
    case "aggregate": {
      // The aggregate itself, and whether it is NULL (an empty table's SUM): runAssertion compares it with `value`.
      const agg = `${AGGREGATES[a.op ?? "sum"]}(${need(col, "column")})`;
      return { sql: `SELECT ${agg}, CASE WHEN ${agg} IS NULL THEN 1 ELSE 0 END FROM ${t}${where([filter])}`, params: [] };
    }
    case "older_than_n_days": {
      // The cutoff is computed here and bound: interval arithmetic is spelled differently on every engine.
      const cutoff = new Date(Date.now() - (a.days ?? 0) * 86_400_000).toISOString().replace("T", " ").replace("Z", "");
      return { sql: `SELECT COUNT(*) FROM ${t}${where([`${need(col, "column")} > CAST(? AS ${d.timestampType()})`, filter])}`, params: [cutoff] };
    }
  }
}

const AGGREGATES = { sum: "SUM", count: "COUNT", avg: "AVG", min: "MIN", max: "MAX" } as const;

/** `value` matches the bound pattern (one `?`), in the engine's own regex function. */
function regexMatches(d: Dialect, value: string): string {
  switch (d.name) {
    case "duckdb":
      return `regexp_matches(${value}, ?)`;
    case "databricks":
      return `${value} RLIKE ?`;
    default:
      return `REGEXP_LIKE(${value}, ?)`;
  }
}

/** A custom check's query, its {target}/{catalog}/{schema}/{table} replaced by validated, quoted names, wrapped to count its rows. */
export function customQuery(check: CustomCheckConfig, table: TableRef, d: Dialect): CountQuery {
  const names: Record<string, () => string> = {
    target: () => d.tableRef(table),
    catalog: () => d.quote(table.catalog, "catalog name"),
    schema: () => d.quote(table.schema, "schema name"),
    table: () => d.quote(table.table, "table name"),
  };
  const body = check.sql.trim().replace(/;+\s*$/, "").replace(/\{(target|catalog|schema|table)\}/g, (_, name: string) => (names[name] as () => string)());
  return { sql: `SELECT COUNT(*) FROM (${body}) AS rocky_custom`, params: [] };
}

/** NULLs per column: `SELECT COUNT(*), COUNT(c1), ...`, sampled where the adapter declares TABLESAMPLE. */
export function nullCountsQuery(columns: readonly string[], table: TableRef, d: Dialect, samplePercent: number | null): CountQuery {
  const counts = columns.map((c) => `COUNT(${d.quote(c, "column name")})`).join(", ");
  return { sql: `SELECT COUNT(*), ${counts} FROM ${d.tableRef(table)}${samplePercent === null ? "" : ` ${tablesample(d, samplePercent)}`}`, params: [] };
}

/** The percentage is a schema-checked number, printed as one (TABLESAMPLE takes no parameters on any engine). */
function tablesample(d: Dialect, percent: number): string {
  const p = String(Number(percent));
  switch (d.name) {
    case "duckdb":
      return `TABLESAMPLE ${p} PERCENT (bernoulli)`;
    case "databricks":
      return `TABLESAMPLE (${p} PERCENT)`;
    default:
      return `TABLESAMPLE BERNOULLI (${p})`;
  }
}

/** The first row's numbers of a query. */
export async function queryNumbers(client: AdapterClient, q: CountQuery): Promise<number[]> {
  const { rows } = await client.query(q.sql, q.params);
  return (rows[0] ?? []).map((v) => Number(v));
}
