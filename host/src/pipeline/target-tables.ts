import type { TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Logger } from "../log.js";

/** Whether target tables exist, learnt in bulk: one discovery/list per target catalog instead of a table_exists per table. */
export interface TargetTables {
  exists(ref: TableRef): Promise<boolean>;
}

const key = (schema: string, table: string) => `${schema.toLowerCase()}.${table.toLowerCase()}`;

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? "";
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * `refs` are every target the plan may ask about; their catalogs are listed on first use, each once, narrowed by the
 * schemas' common prefix. Identifiers compare case-insensitively, as table_exists does. The default catalog ("") has no
 * name to list by, and an adapter without discovery (or whose listing fails) is asked table by table.
 */
export function createTargetTables(target: AdapterClient, refs: readonly TableRef[], logger: Logger): TargetTables {
  const schemasOf = new Map<string, Set<string>>();
  for (const ref of refs) {
    const catalog = ref.catalog.toLowerCase();
    if (catalog === "") continue;
    let schemas = schemasOf.get(catalog);
    if (!schemas) schemasOf.set(catalog, (schemas = new Set()));
    schemas.add(ref.schema);
  }
  const listings = new Map<string, Promise<Set<string> | undefined>>();

  async function list(catalog: string): Promise<Set<string> | undefined> {
    const prefix = commonPrefix([...(schemasOf.get(catalog) ?? [])]);
    try {
      const listed = await target.discover({ catalog, ...(prefix !== "" ? { schema_prefix: prefix } : {}) });
      const tables = new Set<string>();
      for (const s of listed.schemas) {
        if (s.catalog.toLowerCase() !== catalog) continue;
        for (const t of s.tables) tables.add(key(s.schema, t.name));
      }
      return tables;
    } catch (err) {
      logger.debug({ err, adapter: target.name, catalog }, "discovery/list of the target catalog failed: asking table_exists per table");
      return undefined;
    }
  }

  return {
    async exists(ref) {
      const catalog = ref.catalog.toLowerCase();
      if (catalog === "" || !target.has("discovery")) return target.tableExists(ref);
      let listing = listings.get(catalog);
      if (!listing) listings.set(catalog, (listing = list(catalog)));
      const tables = await listing;
      return tables ? tables.has(key(ref.schema, ref.table)) : target.tableExists(ref);
    },
  };
}
