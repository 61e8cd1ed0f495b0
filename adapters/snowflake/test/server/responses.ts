import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { StatementFailure } from "./sql-engine.js";
import type { StatementRecord } from "./statement-store.js";

/** Response bodies of https://docs.snowflake.com/en/developer-guide/sql-api/reference (ResultSet, QueryStatus, QueryFailureStatus). */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function statusUrl(record: StatementRecord): string {
  return `/api/v2/statements/${record.handle}${record.requestId ? `?requestId=${record.requestId}` : ""}`;
}

/** 202: still running. */
export function queryStatus(record: StatementRecord) {
  return {
    code: "333334",
    message: "Asynchronous execution in progress. Use provided query id to perform query monitoring and management.",
    statementHandle: record.handle,
    statementStatusUrl: statusUrl(record),
  };
}

/** 422 (or 408 on timeout): the statement failed. */
export function queryFailure(record: StatementRecord, failure: StatementFailure) {
  return { code: failure.code, message: failure.message, sqlState: failure.sqlState, statementHandle: record.handle, createdOn: record.createdOn, statementStatusUrl: statusUrl(record) };
}

/** The rows of partition `index` of a result split `partitionRows` rows at a time. */
export function partitionsOf(rows: readonly (string | null)[][], partitionRows: number): (string | null)[][][] {
  if (rows.length === 0) return [[]];
  const parts: (string | null)[][][] = [];
  for (let i = 0; i < rows.length; i += partitionRows) parts.push(rows.slice(i, i + partitionRows));
  return parts;
}

/** 200: the ResultSet with the first partition's rows (or only `data` for partition > 0). */
export function sendOutcome(res: ServerResponse, record: StatementRecord, partitionRows: number, partition = 0): void {
  const state = record.state;
  if (state.status === "running") return send(res, 202, queryStatus(record));
  if (state.status === "failed") return send(res, state.failure.kind === "timeout" ? 408 : 422, queryFailure(record, state.failure));
  const parts = partitionsOf(state.outcome.rows, partitionRows);
  if (partition >= parts.length) return send(res, 400, { code: "000400", message: `Partition ${partition} does not exist; the result has ${parts.length}` });
  if (partition > 0) {
    // Partitions after the first come gzip-compressed: https://docs.snowflake.com/en/developer-guide/sql-api/handling-responses#retrieving-additional-partitions
    const body = gzipSync(JSON.stringify({ data: parts[partition] }));
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": body.length });
    res.end(body);
    return;
  }
  send(res, 200, {
    resultSetMetaData: {
      numRows: state.outcome.rows.length,
      format: "jsonv2",
      partitionInfo: parts.map((p) => ({ rowCount: p.length, uncompressedSize: Buffer.byteLength(JSON.stringify(p)) })),
      rowType: state.outcome.rowType,
    },
    data: parts[0],
    code: "090001",
    statementStatusUrl: statusUrl(record),
    requestId: record.requestId,
    sqlState: "00000",
    statementHandle: record.handle,
    message: "Statement executed successfully.",
    createdOn: record.createdOn,
    ...(state.outcome.stats ? { stats: state.outcome.stats } : {}),
    ...(state.statementHandles ? { statementHandles: state.statementHandles } : {}),
  });
}
