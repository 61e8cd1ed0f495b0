import type { TableName } from "../sql/dialect.js";
import type { TableReference } from "./scan-model-sql.js";

export interface ModelTargetIndex {
  readonly name: string;
  readonly target: TableName;
}

/** Looks models up by name and by target, in constant time per reference. */
export interface ModelResolver {
  /** The model a table reference means, or undefined for an external source. */
  resolve(ref: TableReference): string | undefined;
  /** The model of that name, compared ignoring case. */
  byName(name: string): ModelTargetIndex | undefined;
}

/**
 * Indexes models for reference resolution: a bare name matches a model name, then a model's target table;
 * schema.table and catalog.schema.table match model targets. Comparison ignores case, as the warehouses do.
 */
export function createModelResolver(models: readonly ModelTargetIndex[]): ModelResolver {
  const names = new Map<string, ModelTargetIndex>();
  const tables = new Map<string, ModelTargetIndex[]>();
  const schemaTables = new Map<string, ModelTargetIndex[]>();
  const push = (map: Map<string, ModelTargetIndex[]>, key: string, m: ModelTargetIndex) => {
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  };
  for (const m of models) {
    const name = m.name.toLowerCase();
    if (!names.has(name)) names.set(name, m);
    push(tables, m.target.table.toLowerCase(), m);
    push(schemaTables, schemaTableKey(m.target.schema, m.target.table), m);
  }
  return {
    byName: (name) => names.get(name.toLowerCase()),
    resolve(ref) {
      if (ref.schema === undefined) {
        const byName = names.get(ref.table.toLowerCase());
        if (byName) return byName.name;
        const byTable = tables.get(ref.table.toLowerCase()) ?? [];
        return byTable.length === 1 ? byTable[0]?.name : undefined;
      }
      const catalog = ref.catalog?.toLowerCase();
      const matches = (schemaTables.get(schemaTableKey(ref.schema, ref.table)) ?? []).filter(
        (m) => catalog === undefined || m.target.catalog === undefined || m.target.catalog.toLowerCase() === catalog,
      );
      return matches.length === 1 ? matches[0]?.name : undefined;
    },
  };
}

function schemaTableKey(schema: string, table: string): string {
  return `${schema.toLowerCase()}\0${table.toLowerCase()}`;
}
