// The Rocky adapter protocol's shapes and error codes, as this adapter needs them (schemas/protocol/*.schema.json in Rocky).

export type SqlParam = string | number | boolean | null;

export interface TableRef {
  readonly catalog: string;
  readonly schema: string;
  readonly table: string;
}

export interface ColumnInfo {
  readonly name: string;
  readonly data_type: string;
  readonly nullable: boolean;
}

export interface Capabilities {
  readonly warehouse: boolean;
  readonly discovery: boolean;
  readonly governance: boolean;
  readonly batch_checks: boolean;
  readonly create_catalog: boolean;
  readonly create_schema: boolean;
  readonly merge: boolean;
  readonly tablesample: boolean;
  readonly dialect?: boolean;
  readonly query_paging?: boolean;
  readonly cancellation?: boolean;
  readonly [other: string]: boolean | undefined;
}

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly sdk_version: string;
  readonly dialect: string;
  readonly capabilities: Capabilities;
  readonly auth_methods: readonly string[];
  readonly config_schema: Record<string, unknown>;
}

export interface QueryResult {
  readonly columns: string[];
  /** JSON values: integers beyond 2^53, decimals, dates ('YYYY-MM-DD') and timestamps ('YYYY-MM-DD HH:MM:SS[.ffffff]') as strings. */
  readonly rows: unknown[][];
  readonly column_types?: string[];
}

export interface GovernanceTarget {
  readonly catalog: string;
  readonly schema?: string;
  readonly table?: string;
}

/** Wire error codes: JSON-RPC's, LSP's RequestCancelled, and Rocky's -32050..-32055. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  RequestCancelled: -32800,
  ProtocolVersionMismatch: -32050,
  CapabilityNotSupported: -32051,
  ExecutionFailed: -32052,
  NotFound: -32053,
  InvalidConfig: -32054,
  Unavailable: -32055,
} as const;

/** An error answered to Rocky as {code, message, data}. Throw it from a handler. */
export class AdapterError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AdapterError";
  }
}

/** The stub answer: Rocky's conformance suite reports the check as "not yet implemented" with the hint. */
export function notImplemented(method: string): AdapterError {
  return new AdapterError(ErrorCode.MethodNotFound, `not implemented: fill in "${method}" in src/adapter.ts`, {
    code: "NOT_IMPLEMENTED",
    hint: `Implement the "${method}" handler in src/adapter.ts; README.md says what it must return`,
  });
}
