import type { CheckCategory, CheckInfo } from "./types.js";

const core = (id: string, category: CheckCategory, title: string): CheckInfo => ({ id, category, tier: "core", title });
const gated = (id: string, category: CheckCategory, gate: NonNullable<CheckInfo["gate"]>, title: string): CheckInfo => ({
  id, category, tier: "optional", gate, title,
});

/** Every check, with its stable id, in report order. The original Rocky suite's 26 warehouse ids keep their order. */
export const CHECKS: readonly CheckInfo[] = [
  core("connect", "connection", "initialize with the given config completes and ping answers"),
  core("create_table", "ddl", "CREATE TABLE via execute_statement creates a table table_exists sees"),
  core("drop_table", "ddl", "DROP TABLE removes the table"),
  gated("create_catalog", "ddl", "create_catalog", "catalog/create creates a usable catalog, idempotently"),
  gated("create_schema", "ddl", "create_schema", "schema/create creates a usable schema, idempotently"),
  core("insert_into", "dml", "INSERT with bound parameters and INSERT ... SELECT add the rows"),
  gated("merge_into", "dml", "merge", "MERGE INTO updates matched rows and inserts the others"),
  gated("execute_batch", "dml", "transactions", "execute_batch is atomic: a failing statement rolls back the ones before it, or stops the batch without a transaction"),
  core("describe_table", "query", "describe_table lists the columns in order with types and nullability"),
  core("table_exists_true", "query", "table_exists answers true for a table that exists"),
  core("table_exists_false", "query", "table_exists answers false for a missing table and a missing schema"),
  core("execute_query", "query", "execute_query returns columns and rows, with bound parameters"),
  gated("query_paging", "query", "query_paging", "query/open, query/fetch and query/close page through a result"),
  core("type_string", "types", "strings round-trip, multi-byte characters included"),
  core("type_integer", "types", "integers round-trip as JSON numbers, beyond 2^53 as strings"),
  core("type_float", "types", "doubles round-trip as JSON numbers"),
  core("type_boolean", "types", "booleans round-trip as JSON true and false"),
  core("type_date", "types", "dates come back as 'YYYY-MM-DD'"),
  core("type_timestamp", "types", "timestamps come back as 'YYYY-MM-DD HH:MM:SS[.ffffff]'"),
  core("type_null", "types", "NULL comes back as JSON null"),
  core("format_table_ref", "dialect", "the dialect's table reference selects from the table"),
  core("watermark_where", "dialect", "the dialect's watermark filter keeps only rows after the bound timestamp"),
  core("row_hash", "dialect", "the dialect's row hash is equal for equal rows and different for different ones"),
  gated("set_tags", "governance", "governance", "governance/set_tags tags a table"),
  gated("get_grants", "governance", "governance", "governance/get_grants lists grants of a table"),
  gated("batch_row_counts", "batch_checks", "batch_checks", "checks/row_counts counts the rows of several tables"),
  gated("batch_freshness", "batch_checks", "batch_checks", "checks/freshness reports the latest timestamp of each table"),
  gated("discover", "discovery", "discovery", "discovery/list lists the scratch schema and its tables"),
  core("manifest_valid", "protocol", "the initialize result and manifest match the schemas"),
  core("version_negotiation", "protocol", "the adapter picks a version in the offered range and refuses a disjoint range with -32050"),
  core("unknown_method", "protocol", "an unknown method answers -32601 and the adapter keeps serving"),
  core("malformed_json", "protocol", "a malformed line answers -32700 with id null and the adapter keeps serving"),
  core("invalid_request", "protocol", "every invalid Request object of JSON-RPC 2.0 answers -32600 with id null and the adapter keeps serving"),
  core("batch_requests", "protocol", "a batch gets one array of answers (none for notifications), an empty one -32600, one of notifications nothing"),
  core("utf8_roundtrip", "protocol", "multi-byte UTF-8 round-trips intact"),
  core("large_message", "protocol", "a message of several MB round-trips in both directions"),
  core("concurrent_requests", "protocol", "requests in flight together are each answered once, by id"),
  gated("cancellation", "protocol", "cancellation", "$/cancelRequest stops a long query with -32800 promptly"),
  core("error_codes", "protocol", "a failing statement answers an error with a code and a message"),
  core("undeclared_capability", "protocol", "a method of an undeclared capability answers -32051"),
  core("stdout_clean", "protocol", "nothing but protocol messages appears on stdout"),
  core("responses_valid", "protocol", "every response matches a request and the schemas"),
  core("startup", "lifecycle", "the adapter completes initialize within the startup budget"),
  core("shutdown", "lifecycle", "shutdown is answered and the adapter exits with code 0 once stdin closes"),
  core("exit_on_eof", "lifecycle", "the adapter exits with code 0 on stdin EOF without shutdown"),
  core("no_orphans", "lifecycle", "no process started by the adapter outlives it"),
];

export const CATEGORY_ORDER: readonly CheckCategory[] = [
  "connection", "ddl", "dml", "query", "types", "dialect", "governance", "batch_checks", "discovery", "protocol", "lifecycle",
];

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function checkInfo(id: string): CheckInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`Unknown conformance check "${id}"`);
  return info;
}

export function isCheckId(id: string): boolean {
  return BY_ID.has(id);
}
