import type { AdapterManifest, Capabilities, SqlParam } from "@rocky/protocol";

export type CheckCategory =
  | "connection" | "ddl" | "dml" | "query" | "types" | "dialect" | "governance" | "batch_checks" | "discovery" | "protocol" | "lifecycle";
export type CheckTier = "core" | "optional";
export type CheckStatus = "passed" | "failed" | "skipped";

/** A check's identity: stable id, where it is reported, and the capability that gates it. */
export interface CheckInfo {
  readonly id: string;
  readonly category: CheckCategory;
  readonly tier: CheckTier;
  /** Runs only when the manifest declares this capability; skipped with the reason otherwise. */
  readonly gate?: keyof Capabilities;
  readonly title: string;
}

export interface CheckResult {
  readonly id: string;
  readonly category: CheckCategory;
  readonly tier: CheckTier;
  readonly status: CheckStatus;
  /** Why it failed or was skipped, or a note on a pass; null when there is nothing to say. */
  readonly message: string | null;
  /** The next step for the adapter author. */
  readonly hint: string | null;
  readonly durationMs: number;
  /** Listed in the expected-failures file. */
  readonly expected: boolean;
}

/** How to start the adapter under test: a program and arguments, spawned without a shell. */
export interface AdapterLaunch {
  /** Shown in the report until the manifest names the adapter. */
  readonly label: string;
  readonly command: readonly string[];
  /** The adapter's own config, sent in initialize. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** The part of the host's built-in dialect (host/src/sql/dialect.ts) the checks use; passed in, so this package needs no host code. */
export interface BuiltinDialect {
  readonly name: string;
  tableRef(ref: { readonly catalog?: string; readonly schema: string; readonly table: string }): string;
  stringType(): string;
  timestampType(): string;
  rowHash(columns: readonly string[]): string;
  /** `WHERE <column> > <timestamp placeholder>` */
  watermarkWhere(column: string): string;
  /** `sql` with its `?` placeholders replaced by `params` as literals, for original-protocol adapters (which never get params). */
  inlineParams(sql: string, params: readonly SqlParam[]): string;
}

export interface ConformanceTimeouts {
  /** Spawn to completed initialize (default 10 000 ms). */
  readonly startupMs: number;
  /** Deadline of each request (default 10 000 ms); a process that misses one is replaced for the next check. */
  readonly requestMs: number;
  /** Time allowed for a shutdown answer, and for the exit after stdin closes (default 2 000 ms). */
  readonly graceMs: number;
  /** How soon a cancelled request must answer -32800 (default 5 000 ms). */
  readonly cancelMs: number;
  /** The whole run, every process included (default 60 000 ms); checks not finished by then fail and the report is written. */
  readonly totalMs: number;
}

/** Receives the runner's own diagnostics; pino loggers fit. */
export interface ConformanceLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ConformanceOptions {
  readonly launch: AdapterLaunch;
  /** The host's built-in dialect for a manifest dialect name (host/src/sql/dialect.ts dialectFor). */
  readonly dialectFor: (name: string) => BuiltinDialect;
  readonly timeouts?: Partial<ConformanceTimeouts>;
  /** Catalog of the scratch objects; "" (the default) is the warehouse's default catalog. */
  readonly catalog?: string;
  /** Schema of the scratch objects; default: a fresh schema when create_schema is declared, else "main". */
  readonly schema?: string;
  /** A query that runs for several seconds, for the cancellation check; default per dialect. */
  readonly longQuery?: string;
  /** Check ids expected to fail; a listed check that passes is reported as stale. */
  readonly expectedFailures?: ReadonlySet<string>;
  /** Run only these check ids (the rest are skipped). */
  readonly only?: ReadonlySet<string>;
  readonly logger?: ConformanceLogger;
  /** Called as each check finishes, for progress output. */
  readonly onResult?: (result: CheckResult) => void;
  /** Called once the adapter's manifest is known (e.g. to learn which config keys are secret). */
  readonly onManifest?: (manifest: AdapterManifest) => void;
}

export interface ConformanceReport {
  /** The manifest's name, or the launch label when the handshake failed. */
  readonly adapter: string;
  readonly adapterVersion: string | null;
  readonly sdkVersion: string | null;
  readonly protocolVersion: number | null;
  /** The adapter answered initialize the original-protocol way. */
  readonly legacyProtocol: boolean;
  readonly manifest: AdapterManifest | null;
  readonly results: readonly CheckResult[];
  /** Expected-failure entries whose check passed. */
  readonly staleExpectedFailures: readonly string[];
  readonly durationMs: number;
}
