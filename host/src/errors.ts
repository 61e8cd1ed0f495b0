/** Every local error code, in one registry. Wire codes live in @rocky/protocol's ErrorCodes. */
export const ROCKY_ERROR_CODES = [
  "CONFIG_NOT_FOUND",
  "CONFIG_INVALID",
  "CONFIG_ENV_MISSING",
  "IDENTIFIER_INVALID",
  "ADAPTER_NOT_FOUND",
  "ADAPTER_SPAWN_FAILED",
  "ADAPTER_STARTUP_TIMEOUT",
  "ADAPTER_PROTOCOL_MISMATCH",
  "ADAPTER_MANIFEST_INVALID",
  "ADAPTER_CONFIG_INVALID",
  "ADAPTER_CRASHED",
  "ADAPTER_TIMEOUT",
  "ADAPTER_PROTOCOL_VIOLATION",
  "ADAPTER_RESPONSE_INVALID",
  "ADAPTER_REQUEST_FAILED",
  "ADAPTER_CAPABILITY_MISSING",
  "STATE_ERROR",
  "STATE_LOCKED",
  "STATE_DAMAGED",
  "STATE_MISSING",
  "WAREHOUSE_LOCKED",
  "PLAN_INVALID",
  "MODEL_INVALID",
  "MODEL_SQL_INVALID",
  "DAG_CYCLE",
  "DAG_MISSING_REF",
  "RUN_FAILED",
  "UPSTREAM_FAILED",
  "USAGE",
  "INIT_ADAPTER_FAILED",
  "INIT_PROJECT_FAILED",
  "CONFORMANCE_FAILED",
  "CANCELLED",
  "PIPES_INVALID",
  "EVENTS_FAILED",
  "DOCTOR_FAILED",
  "STATE_SYNC_FAILED",
  "STATE_SYNC_CONFLICT",
  "STATE_LEASED",
  "STATE_SYNC_UNSAFE",
  "CONTRACT_INVALID",
  "CONTRACT_VIOLATION",
  "CONTRACT_UNCHECKED",
  "SCHEMA_DRIFT",
  "CHECK_FAILED",
] as const;

export type RockyErrorCode = (typeof ROCKY_ERROR_CODES)[number];

export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface RockyErrorOptions {
  readonly hint?: string;
  readonly cause?: unknown;
  readonly location?: SourceLocation;
}

/** An expected failure: reported as message + hint, without a stack. */
export class RockyError extends Error {
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;

  constructor(
    readonly code: RockyErrorCode,
    message: string,
    options: RockyErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RockyError";
    this.hint = options.hint;
    this.location = options.location;
  }
}

export function isRockyError(err: unknown): err is RockyError {
  return err instanceof RockyError;
}

export function formatLocation(loc: SourceLocation): string {
  return loc.line === undefined ? loc.file : `${loc.file}:${loc.line}${loc.column === undefined ? "" : `:${loc.column}`}`;
}
