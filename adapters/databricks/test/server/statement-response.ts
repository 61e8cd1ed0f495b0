// The StatementResponse object: https://docs.databricks.com/api/workspace/statementexecution/getstatement
import type { Statement } from "./statements.js";

export function resultData(st: Statement, index: number) {
  const rows = st.chunks[index] ?? [];
  const rowOffset = st.chunks.slice(0, index).reduce((n, c) => n + c.length, 0);
  const next = index + 1 < st.chunks.length ? index + 1 : undefined;
  return {
    chunk_index: index,
    row_offset: rowOffset,
    row_count: rows.length,
    data_array: rows,
    ...(next === undefined ? {} : { next_chunk_index: next, next_chunk_internal_link: `/api/2.0/sql/statements/${st.id}/result/chunks/${next}` }),
  };
}

/** The statement as the API answers it; while `reportRunning`, a finished statement still says RUNNING. */
export function statementResponse(st: Statement, reportRunning = false) {
  if (reportRunning || st.state === "PENDING" || st.state === "RUNNING") {
    return { statement_id: st.id, status: { state: reportRunning ? "RUNNING" : st.state } };
  }
  if (st.state === "FAILED") return { statement_id: st.id, status: { state: "FAILED", error: st.error } };
  if (st.state !== "SUCCEEDED") return { statement_id: st.id, status: { state: st.state } };
  let offset = 0;
  const chunks = st.chunks.map((c, i) => {
    const entry = { chunk_index: i, row_offset: offset, row_count: c.length };
    offset += c.length;
    return entry;
  });
  return {
    statement_id: st.id,
    status: { state: "SUCCEEDED" },
    manifest: {
      format: "JSON_ARRAY",
      schema: { column_count: st.columns.length, columns: st.columns },
      total_chunk_count: st.chunks.length,
      chunks,
      total_row_count: st.totalRows,
      truncated: false,
    },
    result: st.chunks.length > 0 ? resultData(st, 0) : { chunk_index: 0, row_offset: 0, row_count: 0 },
  };
}
