import { ErrorCodes, LEGACY_PROTOCOL_VERSION, PROTOCOL_VERSIONS, Methods, formatProblems, formatRange, validate, validateAgainst, type AdapterManifest, type InitializeResult, type ProtocolVersionRange } from "@rocky/protocol";
import { registerSchemaSecrets } from "../config/register-secrets.js";
import { RockyError } from "../errors.js";
import { AdapterError } from "./adapter-error.js";
import type { AdapterConnection } from "./adapter-connection.js";
import type { AdapterSpec } from "./types.js";

export interface Handshake {
  readonly manifest: AdapterManifest;
  readonly protocolVersion: number;
  readonly legacy: boolean;
}

const HOST_VERSION = "0.1.0";

/** The original protocol allows the bare manifest as the result of initialize. */
function normalizeInitializeResult(raw: unknown): unknown {
  if (raw && typeof raw === "object" && !("manifest" in raw) && "name" in raw && "capabilities" in raw) return { manifest: raw };
  return raw;
}

/** initialize → validate manifest → check the picked version → validate the adapter's config against config_schema. */
export async function handshake(conn: AdapterConnection, spec: AdapterSpec, options: { timeoutMs: number; offer?: ProtocolVersionRange; skipConfigValidation?: boolean }): Promise<Handshake> {
  const offered = options.offer ?? PROTOCOL_VERSIONS;
  let result: InitializeResult;
  try {
    result = await conn.request<InitializeResult>(
      Methods.initialize.method,
      { config: spec.config, protocol_versions: offered, client: { name: "rocky", version: HOST_VERSION } },
      "InitializeResult",
      { timeoutMs: options.timeoutMs, normalize: normalizeInitializeResult },
    );
  } catch (err) {
    throw explainInitializeFailure(err, spec, offered, options.timeoutMs);
  }
  const legacy = result.protocol_version === undefined;
  const version = result.protocol_version ?? LEGACY_PROTOCOL_VERSION;
  if (version < offered.min || version > offered.max) {
    throw new RockyError("ADAPTER_PROTOCOL_MISMATCH", `Adapter "${spec.name}" picked protocol version ${version}, outside the host's range ${formatRange(offered)}`, {
      hint: "Upgrade Rocky or the adapter so that their protocol ranges overlap",
    });
  }
  const manifest = result.manifest;
  registerSchemaSecrets(manifest.config_schema, spec.config);
  if (!options.skipConfigValidation) {
    const problems = validateAgainst(manifest.config_schema, spec.config);
    if (problems.length > 0) {
      throw new RockyError("ADAPTER_CONFIG_INVALID", `Config of adapter "${spec.name}" (type "${spec.type}") is invalid: ${formatProblems(problems)}`, {
        hint: `Fix [adapter.${spec.name}] in rocky.toml; the adapter's manifest describes the expected keys in config_schema`,
      });
    }
  }
  return { manifest, protocolVersion: version, legacy };
}

function explainInitializeFailure(err: unknown, spec: AdapterSpec, offered: ProtocolVersionRange, timeoutMs: number): unknown {
  if (err instanceof AdapterError && err.wireCode === ErrorCodes.ProtocolVersionMismatch) {
    const data = err.data as { supported?: ProtocolVersionRange } | undefined;
    const supported = data?.supported && validate("ProtocolVersionRange", data.supported).length === 0 ? formatRange(data.supported) : "unknown";
    return new RockyError("ADAPTER_PROTOCOL_MISMATCH", `Adapter "${spec.name}" speaks protocol versions ${supported}; the host speaks ${formatRange(offered)}: ${err.wireMessage}`, {
      hint: "Upgrade Rocky or the adapter so that their protocol ranges overlap",
      cause: err,
    });
  }
  if (isLockedError(err)) {
    return new RockyError("WAREHOUSE_LOCKED", `Adapter "${spec.name}" cannot open its warehouse: another process holds its lock (${err.wireMessage})`, {
      hint: "Wait for the other process (another rocky command, or a DuckDB shell on the same file) to finish, then retry; DuckDB allows one process per database file",
      cause: err,
    });
  }
  if (err instanceof AdapterError && err.wireCode === ErrorCodes.InvalidConfig) {
    return new RockyError("ADAPTER_CONFIG_INVALID", `Adapter "${spec.name}" (type "${spec.type}") rejected its config: ${err.wireMessage}`, {
      hint: `Fix [adapter.${spec.name}] in rocky.toml; every key there except type and command is the adapter's config`,
      cause: err,
    });
  }
  if (err instanceof RockyError && err.code === "ADAPTER_TIMEOUT") {
    return new RockyError("ADAPTER_STARTUP_TIMEOUT", `Adapter "${spec.name}" did not complete the handshake within ${timeoutMs} ms (command: ${spec.command.join(" ")})`, {
      hint: "Check that the command starts a Rocky adapter that answers initialize on stdout; raise ROCKY_ADAPTER_STARTUP_TIMEOUT_MS for slow starts",
      cause: err,
    });
  }
  if (err instanceof RockyError && err.code === "ADAPTER_RESPONSE_INVALID") {
    return new RockyError("ADAPTER_MANIFEST_INVALID", err.message.replace("with an invalid result", "with an invalid manifest"), {
      hint: "The manifest must match schemas/protocol/manifest.schema.json",
      cause: err,
    });
  }
  return err;
}

/** The adapter says so (data.code "LOCKED"), or an adapter without that code passes on DuckDB's or SQLite's lock message. */
function isLockedError(err: unknown): err is AdapterError {
  if (!(err instanceof AdapterError)) return false;
  const data = err.data && typeof err.data === "object" ? (err.data as { code?: unknown }) : {};
  return data.code === "LOCKED" || /Could not set lock on file|database is locked/i.test(err.wireMessage);
}
