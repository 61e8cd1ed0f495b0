import type { DiscoveredSchema } from "@rocky/protocol";
import type { ApiConnection, ApiSchemaConfig } from "./fivetran-api.js";

/**
 * The warehouse schemas a connection writes, with their enabled tables. A database connector (config.schema_prefix)
 * writes each source schema to `<prefix>_<schema>`; any other connector writes every table to its one destination
 * schema, the connection's `schema` (https://fivetran.com/docs/core-concepts/no-renaming: "Destination schema vs
 * destination schema prefix"). Disabled schemas and tables are left out; a table name seen twice is listed once.
 */
export function destinationSchemas(catalog: string, connection: ApiConnection, config: Readonly<Record<string, ApiSchemaConfig>>): DiscoveredSchema[] {
  const prefix = connection.config?.schema_prefix;
  const bySchema = new Map<string, Set<string>>();
  for (const [sourceName, schema] of Object.entries(config)) {
    if (schema.enabled === false) continue;
    const name = prefix !== undefined ? `${prefix}_${schema.name_in_destination ?? sourceName}` : connection.schema;
    let tables = bySchema.get(name);
    if (!tables) bySchema.set(name, (tables = new Set()));
    for (const [tableName, table] of Object.entries(schema.tables ?? {})) {
      if (table.enabled !== false) tables.add(table.name_in_destination ?? tableName);
    }
  }
  return [...bySchema].map(([schema, tables]) => ({
    catalog,
    schema,
    tables: [...tables].sort().map((name) => ({ name })),
    synced_at: connection.succeeded_at ?? null,
    metadata: { connector_id: connection.id, service: connection.service ?? null, paused: connection.paused ?? false },
  }));
}
