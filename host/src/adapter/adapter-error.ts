import { normalizeErrorCode } from "@rocky/protocol";
import { RockyError } from "../errors.js";

/** An error the adapter answered on the wire, wrapped with who and what (MCP's ProtocolError). */
export class AdapterError extends RockyError {
  readonly wireCode: number;
  readonly wireName: string;
  /** execute_batch: the 0-based index of the statement that failed (`error.data.statement_index`). */
  readonly statementIndex: number | undefined;

  constructor(
    readonly adapter: string,
    readonly method: string,
    code: unknown,
    readonly wireMessage: string,
    readonly data: unknown,
  ) {
    const { code: n, name } = normalizeErrorCode(code);
    const fields = data && typeof data === "object" ? (data as { code?: unknown; statement_index?: unknown }) : {};
    const label = typeof fields.code === "string" ? fields.code : name;
    const index = Number.isInteger(fields.statement_index) && (fields.statement_index as number) >= 0 ? (fields.statement_index as number) : undefined;
    const where = index === undefined ? "" : ` at statement ${index + 1}`;
    super("ADAPTER_REQUEST_FAILED", `Adapter "${adapter}" failed "${method}"${where}: ${label}: ${wireMessage}`);
    this.wireCode = n;
    this.wireName = label;
    this.statementIndex = index;
  }
}

export function isAdapterError(err: unknown): err is AdapterError {
  return err instanceof AdapterError;
}
