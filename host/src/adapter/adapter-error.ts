import { normalizeErrorCode } from "@rocky/protocol";
import { RockyError } from "../errors.js";

/** An error the adapter answered on the wire, wrapped with who and what (MCP's ProtocolError). */
export class AdapterError extends RockyError {
  readonly wireCode: number;
  readonly wireName: string;

  constructor(
    readonly adapter: string,
    readonly method: string,
    code: unknown,
    readonly wireMessage: string,
    readonly data: unknown,
  ) {
    const { code: n, name } = normalizeErrorCode(code);
    const dataCode = data && typeof data === "object" && typeof (data as { code?: unknown }).code === "string" ? (data as { code: string }).code : undefined;
    const label = dataCode ?? name;
    super("ADAPTER_REQUEST_FAILED", `Adapter "${adapter}" failed "${method}": ${label}: ${wireMessage}`);
    this.wireCode = n;
    this.wireName = label;
  }
}

export function isAdapterError(err: unknown): err is AdapterError {
  return err instanceof AdapterError;
}
