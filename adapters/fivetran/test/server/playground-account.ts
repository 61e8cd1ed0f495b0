import { singleSchema, type Connection, type FivetranAccount } from "./fixture.js";

export const MAIN_GROUP = "decent_dropsy";
export const OTHER_GROUP = "projected_sickle";
export const FIRST_SYNC = "2024-01-02T03:00:00.000000Z";

function connection(id: string, schema: string, service: string, tables: readonly string[], more: Partial<Connection> = {}): Connection {
  return {
    id,
    group_id: MAIN_GROUP,
    service,
    schema,
    paused: false,
    succeeded_at: FIRST_SYNC,
    failed_at: null,
    created_at: "2023-12-01T00:00:00.000000Z",
    config: {},
    schemas: singleSchema(schema, tables),
    ...more,
  };
}

/** A connection created but never synced: no succeeded_at, no schema config yet. */
function neverSynced(id: string, schema: string, service: string): Connection {
  const { schemas: _none, ...made } = connection(id, schema, service, [], { succeeded_at: null });
  return made;
}

/**
 * The connections that landed examples/playground's data (generate.mjs) in the DuckDB catalog "warehouse", plus a
 * never-synced one, a disabled table (shopify.products), and a second group with a database connector.
 */
export function playgroundAccount(): FivetranAccount {
  return {
    groups: [
      { id: MAIN_GROUP, name: "Warehouse", created_at: "2023-11-01T00:00:00.000000Z" },
      { id: OTHER_GROUP, name: "Staging", created_at: "2023-11-02T00:00:00.000000Z" },
    ],
    destinations: [
      { id: MAIN_GROUP, group_id: MAIN_GROUP, service: "snowflake", region: "GCP_US_EAST4", time_zone_offset: "0", setup_status: "connected", config: { database: "warehouse", password: "******" } },
      { id: OTHER_GROUP, group_id: OTHER_GROUP, service: "databricks", region: "AWS_US_EAST_1", time_zone_offset: "0", setup_status: "connected", config: { catalog: "staging_lake" } },
    ],
    connections: [
      connection("shopify_acme_usw", "src__acme__us_west__shopify", "shopify", ["orders", "customers", "products", "orders_tmp"], {
        schemas: singleSchema("src__acme__us_west__shopify", ["orders", "customers", "products", "orders_tmp"], ["products"]),
      }),
      connection("stripe_acme_euc", "src__acme__eu_central__stripe", "stripe", ["charges", "refunds"]),
      connection("hubspot_globex_use", "src__globex__us_east__hubspot", "hubspot", ["contacts", "deals", "owners"]),
      connection("sf_initech_apac_jp", "src__initech__apac__jp__salesforce", "salesforce", ["accounts"]),
      connection("scratch_notes", "src__scratch", "google_sheets", ["notes"]),
      neverSynced("zendesk_umbrella_use", "src__umbrella__us_east__zendesk", "zendesk"),
      connection("pg_globex_euw", "src__globex__eu_west__postgres", "postgres", [], {
        group_id: OTHER_GROUP,
        config: { schema_prefix: "src__globex__eu_west__postgres" },
        schemas: {
          public: { name_in_destination: "public", enabled: true, tables: { users: { name_in_destination: "users", enabled: true }, audit: { name_in_destination: "audit", enabled: false } } },
          billing: { name_in_destination: "billing", enabled: true, tables: { invoices: { name_in_destination: "invoices", enabled: true } } },
          legacy: { name_in_destination: "legacy", enabled: false, tables: { old: { name_in_destination: "old", enabled: true } } },
        },
      }),
    ],
  };
}
