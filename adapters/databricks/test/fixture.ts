import { afterEach } from "vitest";
import { startAdapter, type AdapterProcess } from "./adapter-process.js";
import { startDatabricksServer, type DatabricksServer, type DatabricksServerOptions } from "./server/databricks-server.js";

export const PAT = "dapi-TEST-SECRET-0123456789abcdef";

const open: Array<{ server: DatabricksServer; adapter: AdapterProcess }> = [];
afterEach(async () => {
  for (const { server, adapter } of open.splice(0)) {
    await adapter.stop();
    await server.close();
  }
});

/** A local Databricks server and the built adapter, initialized against it (closed after the test). */
export async function databricks(options: { server?: DatabricksServerOptions; config?: Record<string, unknown>; env?: Record<string, string> } = {}) {
  const server = await startDatabricksServer({ pats: [PAT], ...options.server });
  const adapter = startAdapter(options.env ?? { DATABRICKS_TOKEN: PAT });
  open.push({ server, adapter });
  const config = { host: server.url, http_path: `/sql/1.0/warehouses/${server.state.warehouseId}`, retry: { base_delay_ms: 5 }, ...options.config };
  const init = await adapter.request("initialize", { config, protocol_versions: { min: 1, max: 1 } });
  return { server, adapter, init, config };
}
