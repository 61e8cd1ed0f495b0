import { existsSync } from "node:fs";
import type { CommandModule } from "yargs";
import { Methods, type DoctorCheck, type DoctorOutput } from "@rocky/protocol";
import { spawnAdapter } from "../adapter/spawn-adapter.js";
import { loadConfig, type LoadedConfig } from "../config/load-config.js";
import { isRockyError, RockyError } from "../errors.js";
import { createLogger } from "../log.js";
import { cacheSettings } from "../cache/cache-settings.js";
import { connectValkey } from "../cache/valkey-tier.js";
import { safeUrl } from "../valkey-url.js";
import { adapterSpecFromConfig } from "../pipeline/adapter-pool.js";
import { openStateStore } from "../state/state-store.js";
import { openRemote } from "../state/sync/open-remote.js";
import type { CliIo } from "./cli-io.js";
import { withCommonOptions, type CommonArgs } from "./common-options.js";
import { plural, renderTable, writeJson } from "./output.js";

type Outcome = Omit<DoctorCheck, "name" | "duration_ms">;

async function timed(name: string, check: () => Promise<Outcome>): Promise<DoctorCheck> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = await check();
  } catch (err) {
    outcome = { status: "fail", message: err instanceof Error ? err.message : String(err), ...(isRockyError(err) && err.hint ? { hint: err.hint } : {}) };
  }
  return { name, ...outcome, duration_ms: Math.round(performance.now() - started) };
}

async function checkAdapter(config: LoadedConfig, name: string): Promise<Outcome> {
  const started = performance.now();
  const client = await spawnAdapter({ spec: adapterSpecFromConfig(config, name), logger: createLogger() });
  try {
    const handshakeMs = Math.round(performance.now() - started);
    await client.request(Methods.ping, {});
    const m = client.manifest;
    const capabilities = Object.entries(m.capabilities).filter(([, on]) => on === true).map(([c]) => c).sort();
    return {
      status: "ok",
      message: `${m.name} ${m.version}, ${m.dialect} dialect, protocol ${client.legacy ? "original (no version)" : `v${client.protocolVersion}`}, handshake ${handshakeMs} ms`,
      details: { name: m.name, version: m.version, dialect: m.dialect, protocol_version: client.protocolVersion, legacy: client.legacy, capabilities, handshake_ms: handshakeMs, pid: client.pid },
    };
  } finally {
    await client.close();
  }
}

async function checkState(config: LoadedConfig): Promise<Outcome> {
  if (!existsSync(config.statePath)) {
    return { status: "ok", message: `no state yet at "${config.statePath}": the first rocky run creates it`, details: { runs: 0, watermarks: 0 } };
  }
  const store = openStateStore(config.statePath, { create: false });
  if (!store) return { status: "ok", message: `no state yet at "${config.statePath}"`, details: { runs: 0, watermarks: 0 } };
  try {
    const watermarks = store.listWatermarks().length;
    const last = store.listRuns({ limit: 1 })[0];
    return {
      status: last?.status === "failed" ? "warn" : "ok",
      message: `"${config.statePath}" readable, ${watermarks} watermarks${last ? `, last run ${last.run_id} ${last.status} at ${last.started_at}` : ", no runs recorded"}`,
      ...(last?.status === "failed" ? { hint: `See what failed with: rocky history --run ${last.run_id}` } : {}),
      details: { watermarks, last_run: last ? { run_id: last.run_id, status: last.status, started_at: last.started_at } : null },
    };
  } finally {
    await store.close();
  }
}

async function checkRemoteState(config: LoadedConfig): Promise<Outcome> {
  const remote = await openRemote(config.raw.state, createLogger());
  if (!remote) return { status: "skipped", message: "backend = \"local\": no remote state" };
  try {
    const [snapshot, holder] = await Promise.all([remote.download(), remote.leaseHolder()]);
    const stored = snapshot ? `state of ${snapshot.bytes.length} bytes at version ${snapshot.version}` : "no state uploaded yet";
    return {
      status: "ok",
      message: `${remote.describe} reachable, ${stored}, ${holder ? `leased by run ${holder.run_id} (pid ${holder.pid} on ${holder.host}, since ${holder.started_at})` : "no run holds the lease"}`,
      details: { remote: remote.describe, version: snapshot?.version ?? null, bytes: snapshot?.bytes.length ?? 0, lease_holder: holder ?? null },
    };
  } finally {
    await remote.close();
  }
}

/**
 * Connects to a Valkey/Redis server and reads one key that does not exist: reachable, changing nothing. The cache and
 * the events are accelerators and observers (runs go on without them), so an unreachable server is a warning.
 */
async function checkValkey(rawUrl: string, what: string, without: string, section: string): Promise<Outcome> {
  const url = safeUrl(rawUrl);
  const started = performance.now();
  let valkey: Awaited<ReturnType<typeof connectValkey>> | undefined;
  try {
    valkey = await connectValkey(rawUrl);
    await valkey.get("rocky:doctor:probe");
    const ms = Math.round(performance.now() - started);
    return { status: "ok", message: `valkey ${url} reachable in ${ms} ms (${what})`, details: { valkey_url: url, round_trip_ms: ms } };
  } catch (err) {
    return {
      status: "warn",
      message: `valkey ${url} unreachable (${err instanceof Error ? err.message : String(err)}): ${without}`,
      hint: `Start the server, fix [${section}] valkey_url, or remove it`,
      details: { valkey_url: url },
    };
  } finally {
    valkey?.close();
  }
}

async function checkCache(config: LoadedConfig): Promise<Outcome> {
  const settings = cacheSettings(config.raw.cache);
  if (!settings.enabled) return { status: "skipped", message: "[cache] enabled = false" };
  if (settings.valkeyUrl === undefined) return { status: "ok", message: "in-memory tier only (per process); set [cache] valkey_url to share answers between runners" };
  return checkValkey(settings.valkeyUrl, `prefix "${settings.keyPrefix}"`, "runs fall back to the in-memory tier", "cache");
}

async function checkEvents(config: LoadedConfig): Promise<Outcome> {
  const events = config.raw.events;
  if (events?.valkey_url === undefined) return { status: "skipped", message: "no [events] valkey_url: events go only to --events FILE" };
  return checkValkey(events.valkey_url, `channel "${events.channel ?? "rocky:events"}"`, "runs go on without publishing events", "events");
}

/** Checks the project's health without changing it: config, every adapter started and handshaken, the state store. */
export async function doctor(args: CommonArgs, io: CliIo): Promise<DoctorOutput> {
  const checks: DoctorCheck[] = [];
  let config: LoadedConfig | undefined;
  checks.push(
    await timed("config", async () => {
      config = await loadConfig(args.config);
      return { status: "ok", message: `"${config.file}": ${plural(config.adapters.size, "adapter")}, ${plural(config.pipelines.size, "pipeline")}` };
    }),
  );
  if (config) {
    const loaded = config;
    checks.push(...(await Promise.all([...loaded.adapters.keys()].map((name) => timed(`adapter.${name}`, () => checkAdapter(loaded, name))))));
    checks.push(await timed("state", () => checkState(loaded)));
    checks.push(await timed("state.remote", () => checkRemoteState(loaded)));
    checks.push(await timed("cache", () => checkCache(loaded)));
    checks.push(await timed("events", () => checkEvents(loaded)));
  } else {
    for (const name of ["adapters", "state", "state.remote", "cache", "events"]) checks.push({ name, status: "skipped", message: "the config did not load", duration_ms: 0 });
  }
  const overall = checks.some((c) => c.status === "fail") ? "fail" : checks.some((c) => c.status === "warn") ? "warn" : "ok";
  const result: DoctorOutput = { command: "doctor", status: overall === "fail" ? "failed" : "succeeded", overall, checks };
  if (args.output === "json") writeJson(io, result);
  else {
    io.stdout.write(
      renderTable(checks, [
        { header: "CHECK", value: (c) => c.name },
        { header: "STATUS", value: (c) => c.status },
        { header: "TIME", value: (c) => `${c.duration_ms}ms`, align: "right" },
        { header: "DETAIL", value: (c) => `${c.message}${c.hint ? ` (hint: ${c.hint})` : ""}` },
      ]),
    );
    io.stdout.write(`doctor: ${overall}\n`);
  }
  if (overall === "fail") {
    const failed = checks.filter((c) => c.status === "fail").map((c) => c.name);
    throw new RockyError("DOCTOR_FAILED", `${failed.length} of ${checks.length} health checks failed: ${failed.join(", ")}`, { hint: "Each failed check's detail is in the table above" });
  }
  return result;
}

export function doctorCommand(io: CliIo): CommandModule<object, CommonArgs> {
  return {
    command: "doctor",
    describe: "Check the config, start and handshake every adapter, and read the state store, changing nothing",
    builder: (y) => withCommonOptions(y),
    handler: async (args) => {
      await doctor(args, io);
    },
  };
}
