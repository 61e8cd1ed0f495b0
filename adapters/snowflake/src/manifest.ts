import type { AdapterManifest } from "@rocky/protocol";

/** The adapter's section of rocky.toml (keys of the original Rocky's Snowflake adapter, plus a few). */
export interface SnowflakeConfig {
  /** Account identifier, e.g. "xy12345.us-east-1" or "myorg-myaccount". */
  readonly account: string;
  readonly warehouse?: string;
  /** Default database (catalog "" in requests) and schema. */
  readonly database?: string;
  readonly schema?: string;
  readonly role?: string;
  readonly username?: string;
  readonly password?: string;
  readonly pat?: string;
  readonly oauth_token?: string;
  readonly private_key_path?: string;
  /** The PEM itself, instead of a file. */
  readonly private_key?: string;
  readonly private_key_passphrase?: string;
  /** Lifetime of each key-pair JWT (Snowflake allows at most one hour; default 59 minutes, as the original). */
  readonly jwt_lifetime_seconds?: number;
  /** Default https://<account>.snowflakecomputing.com. */
  readonly base_url?: string;
  /** Statement timeout sent with each request; default the account's STATEMENT_TIMEOUT_IN_SECONDS. */
  readonly statement_timeout_seconds?: number;
  /** Most statements in flight at once: the AIMD window's ceiling (it halves on 429s). */
  readonly max_concurrency?: number;
  /** Attempts per HTTP request, the first included. */
  readonly max_attempts?: number;
  /** Retries the whole process may spend (the original's retry.max_retries_per_run); unlimited when absent. */
  readonly max_retries_per_run?: number;
}

const secret = (description: string) => ({ type: "string", minLength: 1, writeOnly: true, description });

export const CONFIG_SCHEMA = {
  type: "object",
  required: ["account"],
  properties: {
    account: { type: "string", pattern: "^[A-Za-z0-9_.-]+$", description: 'Account identifier, e.g. "xy12345.us-east-1" or "myorg-myaccount"' },
    warehouse: { type: "string", minLength: 1, description: "Warehouse the statements run on" },
    database: { type: "string", minLength: 1, description: "Default database (used where a request's catalog is empty)" },
    schema: { type: "string", minLength: 1, description: "Default schema" },
    role: { type: "string", minLength: 1, description: "Role the statements run as" },
    username: { type: "string", minLength: 1, description: "User name (key-pair and password authentication)" },
    password: secret("Password (session login); used only when no token or private key is given"),
    pat: secret("Programmatic access token; tried first"),
    oauth_token: secret("OAuth access token; tried second"),
    private_key_path: { type: "string", minLength: 1, description: "PKCS#8 PEM private key file for key-pair (JWT) authentication; tried third, with username" },
    private_key: secret("PKCS#8 PEM private key itself, instead of private_key_path"),
    private_key_passphrase: secret("Passphrase of an encrypted private key"),
    jwt_lifetime_seconds: { type: "integer", minimum: 1, maximum: 3600, default: 3540, description: "Lifetime of each key-pair JWT; re-minted before it expires" },
    base_url: { type: "string", pattern: "^https?://", description: "SQL API base URL (default https://<account>.snowflakecomputing.com)" },
    statement_timeout_seconds: { type: "integer", minimum: 1, description: "Timeout sent with each statement" },
    max_concurrency: { type: "integer", minimum: 1, maximum: 256, default: 16, description: "Most statements in flight; the AIMD window halves on rate limits and grows back" },
    max_attempts: { type: "integer", minimum: 1, maximum: 20, default: 5, description: "Attempts per HTTP request on 429/502/503/504 and network errors" },
    max_retries_per_run: { type: "integer", minimum: 0, description: "Retries the adapter process may spend in all; once spent, transient failures fail at once (default: no limit)" },
  },
  additionalProperties: false,
} as const;

export const MANIFEST: AdapterManifest = {
  name: "snowflake",
  version: "0.1.0",
  sdk_version: "0.1.0",
  dialect: "snowflake",
  capabilities: {
    warehouse: true,
    discovery: false,
    governance: true,
    batch_checks: true,
    create_catalog: true,
    drop_catalog: true,
    create_schema: true,
    merge: true,
    tablesample: true,
    file_load: false,
    dialect: false,
    query_paging: true,
    cancellation: true,
    transactions: true,
    batch_describe: true,
    grants: true,
  },
  auth_methods: ["programmatic_access_token", "oauth", "key_pair_jwt", "password"],
  config_schema: CONFIG_SCHEMA,
  roles: ["warehouse"],
};
