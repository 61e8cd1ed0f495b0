import type { DiscoveredTable, ReplicationPipelineConfig, SkippedSource } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { isRockyError } from "../errors.js";
import { isValidIdentifier } from "../sql/identifiers.js";
import { compileSchemaPattern, matchSchemaName, renderTemplate } from "./schema-pattern.js";
import { createTableFilter } from "./table-filter.js";

/** A source schema that matched the pattern, with the target it maps to and the tables to copy. */
export interface SourceSchema {
  readonly catalog: string;
  readonly schema: string;
  readonly components: Readonly<Record<string, string>>;
  /** "" when the pipeline has no catalog_template. */
  readonly targetCatalog: string;
  readonly targetSchema: string;
  readonly tables: readonly DiscoveredTable[];
  /** When the source adapter says what landed here last changed; null when it does not say. */
  readonly syncedAt: string | null;
}

export interface DiscoveredSources {
  readonly schemas: readonly SourceSchema[];
  readonly skipped: readonly SkippedSource[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lists the source adapter's schemas, matches them against the pattern and filters their tables. */
export async function discoverSources(config: ReplicationPipelineConfig, source: AdapterClient): Promise<DiscoveredSources> {
  const pattern = compileSchemaPattern(config.source.schema_pattern);
  const filter = createTableFilter(config.tables);
  const listed = await source.discover({
    ...(config.source.catalog !== undefined ? { catalog: config.source.catalog } : {}),
    ...(pattern.prefix !== "" ? { schema_prefix: pattern.prefix } : {}),
  }, { cache: "discovery" });
  const schemas: SourceSchema[] = [];
  const skipped: SkippedSource[] = [];
  const sorted = [...listed.schemas].sort((a, b) => byName(a.catalog, b.catalog) || byName(a.schema, b.schema));
  for (const found of sorted) {
    const { catalog, schema } = found;
    if (config.source.catalog !== undefined && catalog.toLowerCase() !== config.source.catalog.toLowerCase()) continue;
    const skip = (reason: string, table?: string) => skipped.push({ catalog, schema, ...(table !== undefined ? { table } : {}), reason });
    const match = matchSchemaName(schema, pattern);
    if (!match.matched) {
      skip(`schema ${match.reason}`);
      continue;
    }
    if ((catalog !== "" && !isValidIdentifier(catalog)) || !isValidIdentifier(schema)) {
      skip("source catalog or schema name is not a valid identifier (^[a-zA-Z0-9_]+$)");
      continue;
    }
    let targetCatalog = "";
    let targetSchema: string;
    try {
      if (config.target.catalog_template !== undefined) targetCatalog = renderTemplate(config.target.catalog_template, match.components, "target catalog name");
      targetSchema = renderTemplate(config.target.schema_template, match.components, "target schema name");
    } catch (err) {
      if (!isRockyError(err)) throw err;
      skip(err.message);
      continue;
    }
    const tables: DiscoveredTable[] = [];
    for (const table of [...found.tables].sort((a, b) => byName(a.name, b.name))) {
      const filtered = isValidIdentifier(table.name) ? filter(table.name) : "table name is not a valid identifier (^[a-zA-Z0-9_]+$)";
      if (filtered) skip(filtered, table.name);
      else tables.push(table);
    }
    schemas.push({ catalog, schema, components: match.components, targetCatalog, targetSchema, tables, syncedAt: found.synced_at ?? null });
  }
  for (const f of listed.failed ?? []) {
    if (f.schema.startsWith(pattern.prefix)) skipped.push({ catalog: f.catalog ?? "", schema: f.schema, reason: `the source adapter could not read it: ${f.message}` });
  }
  if (listed.schemas.length === 0 && (listed.failed ?? []).length === 0) {
    const where = `adapter "${config.source.adapter}"${config.source.catalog !== undefined ? ` catalog "${config.source.catalog}"` : ""}`;
    skipped.push({ catalog: config.source.catalog ?? "", schema: `${pattern.prefix}*`, reason: `no source schema starting with "${pattern.prefix}" found in ${where}: nothing to replicate` });
  }
  return { schemas, skipped };
}
