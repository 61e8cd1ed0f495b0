import { PROTOCOL_VERSIONS, formatProblems, validate, validateAgainst, type AdapterManifest } from "@rocky/protocol";
import { failed, type Outcome } from "./outcome.js";
import type { AdapterLaunch, ConformanceLogger, ConformanceTimeouts } from "./types.js";
import { replyError } from "./wire/call.js";
import { normalizeResult } from "./wire/check-response.js";
import { AdapterExitedError, NoAnswerError, SessionBrokenError } from "./wire/wire-faults.js";
import { WireSession } from "./wire/wire-session.js";

export const CLIENT = { name: "rocky-test-adapter", version: "0.1.0" };

export interface Handshake {
  readonly manifest: AdapterManifest;
  /** Why the initialize result or manifest does not match the schemas. */
  readonly manifestProblems: readonly string[];
  /** Why the given config does not match the manifest's config_schema. */
  readonly configProblems: readonly string[];
  readonly legacy: boolean;
  /** The version the adapter picked (undefined for the original protocol). */
  readonly protocolVersion: number | undefined;
  readonly durationMs: number;
}

export function initializeParams(launch: AdapterLaunch, range = PROTOCOL_VERSIONS): Record<string, unknown> {
  return { config: launch.config, protocol_versions: range, client: CLIENT };
}

const NO_CAPABILITIES = { warehouse: false, discovery: false, governance: false, batch_checks: false, create_catalog: false, create_schema: false, merge: false, tablesample: false };

/** Reads whatever manifest the adapter sent, so a slightly invalid one still lets the suite run. */
function coerceManifest(raw: unknown, label: string): AdapterManifest {
  const m = (raw && typeof raw === "object" ? raw : {}) as Partial<AdapterManifest>;
  const str = (v: unknown, d: string) => (typeof v === "string" && v !== "" ? v : d);
  return {
    ...m,
    name: str(m.name, label),
    version: str(m.version, "unknown"),
    sdk_version: str(m.sdk_version, "unknown"),
    dialect: str(m.dialect, "generic"),
    capabilities: { ...NO_CAPABILITIES, ...(m.capabilities && typeof m.capabilities === "object" ? m.capabilities : {}) },
    auth_methods: Array.isArray(m.auth_methods) ? m.auth_methods : [],
    config_schema: m.config_schema && typeof m.config_schema === "object" ? m.config_schema : {},
  };
}

function configProblemsOf(manifest: AdapterManifest, config: unknown): { config: string[]; schema: string[] } {
  try {
    const problems = validateAgainst(manifest.config_schema, config);
    return { config: problems.length > 0 ? [formatProblems(problems)] : [], schema: [] };
  } catch (err) {
    return { config: [], schema: [`config_schema is not a usable JSON Schema: ${(err as Error).message}`] };
  }
}

/** Spawns the adapter and completes initialize; the session is returned either way so its stream is still judged. */
export async function startSession(
  launch: AdapterLaunch,
  timeouts: ConformanceTimeouts,
  logger?: ConformanceLogger,
  /** Receives the session as soon as the process is spawned, so it can be killed even if the caller stops waiting. */
  onSpawn?: (session: WireSession) => void,
): Promise<{ session: WireSession; handshake?: Handshake; failure?: Outcome }> {
  const session = new WireSession(launch, logger);
  onSpawn?.(session);
  const started = Date.now();
  try {
    const reply = await session.request("initialize", initializeParams(launch), timeouts.startupMs);
    const error = replyError("initialize", reply);
    if (error) return { session, failure: failed(`initialize ${error.message.replace(/^"initialize" /, "")}`, error.dataHint ?? "Check the adapter's config (--config) and its stderr") };
    const result = normalizeResult("initialize", reply.message.result) as { manifest?: unknown; protocol_version?: unknown } | null;
    if (!result || typeof result !== "object" || !result.manifest) return { session, failure: failed(`initialize answered ${JSON.stringify(reply.message.result)?.slice(0, 200)}, which holds no manifest`) };
    const problems = validate("InitializeResult", result);
    const manifest = coerceManifest(result.manifest, launch.label);
    const cfg = configProblemsOf(manifest, launch.config);
    return {
      session,
      handshake: {
        manifest,
        manifestProblems: [...(problems.length > 0 ? [formatProblems(problems)] : []), ...cfg.schema],
        configProblems: cfg.config,
        legacy: result.protocol_version === undefined,
        protocolVersion: typeof result.protocol_version === "number" ? result.protocol_version : undefined,
        durationMs: Date.now() - started,
      },
    };
  } catch (err) {
    if (err instanceof NoAnswerError) {
      return { session, failure: failed(`no answer to initialize within ${timeouts.startupMs} ms`, "Answer initialize on stdout as soon as the adapter can serve; raise --startup-timeout for slow warehouses") };
    }
    if (err instanceof AdapterExitedError || err instanceof SessionBrokenError) return { session, failure: failed(err.message, "Run the adapter command by hand to see why it exits") };
    throw err;
  }
}
