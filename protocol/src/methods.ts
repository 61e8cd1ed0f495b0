import { NotificationType, RequestType } from "vscode-jsonrpc";
import type * as T from "./generated/types.js";
import type { SchemaTypeName } from "./generated/schemas.js";

/** The manifest capability that gates a method family; `null` for methods every adapter has. */
export type CapabilityGate = keyof T.Capabilities | null;

interface MethodSpec<P, R> {
  readonly method: string;
  readonly direction: "hostToAdapter";
  readonly capability: CapabilityGate;
  readonly params: SchemaTypeName;
  readonly result: SchemaTypeName;
  readonly type: RequestType<P, R, T.ErrorData>;
}

function request<P, R>(
  method: string,
  capability: CapabilityGate,
  params: SchemaTypeName,
  result: SchemaTypeName,
): MethodSpec<P, R> {
  return { method, direction: "hostToAdapter", capability, params, result, type: new RequestType<P, R, T.ErrorData>(method) };
}

/** Every request of the Rocky adapter protocol, host to adapter. The one hand-written link between names and types. */
export const Methods = {
  initialize: request<T.InitializeParams, T.InitializeResult>("initialize", null, "InitializeParams", "InitializeResult"),
  shutdown: request<T.EmptyParams, T.AnyResult>("shutdown", null, "EmptyParams", "AnyResult"),
  ping: request<T.EmptyParams, T.EmptyResult>("ping", null, "EmptyParams", "EmptyResult"),
  executeStatement: request<T.ExecuteStatementParams, T.ExecuteStatementResult>(
    "execute_statement", "warehouse", "ExecuteStatementParams", "ExecuteStatementResult"),
  /** Several statements in order on one session; with `transaction` (the default) all or none take effect. */
  executeBatch: request<T.ExecuteBatchParams, T.ExecuteBatchResult>(
    "execute_batch", "transactions", "ExecuteBatchParams", "ExecuteBatchResult"),
  executeQuery: request<T.ExecuteQueryParams, T.ExecuteQueryResult>(
    "execute_query", "warehouse", "ExecuteQueryParams", "ExecuteQueryResult"),
  describeTable: request<T.TableRef, T.DescribeTableResult>("describe_table", "warehouse", "TableRef", "DescribeTableResult"),
  tableExists: request<T.TableRef, T.TableExistsResult>("table_exists", "warehouse", "TableRef", "TableExistsResult"),
  queryOpen: request<T.QueryOpenParams, T.QueryOpenResult>("query/open", "query_paging", "QueryOpenParams", "QueryOpenResult"),
  queryFetch: request<T.QueryFetchParams, T.QueryFetchResult>("query/fetch", "query_paging", "QueryFetchParams", "QueryFetchResult"),
  queryClose: request<T.QueryCloseParams, T.EmptyResult>("query/close", "query_paging", "QueryCloseParams", "EmptyResult"),
  discoveryList: request<T.DiscoveryListParams, T.DiscoveryListResult>(
    "discovery/list", "discovery", "DiscoveryListParams", "DiscoveryListResult"),
  catalogCreate: request<T.CatalogCreateParams, T.EmptyResult>("catalog/create", "create_catalog", "CatalogCreateParams", "EmptyResult"),
  catalogDrop: request<T.CatalogDropParams, T.EmptyResult>("catalog/drop", "drop_catalog", "CatalogDropParams", "EmptyResult"),
  schemaCreate: request<T.SchemaCreateParams, T.EmptyResult>("schema/create", "create_schema", "SchemaCreateParams", "EmptyResult"),
  governanceSetTags: request<T.GovernanceSetTagsParams, T.EmptyResult>(
    "governance/set_tags", "governance", "GovernanceSetTagsParams", "EmptyResult"),
  governanceGetGrants: request<T.GovernanceGetGrantsParams, T.GovernanceGetGrantsResult>(
    "governance/get_grants", "governance", "GovernanceGetGrantsParams", "GovernanceGetGrantsResult"),
  checksRowCounts: request<T.ChecksRowCountsParams, T.ChecksRowCountsResult>(
    "checks/row_counts", "batch_checks", "ChecksRowCountsParams", "ChecksRowCountsResult"),
  checksFreshness: request<T.ChecksFreshnessParams, T.ChecksFreshnessResult>(
    "checks/freshness", "batch_checks", "ChecksFreshnessParams", "ChecksFreshnessResult"),
  dialectFormatTableRef: request<T.TableRef, T.SqlFragment>("dialect/format_table_ref", "dialect", "TableRef", "SqlFragment"),
  dialectWatermarkWhere: request<T.DialectWatermarkWhereParams, T.SqlFragment>(
    "dialect/watermark_where", "dialect", "DialectWatermarkWhereParams", "SqlFragment"),
  dialectRowHash: request<T.DialectRowHashParams, T.SqlFragment>("dialect/row_hash", "dialect", "DialectRowHashParams", "SqlFragment"),
  /** The warehouse's own parser checks SQL without running it; the host asks it about model SQL. */
  sqlParse: request<T.SqlParseParams, T.SqlParseResult>("sql/parse", "sql_parse", "SqlParseParams", "SqlParseResult"),
} as const;

export type MethodName = (typeof Methods)[keyof typeof Methods]["method"];

/** Notifications: `$/cancelRequest` goes host to adapter; `$/progress` and `$/log` adapter to host. */
export const Notifications = {
  cancelRequest: { method: "$/cancelRequest", params: "CancelParams", type: new NotificationType<T.CancelParams>("$/cancelRequest") },
  progress: { method: "$/progress", params: "ProgressParams", type: new NotificationType<T.ProgressParams>("$/progress") },
  log: { method: "$/log", params: "LogParams", type: new NotificationType<T.LogParams>("$/log") },
  /** Adapter to host: counters (increments) and gauges of what only the adapter sees, for the run's metrics. */
  metrics: { method: "$/metrics", params: "MetricsParams", type: new NotificationType<T.MetricsParams>("$/metrics") },
} as const;

const BY_NAME = new Map<string, MethodSpec<unknown, unknown>>(
  Object.values(Methods).map((m) => [m.method, m as MethodSpec<unknown, unknown>]),
);

export function methodSpec(name: string): MethodSpec<unknown, unknown> | undefined {
  return BY_NAME.get(name);
}
