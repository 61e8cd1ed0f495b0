import { scanTableNames, type TableNameSpan } from "./rewrite-table-references.js";

/** A table the SQL reads, split into its parts as written. */
export interface TableReference {
  readonly catalog?: string;
  readonly schema?: string;
  readonly table: string;
  readonly text: string;
}

export interface ModelSqlScan {
  /** Distinct table references (CTE names excluded), in order of appearance. */
  readonly references: readonly TableReference[];
  /** Names of the query's CTEs, lower-cased: a one-part reference to one of them is not a table. */
  readonly cteNames: ReadonlySet<string>;
  /** Every table name as written, CTE names included, for rewriting. */
  readonly spans: readonly TableNameSpan[];
}

/**
 * The tables a model reads, found lexically from its FROM and JOIN clauses: the same scan that qualifies model
 * references for the warehouse, so dependencies and rewriting always agree, and fast enough for every `rocky plan`.
 */
export function scanModelSql(sql: string): ModelSqlScan {
  const { spans, cteNames } = scanTableNames(sql);
  const seen = new Set<string>();
  const references: TableReference[] = [];
  for (const { parts } of spans) {
    const table = parts.at(-1) as string;
    if (parts.length === 1 && cteNames.has(table.toLowerCase())) continue;
    const text = parts.join(".");
    if (seen.has(text)) continue;
    seen.add(text);
    references.push(toReference(parts));
  }
  return { references, cteNames, spans };
}

export function toReference(parts: readonly string[]): TableReference {
  const table = parts.at(-1) as string;
  return {
    ...(parts.length >= 3 ? { catalog: parts.at(-3) as string } : {}),
    ...(parts.length >= 2 ? { schema: parts.at(-2) as string } : {}),
    table,
    text: parts.join("."),
  };
}
