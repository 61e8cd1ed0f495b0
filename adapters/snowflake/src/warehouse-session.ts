import type { ExecuteQueryResult, SqlParam } from "@rocky/protocol";
import type { Redactor } from "@rocky/adapter-kit";
import { toBindings } from "./sql-api/bindings.js";
import { convertRows, typeName } from "./sql-api/row-values.js";
import type { ResultSet, SqlApi } from "./sql-api/sql-api.js";
import { toWireError } from "./sql-api/statement-error.js";

/** What the handlers share once initialize has run: the SQL API client and the auth method's name for errors. */
export class WarehouseSession {
  constructor(
    readonly api: SqlApi,
    readonly authMethod: string,
    readonly redactor: Redactor,
  ) {}

  /** The protocol error of any failure, redacted. */
  wire(error: unknown): unknown {
    const mapped = toWireError(error, this.authMethod);
    if (mapped instanceof Error) mapped.message = this.redactor.redact(mapped.message);
    return mapped;
  }

  async statement(sql: string, params: readonly SqlParam[] | undefined, signal: AbortSignal): Promise<ResultSet> {
    try {
      return await this.api.execute(sql, { bindings: toBindings(params), signal });
    } catch (error) {
      throw this.wire(error);
    }
  }

  /** A query's columns and every row, read partition by partition in order. */
  async query(sql: string, params: readonly SqlParam[] | undefined, signal: AbortSignal): Promise<ExecuteQueryResult> {
    const first = await this.statement(sql, params, signal);
    const rowType = first.resultSetMetaData?.rowType ?? [];
    const rows = convertRows(first.data ?? [], rowType);
    const partitions = first.resultSetMetaData?.partitionInfo?.length ?? 1;
    for (let i = 1; i < partitions; i++) {
      try {
        // A partition may hold more rows than a spread's arguments can.
        for (const row of convertRows(await this.api.partition(first.statementHandle, i, signal), rowType)) rows.push(row);
      } catch (error) {
        throw this.wire(error);
      }
    }
    return { columns: rowType.map((f) => f.name), column_types: rowType.map(typeName), rows };
  }
}

/** rows_affected from a DML statement's stats; null for statements without them. */
export function rowsAffected(result: ResultSet): number | null {
  const s = result.stats;
  if (!s) return null;
  return (s.numRowsInserted ?? 0) + (s.numRowsUpdated ?? 0) + (s.numRowsDeleted ?? 0) + (s.numDuplicateRowsUpdated ?? 0);
}
