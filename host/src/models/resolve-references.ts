import type { TableName } from "../sql/dialect.js";
import type { TableReference } from "./analyze-model-sql.js";

export interface ModelTargetIndex {
  readonly name: string;
  readonly target: TableName;
}

/**
 * The model a table reference means: a bare name matches a model name, then a model's target table;
 * schema.table and catalog.schema.table match model targets. Comparison ignores case, as the warehouses do.
 * Undefined for an external source.
 */
export function resolveReference(ref: TableReference, models: readonly ModelTargetIndex[]): string | undefined {
  const eq = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();
  if (ref.schema === undefined) {
    const byName = models.find((m) => eq(m.name, ref.table));
    if (byName) return byName.name;
    const byTable = models.filter((m) => eq(m.target.table, ref.table));
    return byTable.length === 1 ? byTable[0]?.name : undefined;
  }
  const matches = models.filter(
    (m) =>
      eq(m.target.schema, ref.schema) &&
      eq(m.target.table, ref.table) &&
      (ref.catalog === undefined || m.target.catalog === undefined || eq(m.target.catalog, ref.catalog)),
  );
  return matches.length === 1 ? matches[0]?.name : undefined;
}
