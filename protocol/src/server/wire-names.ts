import type { Methods } from "../methods.js";

/**
 * Wire name of every request, by its key in Methods, as literal types (Methods types `method` as plain string).
 * A test checks it against Methods.
 */
export const WIRE_NAMES = {
  initialize: "initialize",
  shutdown: "shutdown",
  ping: "ping",
  executeStatement: "execute_statement",
  executeBatch: "execute_batch",
  executeQuery: "execute_query",
  describeTable: "describe_table",
  tableExists: "table_exists",
  queryOpen: "query/open",
  queryFetch: "query/fetch",
  queryClose: "query/close",
  discoveryList: "discovery/list",
  catalogCreate: "catalog/create",
  catalogDrop: "catalog/drop",
  schemaCreate: "schema/create",
  governanceSetTags: "governance/set_tags",
  governanceGetGrants: "governance/get_grants",
  checksRowCounts: "checks/row_counts",
  checksFreshness: "checks/freshness",
  dialectFormatTableRef: "dialect/format_table_ref",
  dialectWatermarkWhere: "dialect/watermark_where",
  dialectRowHash: "dialect/row_hash",
  sqlParse: "sql/parse",
} as const satisfies { readonly [K in keyof typeof Methods]: string };
