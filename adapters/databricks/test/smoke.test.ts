import { afterEach, describe, expect, it } from "vitest";
import { startDatabricksServer, type DatabricksServer } from "./server/databricks-server.js";
import { startAdapter, type AdapterProcess } from "./adapter-process.js";

let server: DatabricksServer | undefined;
let adapter: AdapterProcess | undefined;
afterEach(async () => {
  await adapter?.stop();
  await server?.close();
});

describe("smoke", () => {
  it("runs", async () => {
    server = await startDatabricksServer({ pats: ["dapi-secret-1234"], chunkRows: 2 });
    adapter = startAdapter({ DATABRICKS_TOKEN: "dapi-secret-1234" });
    await adapter.initialize({ host: server.url, http_path: `/sql/1.0/warehouses/${server.state.warehouseId}` });
    console.log(await adapter.request("execute_statement", { sql: "CREATE TABLE t (a INT, b STRING, ts TIMESTAMP)" }));
    console.log(JSON.stringify(await adapter.request("execute_statement", { sql: "INSERT INTO t VALUES (?, ?, CAST(? AS TIMESTAMP)), (2, 'x', NULL), (3, 'it''s', NULL)", params: [1, "a?b", "2024-01-01 10:00:00"] })));
    console.log(JSON.stringify(await adapter.request("execute_query", { sql: "SELECT * FROM t ORDER BY a" })));
    console.log(JSON.stringify(await adapter.request("describe_table", { catalog: "", schema: "main", table: "t" })));
    console.log(JSON.stringify(await adapter.request("discovery/list", {})));
    console.log(JSON.stringify(await adapter.request("execute_query", { sql: "SELEC 1" })));
    console.log(adapter.stderr, server.requests);
  });
});
