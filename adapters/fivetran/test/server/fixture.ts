// The account a test server serves: groups (each with its destination) and their connections, in the shapes of
// Fivetran's REST API reference (https://fivetran.com/docs/rest-api/api-reference/connections,
// https://fivetran.com/docs/rest-api/api-reference/connection-schema, https://fivetran.com/docs/rest-api/destinations).

export interface TableConfig {
  readonly name_in_destination: string;
  enabled: boolean;
  readonly sync_mode?: "SOFT_DELETE" | "HISTORY" | "LIVE";
}

export interface SchemaConfig {
  readonly name_in_destination: string;
  enabled: boolean;
  readonly tables: Record<string, TableConfig>;
}

export interface Connection {
  readonly id: string;
  readonly group_id: string;
  readonly service: string;
  /** Destination schema (or, for database connectors, the prefix of their destination schemas). */
  readonly schema: string;
  paused: boolean;
  /** null until the first successful sync. */
  succeeded_at: string | null;
  failed_at: string | null;
  readonly created_at: string;
  readonly config: { schema_prefix?: string };
  /** Absent until the first sync generates it (Retrieve a Connection Schema Config answers 404). */
  schemas?: Record<string, SchemaConfig>;
}

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
}

export interface Destination {
  readonly id: string;
  readonly group_id: string;
  readonly service: string;
  readonly region: string;
  readonly time_zone_offset: string;
  readonly setup_status: "connected" | "incomplete" | "broken";
  readonly config: Record<string, unknown>;
}

export interface FivetranAccount {
  readonly groups: Group[];
  readonly destinations: Destination[];
  readonly connections: Connection[];
}

/** One enabled schema whose tables are all enabled except those listed in `disabled`. */
export function singleSchema(name: string, tables: readonly string[], disabled: readonly string[] = []): Record<string, SchemaConfig> {
  return {
    [name]: {
      name_in_destination: name,
      enabled: true,
      tables: Object.fromEntries(tables.map((t) => [t, { name_in_destination: t, enabled: !disabled.includes(t), sync_mode: "SOFT_DELETE" as const }])),
    },
  };
}

/** Marks a successful sync of connection `id` at `at` (ISO 8601), as Fivetran does when one finishes. */
export function syncConnection(account: FivetranAccount, id: string, at: string): void {
  const connection = account.connections.find((c) => c.id === id);
  if (!connection) throw new Error(`No connection "${id}" in the fixture`);
  connection.succeeded_at = at;
}
