// Starts the local Databricks server for a person to try:
//   npx tsx adapters/databricks/test/server/main.ts [--port 8123] [--database warehouse.duckdb] [--token dapi-local]
// then point [adapter.dbx] at host = "http://127.0.0.1:8123", http_path = "/sql/1.0/warehouses/abcdef0123456789".
import { parseArgs } from "node:util";
import { startDatabricksServer } from "./databricks-server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8123" },
    database: { type: "string" },
    "catalogs-dir": { type: "string" },
    token: { type: "string", default: "dapi-local-token" },
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    "chunk-rows": { type: "string" },
  },
});
const server = await startDatabricksServer({
  port: Number(values.port),
  pats: [values.token],
  ...(values.database ? { database: values.database } : {}),
  ...(values["catalogs-dir"] ? { catalogsDir: values["catalogs-dir"] } : {}),
  ...(values["client-id"] && values["client-secret"] ? { clients: { [values["client-id"]]: values["client-secret"] } } : {}),
  ...(values["chunk-rows"] ? { chunkRows: Number(values["chunk-rows"]) } : {}),
});
process.stderr.write(`Local Databricks server on ${server.url} (warehouse ${server.state.warehouseId}); Ctrl-C stops it\n`);
process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
