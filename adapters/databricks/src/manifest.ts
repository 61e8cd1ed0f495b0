import type { AdapterManifest } from "@rocky/protocol";

/** The adapter's section of rocky.toml. */
export interface DatabricksConfig {
  /** Workspace URL, e.g. "https://adb-123.4.azuredatabricks.net". */
  readonly host: string;
  /** The SQL warehouse's HTTP path, "/sql/1.0/warehouses/<id>". */
  readonly http_path: string;
  /** Personal access token (else DATABRICKS_TOKEN, else OAuth M2M). */
  readonly token?: string;
  readonly client_id?: string;
  readonly client_secret?: string;
  /** Default catalog and schema of statements. */
  readonly catalog?: string;
  readonly schema?: string;
  /** How long a statement submission waits for the result before polling: 0, or 5 to 50 seconds (default 10). */
  readonly wait_timeout_seconds?: number;
  /** Most statements in flight; the AIMD window starts here and halves on rate limiting (default 32). */
  readonly max_concurrency?: number;
  readonly retry?: { readonly max_attempts?: number; readonly base_delay_ms?: number; readonly max_delay_ms?: number; readonly budget?: number };
}

const IDENT = "^[a-zA-Z0-9_]+$";

export const CONFIG_SCHEMA = {
  type: "object",
  required: ["host", "http_path"],
  properties: {
    host: { type: "string", pattern: "^https?://[^/\\s]+/?$", description: 'Workspace URL, e.g. "https://adb-1234567890123456.7.azuredatabricks.net"' },
    http_path: {
      type: "string",
      pattern: "^/sql/1\\.0/(warehouses|endpoints)/[A-Za-z0-9]+$",
      description: 'The SQL warehouse\'s HTTP path from its "Connection details", e.g. "/sql/1.0/warehouses/abcdef0123456789"',
    },
    token: { type: "string", minLength: 1, writeOnly: true, description: "Personal access token; default: the DATABRICKS_TOKEN environment variable" },
    client_id: { type: "string", minLength: 1, description: "OAuth M2M service principal client id (default: DATABRICKS_CLIENT_ID)" },
    client_secret: { type: "string", minLength: 1, writeOnly: true, description: "OAuth M2M client secret (default: DATABRICKS_CLIENT_SECRET)" },
    catalog: { type: "string", pattern: IDENT, description: "Default catalog of statements" },
    schema: { type: "string", pattern: IDENT, description: "Default schema of statements" },
    wait_timeout_seconds: {
      type: "integer",
      anyOf: [{ const: 0 }, { minimum: 5, maximum: 50 }],
      default: 10,
      description: "How long a submission waits for its result before the adapter polls (0, or 5 to 50)",
    },
    max_concurrency: { type: "integer", minimum: 1, maximum: 256, default: 32, description: "Most statements in flight (the AIMD window's ceiling)" },
    retry: {
      type: "object",
      properties: {
        max_attempts: { type: "integer", minimum: 1, maximum: 20, default: 5 },
        base_delay_ms: { type: "integer", minimum: 1, default: 200 },
        max_delay_ms: { type: "integer", minimum: 1, default: 30000 },
        budget: { type: "integer", minimum: 0, description: "Retries the whole run may spend (default: unlimited)" },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export const MANIFEST: AdapterManifest = {
  name: "databricks",
  version: "0.1.0",
  sdk_version: "0.1.0",
  dialect: "databricks",
  capabilities: {
    warehouse: true,
    discovery: true,
    governance: true,
    batch_checks: true,
    create_catalog: true,
    drop_catalog: true,
    batch_describe: true,
    grants: true,
    workspace_bindings: true,
    create_schema: true,
    merge: true,
    tablesample: true,
    file_load: false,
    dialect: false,
    query_paging: true,
    cancellation: true,
    transactions: false,
  },
  auth_methods: ["pat", "oauth_m2m"],
  config_schema: CONFIG_SCHEMA,
  roles: ["source", "warehouse"],
};
