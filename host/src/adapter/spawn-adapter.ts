import { resolve } from "node:path";
import { execa } from "execa";
import { RockyError } from "../errors.js";
import { AdapterConnection } from "./adapter-connection.js";
import { createAdapterClient } from "./adapter-client.js";
import { handshake } from "./handshake.js";
import { withParentDeathSignal } from "./parent-death.js";
import { trackProcessGroup } from "./live-processes.js";
import { findOnPath, isExecutable } from "./resolve-adapter.js";
import { StderrForwarder } from "./stderr-forwarder.js";
import { terminate } from "./terminate.js";
import type { AdapterClient, SpawnAdapterOptions } from "./types.js";

/**
 * The adapter's environment: the host's, less what only the host may use (Dagster Pipes' bootstrap), plus its own,
 * plus ROCKY_HOST_PID: the adapter kits exit when that process is gone, even where setpriv is not available.
 */
function adapterEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, ROCKY_HOST_PID: String(process.pid) };
  for (const name of Object.keys(env)) if (name.startsWith("DAGSTER_PIPES_")) delete env[name];
  return env;
}

function envMs(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Starts an adapter process, completes the handshake, and returns a client; on any failure the process is gone. */
export async function spawnAdapter(options: SpawnAdapterOptions): Promise<AdapterClient> {
  const { spec } = options;
  const startupTimeoutMs = options.startupTimeoutMs ?? envMs("ROCKY_ADAPTER_STARTUP_TIMEOUT_MS", 10_000);
  const requestTimeoutMs = options.requestTimeoutMs ?? envMs("ROCKY_ADAPTER_REQUEST_TIMEOUT_MS", 300_000);
  const graceMs = options.shutdownGraceMs ?? 2_000;
  const [file, ...args] = spec.command;
  if (!file) throw new RockyError("ADAPTER_SPAWN_FAILED", `Cannot start adapter "${spec.name}": its command is empty`, { hint: `Set command = ["program", "arg"] in [adapter.${spec.name}]` });

  // setpriv would report a missing program as its own exit 127: look for it first, so the error says what it is.
  const found = file.includes("/") ? resolve(spec.cwd ?? ".", file) : findOnPath(file, spec.env?.PATH ?? process.env.PATH);
  const guarded = found !== undefined && isExecutable(found) ? withParentDeathSignal(file, args) : { file, args };
  const child = execa(guarded.file, guarded.args, {
    ...(spec.cwd ? { cwd: spec.cwd } : {}),
    env: adapterEnv(spec.env),
    extendEnv: false,
    stdin: "pipe",
    stdout: "pipe",
    stderr: "pipe",
    buffer: false,
    reject: false,
    detached: true,
    cleanup: false,
    shell: false,
    encoding: "buffer",
  });
  const spawnError = await new Promise<Error | undefined>((resolve) => {
    child.once("spawn", () => resolve(undefined));
    child.once("error", (err) => resolve(err));
  });
  if (spawnError || child.pid === undefined) {
    throw new RockyError("ADAPTER_SPAWN_FAILED", `Cannot start adapter "${spec.name}": ${spawnError?.message ?? "no process id"} (command: ${spec.command.join(" ")})`, {
      hint: spec.origin === "config" ? `Check command in [adapter.${spec.name}] of rocky.toml` : `Install the adapter or set command in [adapter.${spec.name}]`,
      cause: spawnError,
    });
  }
  trackProcessGroup(child.pid);
  const logger = options.logger.child({ adapter: spec.name, pid: child.pid });
  const stderr = new StderrForwarder(child.stderr as never, logger, { held: true });
  const completion = child.then((r) => ({ code: r.exitCode ?? null, signal: r.signal ?? null }));
  const conn = new AdapterConnection(spec.name, { pid: child.pid, stdin: child.stdin, stdout: child.stdout, completion }, stderr, logger, requestTimeoutMs);
  try {
    const hs = await handshake(conn, spec, {
      timeoutMs: startupTimeoutMs,
      ...(options.offerVersions ? { offer: options.offerVersions } : {}),
      ...(options.skipConfigValidation ? { skipConfigValidation: true } : {}),
    });
    stderr.release();
    logger.debug({ protocol: hs.protocolVersion, legacy: hs.legacy, manifest: hs.manifest.name }, "adapter ready");
    return createAdapterClient(conn, hs, () => terminate(conn, graceMs));
  } catch (err) {
    stderr.release();
    await terminate(conn, Math.min(graceMs, 500));
    throw err;
  }
}
