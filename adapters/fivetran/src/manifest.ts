import type { AdapterManifest } from "@rocky/protocol";

/** The adapter's section of rocky.toml. */
export interface FivetranConfig {
  /** The destination group whose connections are discovered (the original Rocky's key). */
  readonly destination_id: string;
  /** Default: the environment's FIVETRAN_API_KEY. */
  readonly api_key?: string;
  /** Default: the environment's FIVETRAN_API_SECRET. */
  readonly api_secret?: string;
  readonly base_url?: string;
  /** The warehouse catalog the destination writes to; default: the destination's config.catalog or config.database. */
  readonly catalog?: string;
  readonly page_size?: number;
  readonly concurrency?: number;
  readonly max_attempts?: number;
  readonly timeout_ms?: number;
}

export const DEFAULT_BASE_URL = "https://api.fivetran.com";

export const CONFIG_SCHEMA = {
  type: "object",
  required: ["destination_id"],
  properties: {
    destination_id: { type: "string", minLength: 1, description: "The Fivetran group (destination) whose connections are discovered" },
    api_key: { type: "string", minLength: 1, writeOnly: true, description: "API key (HTTP Basic user); default: $FIVETRAN_API_KEY" },
    api_secret: { type: "string", minLength: 1, writeOnly: true, description: "API secret (HTTP Basic password); default: $FIVETRAN_API_SECRET" },
    base_url: { type: "string", pattern: "^https?://", default: DEFAULT_BASE_URL, description: "REST API base URL" },
    catalog: {
      type: "string",
      minLength: 1,
      description: "Warehouse catalog (database) the destination writes to; default: the destination's config.catalog or config.database",
    },
    page_size: { type: "integer", minimum: 1, maximum: 1000, default: 100, description: "limit of each page of a paginated list" },
    concurrency: { type: "integer", minimum: 1, maximum: 64, default: 10, description: "Schema configs fetched at once (halved while the API rate-limits)" },
    max_attempts: { type: "integer", minimum: 1, maximum: 20, default: 5, description: "Attempts per request; 429 and 503 honour Retry-After" },
    timeout_ms: { type: "integer", minimum: 1000, default: 120000, description: "Per attempt" },
  },
  additionalProperties: false,
} as const;

export const MANIFEST: AdapterManifest = {
  name: "fivetran",
  version: "0.1.0",
  sdk_version: "0.1.0",
  dialect: "none",
  capabilities: {
    warehouse: false,
    discovery: true,
    governance: false,
    batch_checks: false,
    create_catalog: false,
    create_schema: false,
    merge: false,
    tablesample: false,
  },
  auth_methods: ["basic"],
  config_schema: CONFIG_SCHEMA,
  roles: ["source"],
};
