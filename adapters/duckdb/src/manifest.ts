import type { AdapterManifest } from "@rocky/protocol";

/** The adapter's section of rocky.toml. */
export interface DuckDbConfig {
  /** Database file, created if missing; ":memory:" (the default) for an in-memory database. Relative to the adapter's working directory. */
  readonly path: string;
  /** Where extra catalogs live as `<name>.duckdb`; default: the database file's directory. */
  readonly catalogs_dir?: string;
  readonly read_only?: boolean;
  /** DuckDB worker threads. */
  readonly threads?: number;
  /** Most memory DuckDB may hold, e.g. "2GB" (DuckDB's default is 80% of RAM). */
  readonly memory_limit?: string;
}

/** The database when `path` is unset, as in the original Rocky: `rocky test-adapter --adapter duckdb` needs no config. */
export const IN_MEMORY = ":memory:";

/** The config sent in initialize (already validated against CONFIG_SCHEMA), with its defaults filled in. */
export function duckDbConfig(config: Readonly<Record<string, unknown>>): DuckDbConfig {
  return { ...config, path: typeof config.path === "string" ? config.path : IN_MEMORY } as DuckDbConfig;
}

export const CONFIG_SCHEMA = {
  type: "object",
  properties: {
    path: { type: "string", minLength: 1, default: IN_MEMORY, description: 'Database file, created if missing; ":memory:" (the default) for an in-memory database' },
    catalogs_dir: {
      type: "string",
      minLength: 1,
      description: "Directory whose <name>.duckdb files are attached as catalogs <name>; catalog/create creates files here. Default: the database file's directory",
    },
    read_only: { type: "boolean", default: false, description: "Open every database read-only" },
    threads: { type: "integer", minimum: 1, description: "DuckDB worker threads" },
    memory_limit: {
      type: "string",
      pattern: "^[0-9]+(\\.[0-9]+)? ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$",
      description: 'Most memory DuckDB may hold, e.g. "2GB" (default: 80% of RAM); beyond it DuckDB spills to disk',
    },
  },
  additionalProperties: false,
} as const;

export const MANIFEST: AdapterManifest = {
  name: "duckdb",
  version: "0.1.0",
  sdk_version: "0.1.0",
  dialect: "duckdb",
  capabilities: {
    warehouse: true,
    discovery: true,
    governance: false,
    batch_checks: true,
    create_catalog: true,
    drop_catalog: true,
    create_schema: true,
    merge: true,
    tablesample: true,
    file_load: true,
    dialect: true,
    query_paging: true,
    cancellation: true,
    transactions: true,
    sql_parse: true,
  },
  auth_methods: [],
  config_schema: CONFIG_SCHEMA,
  roles: ["source", "warehouse"],
};
