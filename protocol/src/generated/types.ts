/* eslint-disable */
// Generated from schemas/**/*.schema.json by `npm run gen -- --write`. Do not edit.

/**
 * A positional parameter bound to a `?` placeholder in the statement
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SqlParam".
 */
export type SqlParam = string | number | boolean | null;
/**
 * How the model's SELECT becomes a table; `type` picks the strategy (default full_refresh)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "MaterializationStrategy".
 */
export type MaterializationStrategy =
  | FullRefreshStrategy
  | IncrementalStrategy
  | MergeStrategy
  | MaterializedViewStrategy
  | DynamicTableStrategy
  | TimeIntervalStrategy;
/**
 * Labels for --select tag:NAME. A list of names, or a table of key = "value" pairs as the original Rocky writes [tags] (each becomes the tag key:value)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelTags".
 */
export type ModelTags =
  | string[]
  | {
      [k: string]: string;
    };
/**
 * A dbt-like assertion on a table: it passes when no row breaks it (row_count_range: when the count is within min..max)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "AssertionConfig".
 */
export type AssertionConfig = AssertionConfig1;
/**
 * A pipeline; `type` selects its shape
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "PipelineConfig".
 */
export type PipelineConfig = ReplicationPipelineConfig | TransformationPipelineConfig;
/**
 * A SQL statement with its bound parameters, or an adapter method call
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "PlannedStatement".
 */
export type PlannedStatement =
  | {
      sql: string;
      params: SqlParam[];
    }
  | {
      method: string;
      params: {};
    };

/**
 * What an adapter is and can do, returned by `initialize`. Compatible with the original Rocky manifest: every original field is required, the Rocky additions are optional.
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "AdapterManifest".
 */
export interface AdapterManifest {
  /**
   * Adapter name; should match the `rocky-<name>` executable suffix
   */
  name: string;
  /**
   * The adapter's own version (semver)
   */
  version: string;
  /**
   * Version of the SDK or protocol library the adapter was built with
   */
  sdk_version: string;
  /**
   * SQL dialect name: duckdb, databricks, snowflake, or the adapter's own
   */
  dialect: string;
  capabilities: Capabilities;
  auth_methods: string[];
  /**
   * JSON Schema (draft 2020-12 or 07) for the adapter's config; the host validates the config against it before `initialize`
   */
  config_schema: {};
  /**
   * Roles the adapter can serve; defaults to those implied by the capabilities
   */
  roles?: ("source" | "warehouse")[];
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "Capabilities".
 */
export interface Capabilities {
  /**
   * execute_statement, execute_query, describe_table, table_exists
   */
  warehouse: boolean;
  /**
   * discovery/list
   */
  discovery: boolean;
  /**
   * governance/set_tags, governance/get_grants
   */
  governance: boolean;
  /**
   * checks/row_counts, checks/freshness
   */
  batch_checks: boolean;
  /**
   * catalog/create
   */
  create_catalog: boolean;
  /**
   * catalog/drop
   */
  drop_catalog?: boolean;
  /**
   * describe_tables: the columns of many tables in one request
   */
  batch_describe?: boolean;
  /**
   * governance/apply_grants: GRANT and REVOKE
   */
  grants?: boolean;
  /**
   * governance/get_bindings, governance/set_bindings: catalog isolation and the workspaces bound to a catalog (Databricks Unity Catalog)
   */
  workspace_bindings?: boolean;
  /**
   * schema/create
   */
  create_schema: boolean;
  /**
   * The warehouse executes MERGE INTO
   */
  merge: boolean;
  /**
   * The warehouse executes TABLESAMPLE
   */
  tablesample: boolean;
  /**
   * CSV/Parquet/JSONL loading
   */
  file_load?: boolean;
  /**
   * dialect/format_table_ref, dialect/watermark_where, dialect/row_hash answered by the adapter instead of the host's built-in dialect
   */
  dialect?: boolean;
  /**
   * query/open, query/fetch, query/close for results too large for one message
   */
  query_paging?: boolean;
  /**
   * $/cancelRequest stops the request it names
   */
  cancellation?: boolean;
  /**
   * execute_batch: several statements in order on one session, atomically when asked; the host refuses multi-statement changes that must be atomic on adapters without it
   */
  transactions?: boolean;
  /**
   * sql/parse: the warehouse's own parser checks model SQL (without running it), instead of the host's generic SQL grammar
   */
  sql_parse?: boolean;
  [k: string]: boolean | undefined;
}
/**
 * A fully qualified table; `catalog` may be empty where the warehouse has no catalogs
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TableRef".
 */
export interface TableRef {
  catalog: string;
  schema: string;
  table: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ColumnInfo".
 */
export interface ColumnInfo {
  name: string;
  data_type: string;
  nullable: boolean;
  [k: string]: unknown;
}
/**
 * An inclusive range of protocol versions
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ProtocolVersionRange".
 */
export interface ProtocolVersionRange {
  min: number;
  max: number;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ClientInfo".
 */
export interface ClientInfo {
  name: string;
  version: string;
}
/**
 * Sent first. `config` is the adapter's own section of rocky.toml, already validated against the manifest's `config_schema`. `protocol_versions` is the range the host speaks; an adapter written for the original protocol ignores it
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "InitializeParams".
 */
export interface InitializeParams {
  config: {};
  protocol_versions?: ProtocolVersionRange;
  client?: ClientInfo;
  [k: string]: unknown;
}
/**
 * The adapter's manifest and the protocol version it picked from the offered range. Without `protocol_version` the adapter speaks the original protocol (version 1)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "InitializeResult".
 */
export interface InitializeResult {
  manifest: AdapterManifest;
  protocol_version?: number;
  [k: string]: unknown;
}
/**
 * `error.data` of a ProtocolVersionMismatch error
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ProtocolMismatchData".
 */
export interface ProtocolMismatchData {
  supported: ProtocolVersionRange;
  offered?: ProtocolVersionRange;
  [k: string]: unknown;
}
/**
 * Params of a method that takes none
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "EmptyParams".
 */
export interface EmptyParams {}
/**
 * Result of a method that returns nothing of note
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "EmptyResult".
 */
export interface EmptyResult {}
/**
 * Result whose content the host ignores
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "AnyResult".
 */
export interface AnyResult {
  [k: string]: unknown;
}
/**
 * Run DDL or DML
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ExecuteStatementParams".
 */
export interface ExecuteStatementParams {
  sql: string;
  params?: SqlParam[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ExecuteStatementResult".
 */
export interface ExecuteStatementResult {
  rows_affected?: number | null;
  [k: string]: unknown;
}
/**
 * Run several DDL or DML statements on one session, by default atomically (capability `transactions`). A failure answers ExecutionFailed (-32052) with `data.statement_index`
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ExecuteBatchParams".
 */
export interface ExecuteBatchParams {
  /**
   * Run in order, on one session. Each is what execute_statement takes: one statement and the values of its `?` placeholders
   *
   * @minItems 1
   */
  statements: [ExecuteStatementParams, ...ExecuteStatementParams[]];
  /**
   * true: all statements in one transaction; the first failure rolls every one back. false: each commits on its own; the first failure stops the batch and the earlier ones stay
   */
  transaction?: boolean;
}
/**
 * Every statement succeeded (and, with `transaction`, the transaction committed)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ExecuteBatchResult".
 */
export interface ExecuteBatchResult {
  /**
   * One per statement, in order
   */
  results: ExecuteStatementResult[];
  [k: string]: unknown;
}
/**
 * Run a query and return the whole result in one message. For large results use query/open
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ExecuteQueryParams".
 */
export interface ExecuteQueryParams {
  sql: string;
  params?: SqlParam[];
}
/**
 * Rows are arrays aligned with `columns`. Values are JSON: numbers beyond 2^53, decimals, dates and timestamps travel as strings
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ExecuteQueryResult".
 */
export interface ExecuteQueryResult {
  columns: string[];
  column_types?: string[];
  rows: unknown[][];
  [k: string]: unknown;
}
/**
 * Start a query whose rows are fetched in batches
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "QueryOpenParams".
 */
export interface QueryOpenParams {
  sql: string;
  params?: SqlParam[];
  batch_rows?: number;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "QueryOpenResult".
 */
export interface QueryOpenResult {
  cursor: string;
  columns: string[];
  column_types?: string[];
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "QueryFetchParams".
 */
export interface QueryFetchParams {
  cursor: string;
  max_rows?: number;
}
/**
 * The next batch; `done` is true on the last one, after which the cursor is closed
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "QueryFetchResult".
 */
export interface QueryFetchResult {
  rows: unknown[][];
  done: boolean;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "QueryCloseParams".
 */
export interface QueryCloseParams {
  cursor: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DescribeTableResult".
 */
export interface DescribeTableResult {
  columns: ColumnInfo[];
  [k: string]: unknown;
}
/**
 * Columns of many tables in one round trip (a planner describing thousands of tables); answered in the order asked
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DescribeTablesParams".
 */
export interface DescribeTablesParams {
  tables: TableRef[];
}
/**
 * One table's columns, in order; `exists: false` with no columns for a table that does not exist
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DescribedTable".
 */
export interface DescribedTable {
  catalog: string;
  schema: string;
  table: string;
  exists: boolean;
  columns: ColumnInfo[];
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DescribeTablesResult".
 */
export interface DescribeTablesResult {
  tables: DescribedTable[];
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TableExistsResult".
 */
export interface TableExistsResult {
  exists: boolean;
  [k: string]: unknown;
}
/**
 * List what landed: schemas and their tables, optionally narrowed
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveryListParams".
 */
export interface DiscoveryListParams {
  catalog?: string;
  schema_prefix?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveredTable".
 */
export interface DiscoveredTable {
  name: string;
  row_count?: number | null;
  last_modified?: string | null;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveredSchema".
 */
export interface DiscoveredSchema {
  catalog: string;
  schema: string;
  tables: DiscoveredTable[];
  metadata?: {};
  /**
   * When what landed in this schema last changed (ISO 8601): for an ingestion tool, the end of its last successful sync. The host skips a schema whose synced_at is not newer than what the last successful run saw; absent or null means unknown, and the schema is always copied
   */
  synced_at?: string | null;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveryListResult".
 */
export interface DiscoveryListResult {
  schemas: DiscoveredSchema[];
  /**
   * Sources the adapter knows of but could not read this time (left out of schemas): the host reports them skipped, with the message
   */
  failed?: {
    catalog?: string;
    schema: string;
    message: string;
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CatalogCreateParams".
 */
export interface CatalogCreateParams {
  catalog: string;
}
/**
 * Drop a catalog created with catalog/create, and everything in it. Dropping a catalog that does not exist succeeds
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CatalogDropParams".
 */
export interface CatalogDropParams {
  catalog: string;
}
/**
 * sql/parse (capability sql_parse): parse SQL with the warehouse's own parser, without running or binding it (tables need not exist)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SqlParseParams".
 */
export interface SqlParseParams {
  /**
   * SQL texts to parse, each parsed on its own
   *
   * @minItems 1
   */
  statements: [string, ...string[]];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SqlParseOutcome".
 */
export interface SqlParseOutcome {
  /**
   * The warehouse's parser accepts the text
   */
  valid: boolean;
  /**
   * How many statements the text holds (when valid)
   */
  statements?: number;
  /**
   * Every statement is a query (SELECT, WITH ... SELECT, FROM-first, VALUES...) (when valid)
   */
  select?: boolean;
  /**
   * The parser's error, as the warehouse words it (when not valid)
   */
  message?: string;
  /**
   * Where the error is: 0-based offset in the text, in UTF-16 code units as JSON strings count them (when known)
   */
  position?: number;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SqlParseResult".
 */
export interface SqlParseResult {
  /**
   * One outcome per statement text, in order
   */
  results: SqlParseOutcome[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SchemaCreateParams".
 */
export interface SchemaCreateParams {
  catalog: string;
  schema: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceTarget".
 */
export interface GovernanceTarget {
  catalog: string;
  schema?: string;
  table?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceSetTagsParams".
 */
export interface GovernanceSetTagsParams {
  target: GovernanceTarget;
  tags: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceGetGrantsParams".
 */
export interface GovernanceGetGrantsParams {
  target: GovernanceTarget;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "Grant".
 */
export interface Grant {
  principal: string;
  privilege: string;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceGetGrantsResult".
 */
export interface GovernanceGetGrantsResult {
  grants: Grant[];
  [k: string]: unknown;
}
/**
 * Grant and revoke privileges on a catalog, schema or table (the diff Rocky computed from governance/get_grants); idempotent
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceApplyGrantsParams".
 */
export interface GovernanceApplyGrantsParams {
  target: GovernanceTarget;
  grant?: Grant[];
  revoke?: Grant[];
}
/**
 * A workspace that may use an isolated catalog, and how
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "WorkspaceBinding".
 */
export interface WorkspaceBinding {
  workspace_id: number;
  access: "read_write" | "read_only";
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceGetBindingsParams".
 */
export interface GovernanceGetBindingsParams {
  catalog: string;
}
/**
 * Isolate a catalog and make its workspace bindings exactly these (bindings not listed are removed)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceSetBindingsParams".
 */
export interface GovernanceSetBindingsParams {
  catalog: string;
  bindings: WorkspaceBinding[];
}
/**
 * Whether the catalog is isolated (only bound workspaces may use it) and its bindings, by workspace id
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceBindingsResult".
 */
export interface GovernanceBindingsResult {
  isolated: boolean;
  bindings: WorkspaceBinding[];
  [k: string]: unknown;
}
/**
 * Row counts of many tables in one round trip (one UNION ALL where the warehouse allows)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ChecksRowCountsParams".
 */
export interface ChecksRowCountsParams {
  tables: TableRef[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TableRowCount".
 */
export interface TableRowCount {
  catalog: string;
  schema: string;
  table: string;
  row_count: number;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ChecksRowCountsResult".
 */
export interface ChecksRowCountsResult {
  counts: TableRowCount[];
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "FreshnessTarget".
 */
export interface FreshnessTarget {
  catalog: string;
  schema: string;
  table: string;
  column: string;
}
/**
 * The latest value of a timestamp column of many tables in one round trip
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ChecksFreshnessParams".
 */
export interface ChecksFreshnessParams {
  tables: FreshnessTarget[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TableFreshness".
 */
export interface TableFreshness {
  catalog: string;
  schema: string;
  table: string;
  column: string;
  max_value: string | null;
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ChecksFreshnessResult".
 */
export interface ChecksFreshnessResult {
  results: TableFreshness[];
  [k: string]: unknown;
}
/**
 * A WHERE fragment comparing `column` to one `?` placeholder bound to the watermark timestamp
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DialectWatermarkWhereParams".
 */
export interface DialectWatermarkWhereParams {
  column: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DialectRowHashParams".
 */
export interface DialectRowHashParams {
  /**
   * @minItems 1
   */
  columns: [string, ...string[]];
}
/**
 * A SQL fragment produced by the adapter's dialect
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SqlFragment".
 */
export interface SqlFragment {
  sql: string;
  [k: string]: unknown;
}
/**
 * Notification: stop the request with this id; it answers with RequestCancelled
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CancelParams".
 */
export interface CancelParams {
  id: number | string;
}
/**
 * Notification: progress of a long request. `token` is the request id
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ProgressParams".
 */
export interface ProgressParams {
  token: number | string;
  message?: string;
  current?: number;
  total?: number;
}
/**
 * Notification: a log line for the host's log
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "LogParams".
 */
export interface LogParams {
  level: "trace" | "debug" | "info" | "warn" | "error";
  message: string;
  fields?: {};
}
/**
 * Notification, adapter to host: what the adapter counts and measures that the host cannot see (its retries, its concurrency window), summed and tracked per adapter in the run's metrics
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "MetricsParams".
 */
export interface MetricsParams {
  /**
   * Increments since the adapter's previous $/metrics, e.g. retries (HTTP and statement retries), rate_limited
   */
  counters?: {
    [k: string]: number;
  };
  /**
   * Current values, e.g. concurrency_window (the AIMD window of statements in flight)
   */
  gauges?: {
    [k: string]: number;
  };
}
/**
 * `error.data` of an adapter error. `code` is a string code such as EXECUTION_FAILED
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ErrorData".
 */
export interface ErrorData {
  code?: string;
  retryable?: boolean;
  sqlstate?: string;
  /**
   * execute_batch: the index of the statement that failed
   */
  statement_index?: number;
  [k: string]: unknown;
}
/**
 * The sidecar `<name>.toml` of a transformation model `<name>.sql`: where the model lands, how it is materialized, what it depends on
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelConfig".
 */
export interface ModelConfig {
  /**
   * The model's name; defaults to the file stem (original Rocky key)
   */
  name?: string;
  description?: string;
  /**
   * What the model is for, in plain words (original Rocky key; shown by rocky compile --output json)
   */
  intent?: string;
  target?: ModelTarget;
  strategy?: MaterializationStrategy;
  /**
   * Models this one depends on beyond the tables its SQL reads
   */
  depends_on?: string[];
  tags?: ModelTags;
  /**
   * A config group, models/groups/NAME.toml (original Rocky key): its schema_template (filled from [args]), strategy and tags apply unless this file sets them
   */
  group?: string;
  /**
   * Values of the group's schema_template placeholders, e.g. { region = "emea" } for "silver_{region}"
   */
  args?: {
    [k: string]: string;
  };
  contract?: ContractConfig;
  /**
   * Tables the model reads that no model builds (original Rocky [[sources]]): documentation and lineage, and a bare table name listed here is not refused as unknown
   */
  sources?: ModelSource[];
  /**
   * Assertions run on the model's table after each build (original Rocky [[tests]]); an error-severity failure fails the model and skips its downstream
   */
  tests?: AssertionConfig[];
}
/**
 * Where the model is built; catalog and schema default to the pipeline's [pipeline.NAME.target], table to the model name
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelTarget".
 */
export interface ModelTarget {
  catalog?: string;
  schema?: string;
  /**
   * Defaults to the model name
   */
  table?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "FullRefreshStrategy".
 */
export interface FullRefreshStrategy {
  type: "full_refresh";
}
/**
 * Appends the rows whose timestamp_column is beyond the last run's watermark
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "IncrementalStrategy".
 */
export interface IncrementalStrategy {
  type: "incremental";
  timestamp_column: string;
}
/**
 * Upserts on unique_key: matched rows are updated (all columns, or update_columns), others inserted
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "MergeStrategy".
 */
export interface MergeStrategy {
  type: "merge";
  /**
   * @minItems 1
   */
  unique_key: string | [string, ...string[]];
  /**
   * @minItems 1
   */
  update_columns?: [string, ...string[]];
}
/**
 * Databricks only
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "MaterializedViewStrategy".
 */
export interface MaterializedViewStrategy {
  type: "materialized_view";
}
/**
 * Snowflake only
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DynamicTableStrategy".
 */
export interface DynamicTableStrategy {
  type: "dynamic_table";
  /**
   * "<n> seconds|minutes|hours|days" or DOWNSTREAM
   */
  target_lag: string;
  warehouse: string;
}
/**
 * Partitioned by time_column at a granularity; the SQL filters on @start_date/@end_date, bound per partition
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TimeIntervalStrategy".
 */
export interface TimeIntervalStrategy {
  type: "time_interval";
  time_column: string;
  granularity: "hour" | "day" | "month" | "year";
  /**
   * Also re-run this many partitions before the latest one
   */
  lookback?: number;
  /**
   * Partitions per statement
   */
  batch_size?: number;
  /**
   * Partition key (2024, 2024-01, 2024-01-15, 2024-01-15T13) where --missing starts
   */
  first_partition?: string;
}
/**
 * A contract (<name>.contract.toml, or [contract] in a model sidecar): the columns a model or replicated table must keep, checked by rocky compile and before every write
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ContractConfig".
 */
export interface ContractConfig {
  columns?: ContractColumn[];
  rules?: ContractRules;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ContractColumn".
 */
export interface ContractColumn {
  name: string;
  /**
   * The column's type, in the warehouse's words (BIGINT, DECIMAL(18,2)) or the original Rocky's (Int64, String, Decimal(18,2)); the column may have it or a safe widening of it
   */
  type?: string;
  /**
   * false: no NULL may be written (checked on the rows before they are written where the schema does not say NOT NULL)
   */
  nullable?: boolean;
  description?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ContractRules".
 */
export interface ContractRules {
  /**
   * Columns the output must have
   */
  required?: string[];
  /**
   * Columns of the existing table that may never be dropped, nor retyped except by a safe widening
   */
  protected?: string[];
  /**
   * No nullable column that [[columns]] does not declare
   */
  no_new_nullable?: boolean;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelSource".
 */
export interface ModelSource {
  catalog?: string;
  schema?: string;
  table: string;
}
export interface AssertionConfig1 {
  type:
    | "not_null"
    | "unique"
    | "accepted_values"
    | "relationships"
    | "expression"
    | "row_count_range"
    | "in_range"
    | "not_in_future"
    | "unique_expr"
    | "composite"
    | "regex_match"
    | "aggregate"
    | "older_than_n_days";
  /**
   * Shown in results; defaults to <type>_<column>
   */
  name?: string;
  column?: string;
  /**
   * unique: a composite key
   *
   * @minItems 1
   */
  columns?: [string, ...string[]];
  /**
   * accepted_values
   *
   * @minItems 1
   */
  values?: [string | number | boolean, ...(string | number | boolean)[]];
  /**
   * relationships: [catalog.][schema.]table; missing parts are the checked table's
   */
  to_table?: string;
  /**
   * relationships: defaults to column
   */
  to_column?: string;
  /**
   * expression: a SQL condition every row satisfies
   */
  expression?: string;
  min?: number;
  max?: number;
  /**
   * A SQL condition: only these rows are checked
   */
  filter?: string;
  /**
   * unique_expr: a SQL expression whose value no two rows share
   */
  key_expr?: string;
  /**
   * composite: the only kind the original offers, a unique key over `columns`
   */
  kind?: "unique";
  /**
   * regex_match: a regular expression every non-NULL value matches (the warehouse's regex dialect)
   */
  pattern?: string;
  /**
   * aggregate: the aggregate of `column`
   */
  op?: "sum" | "count" | "avg" | "min" | "max";
  /**
   * aggregate: how it compares with `value`
   */
  cmp?: "lt" | "lte" | "gt" | "gte" | "eq" | "ne";
  /**
   * aggregate: the number it is compared with
   */
  value?: number;
  /**
   * older_than_n_days: every value is at least this many days old
   */
  days?: number;
  /**
   * error fails the table or model and skips what reads it; warning (or warn) only reports
   */
  severity?: "error" | "warning" | "warn";
  /**
   * Only tables whose name matches one of these (`*` any run of characters, `?` one); every table by default
   */
  tables?: string[];
}
/**
 * `_defaults.toml` in a models directory (original Rocky): the [target] catalog and schema of the models in that directory and below, unless a nearer _defaults.toml, a group or the model's own file sets them
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelDefaults".
 */
export interface ModelDefaults {
  target?: {
    catalog?: string;
    schema?: string;
  };
}
/**
 * `models/groups/NAME.toml` (original Rocky): settings shared by the models whose file says group = "NAME"
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelGroup".
 */
export interface ModelGroup {
  /**
   * Target schema; {name} placeholders are filled from each model's [args]
   */
  schema_template?: string;
  /**
   * Target catalog
   */
  catalog?: string;
  strategy?: MaterializationStrategy;
  tags?: ModelTags;
  /**
   * Models of the group may not set their own target schema or strategy
   */
  enforce?: boolean;
  /**
   * The original's model-level governance (tags, grants, masks); read but not applied by this version: loading warns
   */
  governance?: {};
}
/**
 * rocky.toml: the adapters a project talks to, its pipelines, and where run state is kept
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RockyConfig".
 */
export interface RockyConfig {
  /**
   * One [adapter.NAME] table per adapter process
   */
  adapter?: {
    [k: string]: AdapterSection;
  };
  /**
   * One [pipeline.NAME] table per pipeline
   */
  pipeline?: {
    [k: string]: PipelineConfig;
  };
  state?: StateConfig;
  events?: EventsConfig;
  cache?: CacheConfig;
}
/**
 * An adapter: `type` and optional `command`; every other key is the adapter's own config, checked against its manifest's config_schema when it starts
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "AdapterSection".
 */
export interface AdapterSection {
  /**
   * Adapter type, e.g. "duckdb"; finds `rocky-adapter-<type>` or `rocky-<type>` on PATH, or the first-party adapter
   */
  type: string;
  /**
   * Program and arguments that start the adapter, e.g. ["python3", "adapter.py"]; run from the config file's directory
   *
   * @minItems 1
   */
  command?: [string, ...string[]];
  [k: string]: unknown;
}
/**
 * Copies every landed source table matching `source.schema_pattern` into the target warehouse
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ReplicationPipelineConfig".
 */
export interface ReplicationPipelineConfig {
  type: "replication";
  source: ReplicationSourceConfig;
  target: ReplicationTargetConfig;
  /**
   * "incremental" copies rows newer than the stored watermark; "full_refresh" recreates each table every run
   */
  strategy?: "incremental" | "full_refresh";
  /**
   * Column whose maximum is the table's watermark; tables without it are fully refreshed
   */
  timestamp_column?: string;
  /**
   * Columns added to every copied row, e.g. { name = "_loaded_at", type = "timestamp", value = "load_time" }
   */
  metadata_columns?: MetadataColumnConfig[];
  tables?: TableFilterConfig;
  /**
   * When a source column is missing in the target: add it ("add_columns") or recreate the table ("full_refresh"). Type changes and dropped columns: on_drift and drop_grace_period
   */
  on_schema_drift?: "add_columns" | "full_refresh";
  /**
   * When a source column's type changed in a way the target cannot take by a safe widening: recreate the table from the source ("refresh"), fail the table before writing ("fail"), or keep the target's type ("ignore": the warehouse converts each copied value, or the copy fails without writing)
   */
  on_drift?: "refresh" | "fail" | "ignore";
  /**
   * How long a column dropped from the source stays in the target (NULL in new rows) before it is dropped there too, e.g. "7d", "12h", "0s"
   */
  drop_grace_period?: string;
  /**
   * Directory of contracts, relative to rocky.toml: <table>.contract.toml applies to every target table of that name, <schema>.<table>.contract.toml to that one only
   */
  contracts?: string;
  /**
   * Pipelines this one reads from: they run first, and when one of them fails or is skipped in the same run this pipeline is skipped (it would build on partial data)
   */
  depends_on?: string[];
  /**
   * Tables copied at once
   */
  concurrency?: number;
  checks?: ChecksConfig;
}
/**
 * Where landed schemas are discovered
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ReplicationSourceConfig".
 */
export interface ReplicationSourceConfig {
  /**
   * Name of an [adapter.NAME] with the discovery capability
   */
  adapter: string;
  /**
   * Catalog holding the landed schemas; defaults to what discovery reports
   */
  catalog?: string;
  schema_pattern: SchemaPatternConfig;
}
/**
 * How a source schema name splits into components, e.g. src__acme__us_west__shopify with prefix "src__", separator "__", components ["tenant", "regions...", "connector"]
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SchemaPatternConfig".
 */
export interface SchemaPatternConfig {
  /**
   * Literal start of every matching schema name
   */
  prefix: string;
  /**
   * Separator between components
   */
  separator: string;
  /**
   * Component names in order; at most one ends in "..." and takes every middle part
   *
   * @minItems 1
   */
  components: [string, ...string[]];
}
/**
 * Where copies go; templates use {component} placeholders
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ReplicationTargetConfig".
 */
export interface ReplicationTargetConfig {
  /**
   * Name of an [adapter.NAME] with the warehouse capability
   */
  adapter: string;
  /**
   * Target catalog, e.g. "{tenant}_warehouse"
   */
  catalog_template?: string;
  /**
   * Target schema, e.g. "staging__{regions}__{connector}"
   */
  schema_template: string;
  governance?: GovernanceConfig;
}
/**
 * [pipeline.X.target.governance]: lifecycle, tags, grants and workspace isolation of the pipeline's target catalogs and schemas (the original Rocky's keys), applied in its order: create catalog, catalog tags, workspace bindings, catalog grants, create schema, schema tags, schema grants; tables are tagged after their copy
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceConfig".
 */
export interface GovernanceConfig {
  /**
   * true: create every target catalog (refused at plan time on an adapter without create_catalog); false: never, they must exist. Unset: created where the adapter declares create_catalog (Rocky's behaviour before this key)
   */
  auto_create_catalogs?: boolean;
  /**
   * true: create every target schema (refused at plan time on an adapter without create_schema); false: never, they must exist. Unset: always created, by schema/create or CREATE SCHEMA IF NOT EXISTS (Rocky's behaviour before this key)
   */
  auto_create_schemas?: boolean;
  /**
   * Prepended to every key of `tags`, e.g. "rocky_"
   */
  tag_prefix?: string;
  /**
   * Tags set on every target catalog, schema and table, e.g. { managed_by = "rocky" }; no ' ; -- /* * / or line breaks
   */
  tags?: {
    [k: string]: string;
  };
  /**
   * Privileges on every target catalog, applied as a diff against what the warehouse reports
   */
  grants?: GrantConfig[];
  /**
   * Privileges on every target schema, applied as a diff against what the warehouse reports
   */
  schema_grants?: GrantConfig[];
  /**
   * false: Rocky revokes only privileges of the principals listed at that level; true: also every privilege of any other principal (never ownership)
   */
  revoke_unlisted?: boolean;
  isolation?: IsolationConfig;
}
/**
 * A principal (user, group or service principal) and exactly the privileges it should hold
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GrantConfig".
 */
export interface GrantConfig {
  /**
   * Letters, digits, space, _ - . @
   */
  principal: string;
  /**
   * Privileges such as "USE CATALOG", "USE_SCHEMA", "SELECT"
   */
  permissions: string[];
}
/**
 * Workspace-catalog binding: an isolated catalog is usable only from the workspaces bound to it
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "IsolationConfig".
 */
export interface IsolationConfig {
  enabled?: boolean;
  /**
   * The catalog's bindings become exactly these
   */
  workspace_ids?: WorkspaceBindingConfig[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "WorkspaceBindingConfig".
 */
export interface WorkspaceBindingConfig {
  /**
   * Workspace id
   */
  id: number;
  binding_type?: "READ_WRITE" | "READ_ONLY";
}
/**
 * A column added to every copied row; `value` is generated, never SQL
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "MetadataColumnConfig".
 */
export interface MetadataColumnConfig {
  name: string;
  /**
   * Column type; load_time is a timestamp, the rest strings by default
   */
  type?: "string" | "timestamp";
  /**
   * One of "load_time", "source_schema", "source_table", "source_catalog", "run_id", "pipeline", or { literal = "text" }
   */
  value:
    | ("load_time" | "source_schema" | "source_table" | "source_catalog" | "run_id" | "pipeline")
    | {
        literal: string;
      };
}
/**
 * Table-name filters; `*` matches any run of characters, `?` one character
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TableFilterConfig".
 */
export interface TableFilterConfig {
  /**
   * Copy only tables matching one of these (default: all)
   */
  include?: string[];
  /**
   * Never copy tables matching one of these
   */
  exclude?: string[];
}
/**
 * Data checks run on each replicated table after its copy (original Rocky [pipeline.X.checks]). An error-severity failure fails the table, and models reading it are skipped
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ChecksConfig".
 */
export interface ChecksConfig {
  /**
   * false turns every check of the pipeline off (the original's default was false; here declaring the section is enough)
   */
  enabled?: boolean;
  /**
   * false reports error-severity failures without failing the table
   */
  fail_on_error?: boolean;
  /**
   * Source and target row counts agree: true, or { tolerance_pct, severity }
   */
  row_count?: boolean | RowCountCheckConfig;
  /**
   * Every source column is in the target: true, or { severity }
   */
  column_match?:
    | boolean
    | {
        /**
         * error fails the table or model and skips what reads it; warning (or warn) only reports
         */
        severity?: "error" | "warning" | "warn";
      };
  freshness?: FreshnessCheckConfig;
  null_rate?: NullRateCheckConfig;
  custom?: CustomCheckConfig[];
  /**
   * Flag (as a warning) a row count more than this percentage away from the average of the table's recent counts; 0 turns it off
   */
  anomaly_threshold_pct?: number;
  /**
   * dbt-like assertions on the target tables
   */
  assertions?: AssertionConfig[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RowCountCheckConfig".
 */
export interface RowCountCheckConfig {
  /**
   * Largest difference allowed, in percent of the source count
   */
  tolerance_pct?: number;
  /**
   * error fails the table or model and skips what reads it; warning (or warn) only reports
   */
  severity?: "error" | "warning" | "warn";
}
/**
 * The newest timestamp of each table is at most threshold_seconds old
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "FreshnessCheckConfig".
 */
export interface FreshnessCheckConfig {
  threshold_seconds: number;
  /**
   * The timestamp column; defaults to the pipeline's timestamp_column. Tables without it are not checked
   */
  column?: string;
  /**
   * threshold_seconds per table name (or glob)
   */
  overrides?: {
    [k: string]: number;
  };
  /**
   * Default warning: freshness is advisory in the original Rocky
   */
  severity?: "error" | "warning" | "warn";
}
/**
 * The share of NULLs in each column is at most threshold
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "NullRateCheckConfig".
 */
export interface NullRateCheckConfig {
  /**
   * @minItems 1
   */
  columns: [string, ...string[]];
  threshold: number;
  /**
   * Percentage of rows sampled with TABLESAMPLE where the adapter declares it (100: every row)
   */
  sample_percent?: number;
  /**
   * error fails the table or model and skips what reads it; warning (or warn) only reports
   */
  severity?: "error" | "warning" | "warn";
  /**
   * Only tables whose name matches one of these (`*` any run of characters, `?` one); every table by default
   */
  tables?: string[];
}
/**
 * A query returning the offending rows: it passes when it returns at most threshold rows. {target}, {catalog}, {schema} and {table} are replaced by the checked table's quoted names
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CustomCheckConfig".
 */
export interface CustomCheckConfig {
  name: string;
  sql: string;
  threshold?: number;
  /**
   * error fails the table or model and skips what reads it; warning (or warn) only reports
   */
  severity?: "error" | "warning" | "warn";
  /**
   * Only tables whose name matches one of these (`*` any run of characters, `?` one); every table by default
   */
  tables?: string[];
}
/**
 * Builds the SQL models in `models` into the target warehouse
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TransformationPipelineConfig".
 */
export interface TransformationPipelineConfig {
  type: "transformation";
  /**
   * Directory of models, relative to rocky.toml
   */
  models?: string;
  /**
   * Directory of model contracts <model>.contract.toml, relative to rocky.toml (the original Rocky's contracts/); a <model>.contract.toml beside the model's .sql, or a [contract] table in its sidecar, count too
   */
  contracts?: string;
  target: TransformationTargetConfig;
  /**
   * Pipelines this one reads from: they run first, and when one of them fails or is skipped in the same run this pipeline is skipped (it would build on partial data)
   */
  depends_on?: string[];
  /**
   * Models built at once
   */
  concurrency?: number;
}
/**
 * Where models are built
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TransformationTargetConfig".
 */
export interface TransformationTargetConfig {
  /**
   * Name of an [adapter.NAME] with the warehouse capability
   */
  adapter: string;
  /**
   * Default catalog of models
   */
  catalog?: string;
  /**
   * Default schema of models
   */
  schema?: string;
  governance?: GovernanceConfig;
}
/**
 * Where watermarks and run history are kept
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "StateConfig".
 */
export interface StateConfig {
  /**
   * Directory of the state database, relative to rocky.toml
   */
  path?: string;
  /**
   * Where the state follows the project between machines: downloaded before each run, uploaded after it, conditional on the version downloaded, under a run lease. tiered: Valkey for the lease and the compare-and-swap, S3 as the durable copy
   */
  backend?: "local" | "s3" | "valkey" | "tiered";
  /**
   * s3 and tiered: the bucket
   */
  s3_bucket?: string;
  /**
   * s3 and tiered: key prefix of the state objects
   */
  s3_prefix?: string;
  /**
   * s3 and tiered: an S3-compatible endpoint URL (default: AWS, from the environment)
   */
  s3_endpoint?: string;
  /**
   * s3 and tiered: the region (default: AWS_REGION, else us-east-1)
   */
  s3_region?: string;
  /**
   * s3 and tiered: address the bucket in the path (most S3-compatible servers), not the host name
   */
  s3_force_path_style?: boolean;
  /**
   * valkey and tiered: redis://host:port/db
   */
  valkey_url?: string;
  /**
   * valkey and tiered: key prefix
   */
  valkey_prefix?: string;
  /**
   * Deadline of each download and upload
   */
  transfer_timeout_seconds?: number;
  /**
   * A run's lease on the remote state expires this long after its holder stops renewing it (a runner that died)
   */
  lease_ttl_seconds?: number;
  /**
   * fail: the run exits non-zero; skip: a warning. Either way the local state is kept and the next run uploads it first
   */
  on_upload_failure?: "fail" | "skip";
  /**
   * cas: uploads conditional on the downloaded version, and a run lease; off: last writer wins (only for S3 servers that do not enforce conditional writes, and one runner)
   */
  concurrency_control?: "cas" | "off";
}
/**
 * Where `rocky run` publishes its lifecycle events as they happen (schemas/output/event.schema.json), besides --events FILE
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "EventsConfig".
 */
export interface EventsConfig {
  /**
   * Publish each event to a Valkey/Redis pub/sub channel, in order
   */
  valkey_url?: string;
  /**
   * The pub/sub channel
   */
  channel?: string;
}
/**
 * The host's cache of adapters' discovery and metadata answers: in-process LRU, then Valkey/Redis shared by every runner, then the adapter itself
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CacheConfig".
 */
export interface CacheConfig {
  /**
   * false turns every tier off, as --no-cache does
   */
  enabled?: boolean;
  /**
   * Valkey or Redis server shared by runners (tier 2), e.g. redis://127.0.0.1:6379/0; without it only the in-process tier is used
   */
  valkey_url?: string;
  /**
   * Prefix of every key written to Valkey
   */
  key_prefix?: string;
  /**
   * Lease of the lock that lets one runner ask the adapter while the others wait; renewed while its holder lives, so a dead holder's lock expires within this long
   */
  lock_lease_seconds?: number;
  /**
   * Entries kept by the in-process tier
   */
  max_entries?: number;
  schemas?: CacheSchemasConfig;
  discovery?: CacheDiscoveryConfig;
}
/**
 * describe_table answers about source tables (the original Rocky's [cache.schemas])
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CacheSchemasConfig".
 */
export interface CacheSchemasConfig {
  /**
   * Cache this kind of answer
   */
  enabled?: boolean;
  /**
   * How long an answer is served before the adapter is asked again; --cache-ttl overrides
   */
  ttl_seconds?: number;
  /**
   * Accepted for compatibility with the original Rocky (which copies its schema cache with the state); here every kind is shared through Valkey when valkey_url is set
   */
  replicate?: boolean;
}
/**
 * discovery/list answers of source adapters
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CacheDiscoveryConfig".
 */
export interface CacheDiscoveryConfig {
  /**
   * Cache this kind of answer
   */
  enabled?: boolean;
  /**
   * How long an answer is served before the adapter is asked again; --cache-ttl overrides
   */
  ttl_seconds?: number;
  /**
   * Accepted for compatibility with the original Rocky (which copies its schema cache with the state); here every kind is shared through Valkey when valkey_url is set
   */
  replicate?: boolean;
}
/**
 * `rocky adapter info NAME --output json`: the adapter `type = "NAME"` starts, and its manifest
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "AdapterInfoOutput".
 */
export interface AdapterInfoOutput {
  command: "adapter info";
  status: "succeeded";
  name: string;
  path: string;
  origin: "path" | "builtin";
  protocol_version: number;
  legacy_protocol: boolean;
  manifest: AdapterManifest;
}
/**
 * `rocky adapter list --output json`: every rocky-adapter-* and rocky-* executable on PATH and every first-party adapter, each started, initialized with an empty config and stopped
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "AdapterListOutput".
 */
export interface AdapterListOutput {
  command: "adapter list";
  /**
   * succeeded once every candidate was tried, even when some failed (see each one's error)
   */
  status: "succeeded" | "failed";
  /**
   * Sorted by name; for each name the one `rocky run` would start comes first
   */
  adapters: ListedAdapter[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ListedAdapter".
 */
export interface ListedAdapter {
  /**
   * The adapter type it serves: rocky-adapter-<name> or rocky-<name>, or the first-party adapters/<name>
   */
  name: string;
  /**
   * The executable's file name, or adapters/<name> for a first-party adapter
   */
  program: string;
  /**
   * Absolute path of what runs
   */
  path: string;
  origin: "path" | "builtin";
  /**
   * Whether `type = "<name>"` without a command starts this one
   */
  used: boolean;
  /**
   * The manifest's version; null when it failed
   */
  version: string | null;
  dialect: string | null;
  /**
   * The protocol version it picked in initialize
   */
  protocol_version: number | null;
  /**
   * True when it answered initialize the original-protocol way
   */
  legacy_protocol: boolean | null;
  /**
   * Why it could not be started or initialized
   */
  error: null | CommandError;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CommandError".
 */
export interface CommandError {
  /**
   * A RockyError code, e.g. CONFIG_INVALID, ADAPTER_STARTUP_TIMEOUT; INTERNAL for a bug
   */
  code: string;
  message: string;
  hint?: string;
  location?: DiagnosticLocation;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiagnosticLocation".
 */
export interface DiagnosticLocation {
  file: string;
  line?: number;
  column?: number;
  /**
   * The config key, dotted (strategy.unique_key)
   */
  key?: string;
}
/**
 * `rocky check --output json`: the checks of replication pipelines and the [[tests]] of models, run on what the warehouse holds now, without copying or building anything
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CheckOutput".
 */
export interface CheckOutput {
  command: "check";
  /**
   * failed when an error-severity check failed
   */
  status: "succeeded" | "failed";
  duration_ms: number;
  checks: CheckResult[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CheckResult".
 */
export interface CheckResult {
  /**
   * Unique per target: the kind, with the column or the configured name
   */
  name: string;
  kind:
    | "row_count"
    | "column_match"
    | "freshness"
    | "null_rate"
    | "custom"
    | "anomaly"
    | "not_null"
    | "unique"
    | "accepted_values"
    | "relationships"
    | "expression"
    | "row_count_range"
    | "in_range"
    | "not_in_future"
    | "unique_expr"
    | "composite"
    | "regex_match"
    | "aggregate"
    | "older_than_n_days";
  /**
   * catalog.schema.table checked
   */
  target: string;
  /**
   * rocky check: the pipeline the check belongs to
   */
  pipeline?: string;
  /**
   * failed also when the check could not run (its message says why)
   */
  status: "passed" | "failed";
  severity: "error" | "warn";
  message: string;
  /**
   * What was measured: offending rows, row count, lag in seconds, null rate
   */
  observed: number | null;
  /**
   * The limit it was held against, where there is one
   */
  threshold?: number | null;
  duration_ms: number;
}
/**
 * `rocky compile --output json`: the models found, their dependency order, and every diagnostic
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CompileOutput".
 */
export interface CompileOutput {
  /**
   * The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)
   */
  status: "succeeded" | "failed";
  command: "compile";
  /**
   * False when any diagnostic is an error
   */
  ok: boolean;
  dialect?: string;
  models: CompiledModel[];
  /**
   * Model names in dependency order; empty when the graph has errors
   */
  order: string[];
  diagnostics: Diagnostic[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CompiledModel".
 */
export interface CompiledModel {
  name: string;
  pipeline?: string;
  sql_file: string;
  config_file: string;
  target: ModelTargetName;
  strategy: "full_refresh" | "incremental" | "merge" | "materialized_view" | "dynamic_table" | "time_interval";
  /**
   * Upstream models, from the SQL and from depends_on
   */
  depends_on: string[];
  /**
   * Tables the SQL reads that no model produces, as written
   */
  sources: string[];
  tags: string[];
  /**
   * The sidecar's intent, when it has one
   */
  intent?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelTargetName".
 */
export interface ModelTargetName {
  catalog?: string;
  schema: string;
  table: string;
}
/**
 * One problem found while loading or checking a project, reported with the others once loading is done
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "Diagnostic".
 */
export interface Diagnostic {
  /**
   * A RockyError code, e.g. MODEL_INVALID, MODEL_SQL_INVALID, DAG_CYCLE
   */
  code: string;
  severity: "error" | "warning";
  message: string;
  hint?: string;
  location?: DiagnosticLocation;
  /**
   * The model the problem belongs to, when there is one
   */
  model?: string;
}
/**
 * `rocky discover --output json`: what each replication pipeline's source adapter reports, matched against its schema pattern
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoverOutput".
 */
export interface DiscoverOutput {
  command: "discover";
  /**
   * The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)
   */
  status: "succeeded" | "failed";
  pipelines: DiscoveredPipeline[];
  cache?: CacheStats;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveredPipeline".
 */
export interface DiscoveredPipeline {
  pipeline: string;
  type: string;
  /**
   * The source adapter's name in rocky.toml
   */
  adapter: string;
  schemas: DiscoveredSourceSchema[];
  skipped: SkippedSource[];
}
/**
 * A source schema that matched the pattern, its components and where it is copied to
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveredSourceSchema".
 */
export interface DiscoveredSourceSchema {
  catalog: string;
  schema: string;
  components: {
    [k: string]: string;
  };
  target_catalog: string | null;
  target_schema: string;
  /**
   * When the source adapter says what landed here last changed (e.g. a Fivetran connector's last successful sync)
   */
  synced_at?: string | null;
  tables: {
    name: string;
    row_count?: number | null;
  }[];
}
/**
 * A source schema or table left out, and why
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SkippedSource".
 */
export interface SkippedSource {
  catalog: string;
  schema: string;
  table?: string;
  reason: string;
}
/**
 * How the command's discovery and metadata questions were answered: from the in-process tier, from Valkey, or by the adapter
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CacheStats".
 */
export interface CacheStats {
  /**
   * false with --no-cache or [cache] enabled = false
   */
  enabled: boolean;
  /**
   * unavailable: configured but unreachable or lost during the command; the in-process tier carried on
   */
  valkey: "connected" | "unavailable" | "not_configured" | "off";
  hits: {
    memory: number;
    valkey: number;
  };
  /**
   * Questions the adapter answered
   */
  misses: number;
  /**
   * Questions that waited for another runner already asking the adapter
   */
  waits: number;
  by_kind: {
    [k: string]: {
      hits: number;
      misses: number;
    };
  };
}
/**
 * `rocky doctor --output json`: every health check of the project, and the worst status among them
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DoctorOutput".
 */
export interface DoctorOutput {
  command: "doctor";
  /**
   * The envelope every command's JSON carries: failed when any check failed
   */
  status: "succeeded" | "failed";
  overall: "ok" | "warn" | "fail";
  checks: DoctorCheck[];
}
export interface DoctorCheck {
  /**
   * config, adapter.NAME, state, state.remote
   */
  name: string;
  status: "ok" | "warn" | "fail" | "skipped";
  message: string;
  hint?: string;
  duration_ms: number;
  /**
   * adapter.NAME: manifest name and version, dialect, protocol version, capabilities, handshake_ms; state: runs and watermarks recorded
   */
  details?: {};
}
/**
 * What any command prints with `--output json` when it fails before it has a result of its own to print. Every command's JSON carries the same envelope: `command`, `status`, and `error` when it failed
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ErrorOutput".
 */
export interface ErrorOutput {
  /**
   * The command as typed after rocky, e.g. "plan" or "adapter info"
   */
  command: string;
  status: "failed";
  error: CommandError;
}
/**
 * One lifecycle event of a `rocky run`: a line of `--events FILE` (JSON Lines) and a message on the Valkey channel of [events]. Events of one run carry increasing `seq` numbers, starting at 1 with `run_started`
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunEvent".
 */
export interface RunEvent {
  type:
    | "run_started"
    | "run_finished"
    | "pipeline_started"
    | "pipeline_finished"
    | "table_started"
    | "table_finished"
    | "model_started"
    | "model_finished"
    | "check_finished";
  run_id: string;
  /**
   * Position of the event in its run, from 1
   */
  seq: number;
  /**
   * ISO 8601 time the event happened
   */
  at: string;
  /**
   * Every event but run_started and run_finished
   */
  pipeline?: string;
  /**
   * pipeline_started and pipeline_finished
   */
  pipeline_type?: string;
  /**
   * table_* and model_*: catalog.schema.table; check_finished: what was checked
   */
  target?: string;
  /**
   * table_*: the source table; a skipped source has no target
   */
  source?: string | null;
  /**
   * model_*: the model's name
   */
  model?: string;
  /**
   * table_* and model_*: what the run does
   */
  strategy?: string;
  /**
   * *_finished
   */
  status?: "succeeded" | "failed" | "skipped";
  /**
   * table_finished: rows copied; model_finished: rows affected, where the warehouse says
   */
  rows?: number | null;
  /**
   * *_finished
   */
  duration_ms?: number;
  /**
   * table_finished and model_finished: the watermark after the run
   */
  watermark?: string | null;
  /**
   * check_finished: the check's name
   */
  check?: string;
  /**
   * check_finished
   */
  severity?: "error" | "warn";
  /**
   * check_finished and skipped items: what was found or why
   */
  message?: string;
  error?: RunError;
}
/**
 * Failed items and runs
 */
export interface RunError {
  code: string;
  message: string;
  hint?: string;
}
/**
 * `rocky history --output json`: recorded runs, newest first
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "HistoryOutput".
 */
export interface HistoryOutput {
  command: "history";
  /**
   * The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)
   */
  status: "succeeded" | "failed";
  runs: RunOutput[];
}
/**
 * `rocky run --output json`, and one entry of the run history: what ran, per pipeline and table
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunOutput".
 */
export interface RunOutput {
  run_id: string;
  command: string;
  status: "succeeded" | "failed";
  /**
   * ISO 8601
   */
  started_at: string;
  /**
   * ISO 8601
   */
  finished_at: string;
  duration_ms: number;
  pipelines: RunPipelineResult[];
  metrics?: RunMetrics;
  cache?: CacheStats;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunPipelineResult".
 */
export interface RunPipelineResult {
  pipeline: string;
  type: string;
  /**
   * skipped: a pipeline in its depends_on failed or was skipped in this run; `error` says which
   */
  status: "succeeded" | "failed" | "skipped";
  duration_ms: number;
  tables: RunTableResult[];
  skipped: SkippedSource[];
  /**
   * Transformation pipelines: every selected model, in dependency order
   */
  models?: RunModelResult[];
  error?: RunError2;
  /**
   * What [target.governance] changed (or failed to change); absent when nothing was configured
   */
  governance?: GovernanceAction[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunTableResult".
 */
export interface RunTableResult {
  source: string | null;
  target: string;
  strategy: string;
  reason: string;
  status: "succeeded" | "failed";
  rows_copied: number | null;
  duration_ms: number;
  watermark_before: string | null;
  watermark_after: string | null;
  /**
   * Fallbacks and schema drift handled
   */
  notes: string[];
  /**
   * How the source's columns differ from the existing target's, and what was done about each
   */
  drift?: SchemaDrift[];
  /**
   * Why the table's contract failed it before anything was written
   */
  violations?: ContractViolation[];
  error?: RunError1;
  /**
   * Checks run on it after it was written
   */
  checks?: CheckResult[];
}
/**
 * One column whose source differs from the target, and the action taken (or, in a plan, to be taken)
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "SchemaDrift".
 */
export interface SchemaDrift {
  column: string;
  /**
   * narrowed: the target's type already holds the source's
   */
  change: "added" | "widened" | "narrowed" | "type_changed" | "dropped";
  /**
   * The target's type; null for an added column
   */
  old_type: string | null;
  /**
   * The source's type; null for a dropped column
   */
  new_type: string | null;
  /**
   * keep: the target's column stays (a narrowed type; a dropped column within its grace period, NULL in new rows)
   */
  action: "add_column" | "alter_type" | "full_refresh" | "fail" | "ignore" | "keep" | "drop_column";
  /**
   * dropped and kept: when the grace period ends (ISO 8601)
   */
  drop_after?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ContractViolation".
 */
export interface ContractViolation {
  rule: "required" | "type" | "nullable" | "protected" | "no_new_nullable";
  column: string;
  /**
   * The contract's type (rule type) or the existing table's (rule protected)
   */
  old_type?: string | null;
  /**
   * The type about to be written; null when the column is missing
   */
  new_type?: string | null;
  message: string;
  location?: DiagnosticLocation1;
}
/**
 * The contract's file and the line of the rule
 */
export interface DiagnosticLocation1 {
  file: string;
  line?: number;
  column?: number;
  /**
   * The config key, dotted (strategy.unique_key)
   */
  key?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunError".
 */
export interface RunError1 {
  code: string;
  message: string;
  hint?: string;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunModelResult".
 */
export interface RunModelResult {
  name: string;
  target: string;
  /**
   * What this run did: full_refresh on a first run of an incremental or merge model
   */
  strategy: string;
  configured_strategy: string;
  reason: string;
  status: "succeeded" | "failed" | "skipped";
  duration_ms: number;
  rows_affected: number | null;
  /**
   * time_interval: partitions built and recorded complete
   */
  partitions: string[];
  watermark_after: string | null;
  /**
   * Why a skipped model did not run
   */
  skipped_because?: string;
  /**
   * The failed model that caused this one to be skipped
   */
  failed_upstream?: string;
  /**
   * Why the model's contract failed it before anything was written
   */
  violations?: ContractViolation[];
  error?: RunError1;
  /**
   * Checks run on it after it was written
   */
  checks?: CheckResult[];
}
/**
 * Why the pipeline failed before copying its tables
 */
export interface RunError2 {
  code: string;
  message: string;
  hint?: string;
}
/**
 * One governance change on a catalog, schema or table; in a run, with whether it was applied
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "GovernanceAction".
 */
export interface GovernanceAction {
  action: "create_catalog" | "create_schema" | "set_tags" | "isolate" | "bind" | "unbind" | "grant" | "revoke";
  securable: "catalog" | "schema" | "table";
  /**
   * catalog, catalog.schema or catalog.schema.table
   */
  target: string;
  /**
   * set_tags: the tags set (only those new or changed)
   */
  tags?: {
    [k: string]: string;
  };
  /**
   * grant, revoke
   */
  principal?: string;
  /**
   * grant, revoke
   */
  privilege?: string;
  /**
   * bind, unbind
   */
  workspace_id?: number;
  /**
   * bind
   */
  access?: "read_write" | "read_only";
  /**
   * planned in `rocky plan`; in a run: applied, failed (see error), or skipped because an earlier step on its catalog or schema failed
   */
  status?: "planned" | "applied" | "failed" | "skipped";
  error?: RunError1;
}
/**
 * Counters and duration histograms of the run (absent in runs recorded before metrics existed)
 */
export interface RunMetrics {
  counters: {
    /**
     * Tables the run tried to copy
     */
    tables_processed: number;
    tables_failed: number;
    /**
     * Sources discovered and not copied, with a reason
     */
    tables_skipped: number;
    /**
     * Models the run tried to build
     */
    models_processed: number;
    models_failed: number;
    models_skipped: number;
    /**
     * SQL statements sent to adapters, each statement of a batch counted
     */
    statements_executed: number;
    /**
     * Calls the host made to adapters and waited for (a paged query is one call)
     */
    adapter_calls: number;
    adapter_calls_failed: number;
    /**
     * Retries the adapters made (HTTP and statement retries), as they report them in $/metrics
     */
    retries: number;
    rows_copied: number;
    /**
     * Rows written by models, where the warehouse says
     */
    rows_affected: number;
  };
  histograms: {
    table_ms: DurationHistogram;
    model_ms: DurationHistogram1;
    adapter_call_ms: DurationHistogram2;
  };
  /**
   * Per adapter: what it reported in $/metrics notifications (counters summed; each gauge's last, min and max, e.g. concurrency_window, the AIMD window)
   */
  adapters?: {
    [k: string]: {
      counters: {
        [k: string]: number;
      };
      gauges: {
        [k: string]: {
          last: number;
          min: number;
          max: number;
        };
      };
    };
  };
}
/**
 * Duration of each table copy
 */
export interface DurationHistogram {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}
/**
 * Duration of each model run
 */
export interface DurationHistogram1 {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}
/**
 * Duration of each adapter call, from request to answer
 */
export interface DurationHistogram2 {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}
/**
 * `rocky metrics --output json`: the metrics of recent runs from the run history, newest first, and the table and model durations of all of them together
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "MetricsOutput".
 */
export interface MetricsOutput {
  command: "metrics";
  /**
   * The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)
   */
  status: "succeeded" | "failed";
  runs: RunMetricsEntry[];
  overall: {
    runs: number;
    table_ms: DurationHistogram3;
    model_ms: DurationHistogram4;
  };
}
export interface RunMetricsEntry {
  run_id: string;
  started_at: string;
  status: "succeeded" | "failed";
  /**
   * null for runs recorded before metrics existed
   */
  metrics: RunMetrics1 | null;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "RunMetrics".
 */
export interface RunMetrics1 {
  counters: {
    /**
     * Tables the run tried to copy
     */
    tables_processed: number;
    tables_failed: number;
    /**
     * Sources discovered and not copied, with a reason
     */
    tables_skipped: number;
    /**
     * Models the run tried to build
     */
    models_processed: number;
    models_failed: number;
    models_skipped: number;
    /**
     * SQL statements sent to adapters, each statement of a batch counted
     */
    statements_executed: number;
    /**
     * Calls the host made to adapters and waited for (a paged query is one call)
     */
    adapter_calls: number;
    adapter_calls_failed: number;
    /**
     * Retries the adapters made (HTTP and statement retries), as they report them in $/metrics
     */
    retries: number;
    rows_copied: number;
    /**
     * Rows written by models, where the warehouse says
     */
    rows_affected: number;
  };
  histograms: {
    table_ms: DurationHistogram;
    model_ms: DurationHistogram1;
    adapter_call_ms: DurationHistogram2;
  };
  /**
   * Per adapter: what it reported in $/metrics notifications (counters summed; each gauge's last, min and max, e.g. concurrency_window, the AIMD window)
   */
  adapters?: {
    [k: string]: {
      counters: {
        [k: string]: number;
      };
      gauges: {
        [k: string]: {
          last: number;
          min: number;
          max: number;
        };
      };
    };
  };
}
/**
 * Every table copy of these runs
 */
export interface DurationHistogram3 {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}
/**
 * Every model run of these runs
 */
export interface DurationHistogram4 {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}
/**
 * `rocky plan --output json`: every statement `rocky run` would execute, with its parameters, per pipeline
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "PlanOutput".
 */
export interface PlanOutput {
  command: "plan";
  /**
   * The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)
   */
  status: "succeeded" | "failed";
  pipelines: PlannedPipeline[];
  cache?: CacheStats;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "PlannedPipeline".
 */
export interface PlannedPipeline {
  pipeline: string;
  type: string;
  /**
   * The adapter the statements run on
   */
  adapter: string;
  /**
   * Catalogs and schemas ensured before any table
   */
  setup: PlannedStatement[];
  tables: PlannedTable[];
  skipped: SkippedSource[];
  /**
   * Transformation pipelines: the selected models in dependency order
   */
  models?: PlannedModel[];
  /**
   * What [target.governance] would change: catalogs and schemas created, tags set, privileges granted and revoked, workspaces bound and unbound (a diff against what the warehouse and the state report)
   */
  governance?: GovernanceAction[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "PlannedTable".
 */
export interface PlannedTable {
  /**
   * catalog.schema.table read from, when there is one
   */
  source: string | null;
  /**
   * catalog.schema.table written
   */
  target: string;
  /**
   * "full_refresh" or "incremental" for replication
   */
  strategy: string;
  /**
   * Why this strategy was chosen
   */
  reason: string;
  notes: string[];
  /**
   * How the source's columns differ from the existing target's, and what the run will do about each
   */
  drift?: SchemaDrift[];
  statements: PlannedStatement[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "PlannedModel".
 */
export interface PlannedModel {
  name: string;
  /**
   * catalog.schema.table built
   */
  target: string;
  /**
   * What this run does: full_refresh on a first run of an incremental or merge model
   */
  strategy: string;
  /**
   * The strategy in the model's .toml
   */
  configured_strategy: string;
  reason: string;
  depends_on: string[];
  /**
   * time_interval: the partition keys this run builds
   */
  partitions: string[];
  statements: PlannedStatement[];
}
/**
 * Nearest-rank percentiles of durations in milliseconds; null when nothing was measured
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DurationHistogram".
 */
export interface DurationHistogram5 {
  count: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}
/**
 * `rocky state --output json`: the stored watermark of every target table
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "StateOutput".
 */
export interface StateOutput {
  command: "state";
  /**
   * The envelope every command's JSON carries: command, status, and error when it failed (error.schema.json)
   */
  status: "succeeded" | "failed";
  state_path: string;
  watermarks: WatermarkEntry[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "WatermarkEntry".
 */
export interface WatermarkEntry {
  /**
   * catalog.schema.table
   */
  target: string;
  column: string;
  /**
   * The highest value copied, as the warehouse renders it
   */
  value: string;
  /**
   * ISO 8601
   */
  updated_at: string;
  run_id: string;
}
/**
 * `rocky test-adapter --output json`: every conformance check run against a live adapter. A superset of the original Rocky TestAdapterOutput (adapter, sdk_version, tests_run/passed/failed/skipped, results of {name, category, status, message, duration_ms})
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TestAdapterOutput".
 */
export interface TestAdapterOutput {
  command: "test-adapter";
  /**
   * The manifest's name, or the adapter command when initialize failed
   */
  adapter: string;
  adapter_version: string | null;
  sdk_version: string | null;
  /**
   * The version the adapter picked; 1 for an original-protocol adapter; null when initialize failed
   */
  protocol_version: number | null;
  /**
   * initialize was answered the original-protocol way, without protocol_version
   */
  legacy_protocol: boolean;
  /**
   * failed: a check failed that was not an expected failure, or an expected failure now passes; skipped: no check ran; passed otherwise
   */
  status: "passed" | "failed" | "skipped";
  /**
   * tests_passed + tests_failed
   */
  tests_run: number;
  tests_passed: number;
  /**
   * Every failed check, expected failures included
   */
  tests_failed: number;
  tests_skipped: number;
  /**
   * Failed checks not listed in the expected-failures file
   */
  unexpected_failures: number;
  /**
   * Listed checks that failed, as expected
   */
  expected_failures: string[];
  /**
   * Listed checks that passed: remove them from the expected-failures file
   */
  stale_expected_failures: string[];
  duration_ms: number;
  results: TestAdapterResult[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "TestAdapterResult".
 */
export interface TestAdapterResult {
  /**
   * The check's stable id
   */
  name: string;
  category:
    | "connection"
    | "ddl"
    | "dml"
    | "query"
    | "types"
    | "dialect"
    | "governance"
    | "batch_checks"
    | "discovery"
    | "protocol"
    | "lifecycle";
  /**
   * optional checks are gated by a capability and skipped when it is not declared
   */
  tier: "core" | "optional";
  status: "passed" | "failed" | "skipped";
  /**
   * Why it failed or was skipped, or a note on a pass
   */
  message: string | null;
  /**
   * What to change in the adapter
   */
  hint: string | null;
  duration_ms: number;
  /**
   * Failed and listed in the expected-failures file
   */
  expected_failure: boolean;
}
