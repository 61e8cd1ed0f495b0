import { Methods, type GovernanceAction, type TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Logger } from "../log.js";
import { mapConcurrent } from "../pipeline/map-concurrent.js";
import { tableKey } from "../state/state-store.js";
import { apply } from "./govern-targets.js";
import type { GovernanceSpec } from "./governance-spec.js";
import { tagsToSet } from "./governance-diff.js";
import type { TagMemory } from "./tag-memory.js";

export interface TagTablesOptions {
  readonly spec: GovernanceSpec;
  readonly client: AdapterClient;
  /** Applying: the tables just written (succeeded); planning: every planned table. */
  readonly tables: readonly TableRef[];
  readonly tags: TagMemory;
  readonly apply: boolean;
  readonly concurrency: number;
  readonly logger: Logger;
}

/** Tags each table after its copy (the original's deferred batch); a failure warns, the table's data stays written. */
export async function tagTables(o: TagTablesOptions): Promise<GovernanceAction[]> {
  if (Object.keys(o.spec.tags).length === 0) return [];
  const actions = await mapConcurrent(o.tables, o.concurrency, async (table) => {
    const target = tableKey(table);
    const tags = tagsToSet(o.spec.tags, o.tags.get("table", target));
    if (Object.keys(tags).length === 0) return undefined;
    return apply(o, { action: "set_tags", securable: "table", target, tags }, async () => {
      await o.client.request(Methods.governanceSetTags, { target: { catalog: table.catalog, schema: table.schema, table: table.table }, tags });
      await o.tags.remember("table", target, tags);
    }, "warn");
  });
  return actions.filter((a): a is GovernanceAction => a !== undefined);
}
