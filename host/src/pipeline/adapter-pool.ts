import { resolveAdapter } from "../adapter/resolve-adapter.js";
import { spawnAdapter } from "../adapter/spawn-adapter.js";
import type { AdapterClient, AdapterSpec } from "../adapter/types.js";
import type { LoadedConfig } from "../config/load-config.js";
import { RockyError, isRockyError } from "../errors.js";
import type { Logger } from "../log.js";
import { measureClient } from "../metrics/measure-client.js";
import type { CallRecorder } from "../metrics/run-metrics.js";

/** One adapter process per [adapter.NAME], started on first use and shared by every pipeline of the command. */
export interface AdapterPool {
  get(name: string): Promise<AdapterClient>;
  closeAll(): Promise<void>;
}

/** How to start [adapter.NAME] of rocky.toml: its type and command resolved, every other key its config. */
export function adapterSpecFromConfig(config: LoadedConfig, name: string): AdapterSpec {
  const section = config.adapters.get(name);
  if (!section) {
    throw new RockyError("ADAPTER_NOT_FOUND", `No adapter named "${name}" in "${config.file}"`, { hint: `Declare it: [adapter.${name}] type = "duckdb"` });
  }
  const { type, command, ...adapterConfig } = section;
  return resolveAdapter({ name, type, command, config: adapterConfig, baseDir: config.dir });
}

export interface AdapterPoolOptions {
  /** Times every call to every adapter and counts the statements sent (`rocky run`'s metrics). */
  readonly measure?: CallRecorder | undefined;
}

export function createAdapterPool(config: LoadedConfig, logger: Logger, options: AdapterPoolOptions = {}): AdapterPool {
  const started = new Map<string, Promise<AdapterClient>>();

  async function start(name: string): Promise<AdapterClient> {
    try {
      const client = await spawnAdapter({ spec: adapterSpecFromConfig(config, name), logger });
      return options.measure ? measureClient(client, options.measure) : client;
    } catch (err) {
      // Point config problems at the adapter's table in rocky.toml.
      if (isRockyError(err) && !err.location && (err.code === "ADAPTER_CONFIG_INVALID" || err.code === "ADAPTER_NOT_FOUND" || err.code === "ADAPTER_SPAWN_FAILED")) {
        throw new RockyError(err.code, err.message, { ...(err.hint ? { hint: err.hint } : {}), cause: err, location: config.locate(["adapter", name]) });
      }
      throw err;
    }
  }

  return {
    get(name) {
      let client = started.get(name);
      if (!client) {
        client = start(name);
        started.set(name, client);
      }
      return client;
    },
    async closeAll() {
      const clients = await Promise.allSettled(started.values());
      started.clear();
      await Promise.all(clients.map((c) => (c.status === "fulfilled" ? c.value.close() : undefined)));
    },
  };
}
