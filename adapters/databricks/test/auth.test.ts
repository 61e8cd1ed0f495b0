import { describe, expect, it } from "vitest";
import { startAdapter } from "./adapter-process.js";
import { databricks, PAT } from "./fixture.js";

const CLIENT_ID = "sp-rocky-ci";
const CLIENT_SECRET = "dose-CLIENT-SECRET-9f8e7d6c5b4a";

/** Nothing the adapter wrote (protocol lines, $/log, stderr) contains the secret. */
function expectNoSecret(adapter: { stdoutLines: string[]; stderr: string }, secret: string): void {
  expect(adapter.stdoutLines.join("\n")).not.toContain(secret);
  expect(adapter.stderr).not.toContain(secret);
}

describe("Databricks adapter: authentication", () => {
  it("uses OAuth M2M client credentials, caches the token, and refreshes it when the warehouse says it expired", async () => {
    const { adapter, server } = await databricks({
      server: { clients: { [CLIENT_ID]: CLIENT_SECRET } },
      config: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
      env: {},
    });
    for (let i = 0; i < 3; i++) await adapter.result("execute_query", { sql: "SELECT 1" });
    expect(server.state.auth.issued).toBe(1);
    server.state.auth.expireAll();
    expect(await adapter.result("execute_query", { sql: "SELECT 2 AS two" })).toMatchObject({ rows: [[2]] });
    expect(server.state.auth.issued).toBe(2);
    expect(server.requests.filter((r) => r === "POST /oidc/v1/token")).toHaveLength(2);
    expect(adapter.logs()[0]?.message).toBe(`Connecting to ${server.url} with OAuth M2M client credentials (client_id "${CLIENT_ID}")`);
    expectNoSecret(adapter, CLIENT_SECRET);
  });

  it("refreshes an OAuth token shortly before it expires, without a 401", async () => {
    const { adapter, server } = await databricks({
      server: { clients: { [CLIENT_ID]: CLIENT_SECRET }, tokenTtlSeconds: 1 },
      env: { DATABRICKS_CLIENT_ID: CLIENT_ID, DATABRICKS_CLIENT_SECRET: CLIENT_SECRET },
    });
    await adapter.result("execute_query", { sql: "SELECT 1" });
    await new Promise((r) => setTimeout(r, 600));
    await adapter.result("execute_query", { sql: "SELECT 1" });
    expect(server.state.auth.issued).toBe(2);
    expect(server.requests.filter((r) => r.startsWith("POST /api/2.0/sql/statements"))).toHaveLength(2);
  });

  it("prefers the token in config to DATABRICKS_TOKEN and to client credentials", async () => {
    const { adapter, server } = await databricks({ config: { token: PAT, client_id: CLIENT_ID, client_secret: CLIENT_SECRET }, env: { DATABRICKS_TOKEN: "dapi-other" } });
    await adapter.result("execute_query", { sql: "SELECT 1" });
    expect(server.requests).not.toContain("POST /oidc/v1/token");
    expect(adapter.logs()[0]?.message).toBe(`Connecting to ${server.url} with personal access token (token in config)`);
  });

  it("rejects a wrong personal access token with -32054 naming the auth method, never the token", async () => {
    const wrong = "dapi-WRONG-TOKEN-00112233445566";
    const { adapter } = await databricks({ env: { DATABRICKS_TOKEN: wrong } });
    const { error } = await adapter.request("execute_query", { sql: "SELECT 1" });
    expect(error).toMatchObject({ code: -32054, data: { code: "INVALID_CONFIG", http_status: 401, provider_code: "UNAUTHENTICATED" } });
    expect(error?.message).toMatch(/^Databricks rejected the credentials \(auth: personal access token \(DATABRICKS_TOKEN\)\): POST \/api\/2\.0\/sql\/statements to Databricks failed with HTTP 401 UNAUTHENTICATED: Invalid access token/);
    expectNoSecret(adapter, wrong);
  });

  it("rejects wrong client credentials at the token endpoint with -32054 naming the client, never the secret", async () => {
    const { adapter, server } = await databricks({
      server: { clients: { [CLIENT_ID]: "the-right-secret" } },
      config: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
      env: {},
    });
    const { error } = await adapter.request("execute_query", { sql: "SELECT 1" });
    expect(error?.code).toBe(-32054);
    expect(error?.message).toBe(
      `Databricks refused the OAuth token request (auth: OAuth M2M client credentials (client_id "${CLIENT_ID}")): POST /oidc/v1/token to Databricks failed with HTTP 401 invalid_client: Client authentication failed; check client_id and client_secret`,
    );
    expect(server.requests.filter((r) => r.startsWith("POST /api/2.0/sql/statements"))).toHaveLength(0);
    expectNoSecret(adapter, CLIENT_SECRET);
  });

  it("refuses to start without credentials, or with credentials over plain http to another host", async () => {
    const none = startAdapter({});
    const missing = await none.request("initialize", { config: { host: "https://adb-1.azuredatabricks.net", http_path: "/sql/1.0/warehouses/abc123" } });
    expect(missing.error).toMatchObject({ code: -32054 });
    expect(missing.error?.message).toBe(
      "No Databricks credentials: set token (or DATABRICKS_TOKEN) for a personal access token, or client_id and client_secret (or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET) for OAuth M2M",
    );
    const plain = await none.request("initialize", { config: { host: "http://example.com", http_path: "/sql/1.0/warehouses/abc123", token: PAT } });
    expect(plain.error?.message).toBe('Invalid host "http://example.com": credentials are only sent over https (plain http only to a loopback address)');
    const badPath = await none.request("initialize", { config: { host: "https://adb-1.azuredatabricks.net", http_path: "/sql/warehouses", token: PAT } });
    expect(badPath.error).toMatchObject({ code: -32054 });
    expect(badPath.error?.message).toContain("http_path");
    await none.stop();
    expectNoSecret(none, PAT);
  });
});
