import { randomUUID } from "node:crypto";
import type { DuckDBValue } from "@duckdb/node-api";
import { field } from "./encode-result.js";
import { splitStatements } from "./scan-sql.js";
import type { Faults } from "./server-context.js";
import { CANCELED, placeholderCount, StatementFailure, type SqlEngine, type StatementOutcome } from "./sql-engine.js";

export type StatementState =
  | { readonly status: "running" }
  | { readonly status: "succeeded"; readonly outcome: StatementOutcome; readonly statementHandles?: string[] }
  | { readonly status: "failed"; readonly failure: StatementFailure };

export interface StatementRecord {
  readonly handle: string;
  readonly createdOn: number;
  /** The request's statement text, as submitted. */
  readonly text: string;
  /** The requestId it was submitted with (resubmits with retry=true find it). */
  readonly requestId: string | undefined;
  state: StatementState;
  readonly done: Promise<void>;
  readonly cancel: () => void;
  /** How many GETs saw it still running. */
  polls: number;
}

export interface SubmitOptions {
  readonly text: string;
  readonly bindings: DuckDBValue[];
  readonly database: string | undefined;
  readonly schema: string | undefined;
  /** MULTI_STATEMENT_COUNT: undefined means 1; 0 means any number. */
  readonly statementCount: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly requestId: string | undefined;
}

/** Statements submitted to the server, by handle; each request runs in its own session. */
export class StatementStore {
  readonly records = new Map<string, StatementRecord>();

  constructor(
    private readonly engine: SqlEngine,
    private readonly faults: Faults,
  ) {}

  byRequestId(requestId: string): StatementRecord | undefined {
    return [...this.records.values()].find((r) => r.requestId === requestId);
  }

  submit(o: SubmitOptions): StatementRecord {
    const handle = randomUUID();
    const abort = new AbortController();
    let timedOut = false;
    const timer = o.timeoutSeconds ? setTimeout(() => ((timedOut = true), abort.abort()), o.timeoutSeconds * 1000) : undefined;
    const record: StatementRecord = {
      handle,
      createdOn: Date.now(),
      text: o.text,
      requestId: o.requestId,
      state: { status: "running" },
      polls: 0,
      cancel: () => abort.abort(),
      done: Promise.resolve().then(async () => {
        try {
          record.state = await this.execute(o, abort.signal);
        } catch (error) {
          let f = error instanceof StatementFailure ? error : new StatementFailure("000603", "XX000", String(error));
          if (timedOut) f = new StatementFailure("000630", "57014", `Statement reached its statement or warehouse timeout of ${o.timeoutSeconds} second(s) and was canceled.`, "timeout");
          record.state = { status: "failed", failure: f };
        } finally {
          clearTimeout(timer);
        }
      }),
    };
    this.records.set(handle, record);
    return record;
  }

  private async execute(o: SubmitOptions, signal: AbortSignal): Promise<StatementState> {
    if (this.faults.resuming > 0) {
      this.faults.resuming--;
      throw new StatementFailure("000606", "57P03", "Warehouse 'ROCKY_WH' is resuming; the statement was not run. Retry shortly.");
    }
    const statements = splitStatements(o.text);
    const wanted = o.statementCount ?? 1;
    if (wanted !== 0 && wanted !== statements.length) {
      // https://docs.snowflake.com/en/developer-guide/sql-api/submitting-multiple-statements
      throw new StatementFailure("000008", "0A000", `Actual statement count ${statements.length} did not match the desired statement count ${wanted}.`);
    }
    const multi = o.statementCount !== undefined && o.statementCount !== 1;
    if (multi && o.bindings.length > 0) {
      // https://docs.snowflake.com/en/developer-guide/sql-api/submitting-requests#using-bind-variables-in-a-statement
      throw new StatementFailure("002049", "42601", "Snowflake does not currently support variable binding in multi-statement SQL requests.");
    }
    const session = await this.engine.openSession(o.database, o.schema);
    try {
      const handles: string[] = [];
      let outcome: StatementOutcome | undefined;
      let used = 0;
      for (const s of statements) {
        if (signal.aborted) throw CANCELED();
        const n = placeholderCount(s.sql);
        const bindings = o.bindings.slice(used, used + n);
        used += n;
        try {
          outcome = await session.run(s.sql, bindings, signal);
        } catch (error) {
          if (!multi || !(error instanceof StatementFailure) || error.kind !== "error") throw error;
          // As Snowflake's SYSTEM$MULTISTMT reports it (https://github.com/snowflakedb/snowflake-connector-net/issues/817).
          const head = s.sql.length > 30 ? `${s.sql.slice(0, 30)}...` : s.sql;
          throw new StatementFailure(error.code, error.sqlState, `Uncaught Execution of multiple statements failed on statement "${head}" (at line ${s.line}, position 0).\n${error.message}`);
        }
        if (multi) {
          const child = randomUUID();
          const childOutcome = outcome;
          this.records.set(child, { handle: child, createdOn: Date.now(), text: s.sql, requestId: undefined, state: { status: "succeeded", outcome: childOutcome }, polls: 0, cancel: () => undefined, done: Promise.resolve() });
          handles.push(child);
        }
      }
      if (!multi) return { status: "succeeded", outcome: outcome ?? { rowType: [field("status", "text")], rows: [["Statement executed successfully."]] } };
      return { status: "succeeded", outcome: { rowType: [field("multiple statement execution", "text")], rows: [["Multiple statements executed successfully."]] }, statementHandles: handles };
    } finally {
      await session.close();
    }
  }
}
