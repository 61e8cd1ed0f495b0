import { BATCH_CHECKS } from "./batch-checks.js";
import type { CheckRun } from "./check-context.js";
import { CAPABILITY_CHECKS } from "./capability-checks.js";
import { DDL_CHECKS } from "./ddl-checks.js";
import { DIALECT_CHECKS } from "./dialect-checks.js";
import { DML_CHECKS } from "./dml-checks.js";
import { JSONRPC_CHECKS } from "./jsonrpc-checks.js";
import { PROBE_CHECKS } from "./probe-checks.js";
import { PROTOCOL_CHECKS } from "./protocol-checks.js";
import { QUERY_CHECKS } from "./query-checks.js";
import { TYPE_CHECKS } from "./type-checks.js";

export const RUNS: Readonly<Record<string, CheckRun>> = {
  ...PROTOCOL_CHECKS, ...DDL_CHECKS, ...DML_CHECKS, ...BATCH_CHECKS, ...QUERY_CHECKS, ...TYPE_CHECKS, ...DIALECT_CHECKS, ...CAPABILITY_CHECKS, ...PROBE_CHECKS, ...JSONRPC_CHECKS,
};

/** Checks on the main session, in execution order (startup and manifest_valid come from its handshake). */
export const MAIN_ORDER: readonly string[] = [
  "connect", "create_table", "drop_table", "create_catalog", "create_schema", "insert_into", "merge_into", "execute_batch",
  "describe_table", "table_exists_true", "table_exists_false", "execute_query", "query_paging",
  "type_string", "type_integer", "type_float", "type_boolean", "type_date", "type_timestamp", "type_null",
  "format_table_ref", "watermark_where", "row_hash", "set_tags", "get_grants", "batch_row_counts", "batch_freshness", "discover",
  "utf8_roundtrip", "large_message", "concurrent_requests", "error_codes", "undeclared_capability", "cancellation",
];

/** Checks on separate processes, which they may break. */
export const PROBE_ORDER: readonly string[] = ["version_negotiation", "unknown_method", "malformed_json", "invalid_request", "batch_requests", "exit_on_eof"];
