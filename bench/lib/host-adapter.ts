import { resolve } from "node:path";
import type { AdapterClient } from "../../host/dist/adapter/index.js";
import { ROOT } from "./peers.js";

/** The host build under test; ROCKY_BENCH_HOST_DIST points at another build's host/dist to compare two versions. */
export const HOST_DIST = process.env.ROCKY_BENCH_HOST_DIST ?? resolve(ROOT, "host", "dist");
const { resolveAdapter, spawnAdapter } = (await import(`${HOST_DIST}/adapter/index.js`)) as typeof import("../../host/dist/adapter/index.js");
const { createLogger } = (await import(`${HOST_DIST}/log.js`)) as typeof import("../../host/dist/log.js");

/** An adapter behind the host's runtime, configured as `rocky run` would (production logger at level warn, on stderr). */
export function spawnHostAdapter(name: string, command: readonly string[], config: Record<string, unknown> = {}): Promise<AdapterClient> {
  const spec = resolveAdapter({ name, type: name, command: [...command], config });
  return spawnAdapter({ spec, logger: createLogger({ level: "warn" }) });
}
