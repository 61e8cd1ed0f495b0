import type { TableFilterConfig } from "@rocky/protocol";

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/** Why a table is filtered out, or undefined when it is copied. */
export type TableFilter = (table: string) => string | undefined;

export function createTableFilter(config: TableFilterConfig | undefined): TableFilter {
  const include = (config?.include ?? []).map((g) => [g, globToRegExp(g)] as const);
  const exclude = (config?.exclude ?? []).map((g) => [g, globToRegExp(g)] as const);
  return (table) => {
    if (include.length > 0 && !include.some(([, re]) => re.test(table))) return `not matched by tables.include (${include.map(([g]) => `"${g}"`).join(", ")})`;
    const hit = exclude.find(([, re]) => re.test(table));
    return hit ? `excluded by tables.exclude "${hit[0]}"` : undefined;
  };
}
