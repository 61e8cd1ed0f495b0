import { resolveAdapter, spawnAdapter, type AdapterClient } from "../../host/dist/adapter/index.js";
import { createLogger } from "../../host/dist/log.js";

/** An adapter behind the host's runtime, configured as `rocky run` would (production logger at level warn, on stderr). */
export function spawnHostAdapter(name: string, command: readonly string[], config: Record<string, unknown> = {}): Promise<AdapterClient> {
  const spec = resolveAdapter({ name, type: name, command: [...command], config });
  return spawnAdapter({ spec, logger: createLogger({ level: "warn" }) });
}
