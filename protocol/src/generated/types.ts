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
  [k: string]: unknown;
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "DiscoveryListResult".
 */
export interface DiscoveryListResult {
  schemas: DiscoveredSchema[];
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
 * `error.data` of an adapter error. `code` is a string code such as EXECUTION_FAILED
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ErrorData".
 */
export interface ErrorData {
  code?: string;
  retryable?: boolean;
  sqlstate?: string;
  [k: string]: unknown;
}
/**
 * The sidecar `<name>.toml` of a transformation model `<name>.sql`: where the model lands, how it is materialized, what it depends on
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelConfig".
 */
export interface ModelConfig {
  description?: string;
  target: ModelTarget;
  strategy?: MaterializationStrategy;
  /**
   * Models this one depends on beyond the tables its SQL reads
   */
  depends_on?: string[];
  tags?: string[];
}
/**
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "ModelTarget".
 */
export interface ModelTarget {
  catalog?: string;
  schema: string;
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
 * `rocky compile --output json`: the models found, their dependency order, and every diagnostic
 *
 * This interface was referenced by `RockySchemas`'s JSON-Schema
 * via the `definition` "CompileOutput".
 */
export interface CompileOutput {
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
