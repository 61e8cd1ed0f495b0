import { TokenCache, type AuthProvider, type HttpClient } from "@rocky/adapter-kit";
import { AdapterServerError, ErrorCodes } from "@rocky/protocol";
import type { DatabricksConfig } from "./manifest.js";

/** The credentials found, in the order the adapter looks: `token`, DATABRICKS_TOKEN, then OAuth M2M client credentials. */
export type Credentials =
  | { readonly kind: "pat"; readonly token: string; readonly source: "config" | "env" }
  | { readonly kind: "oauth_m2m"; readonly clientId: string; readonly clientSecret: string };

export function findCredentials(config: DatabricksConfig, env: NodeJS.ProcessEnv): Credentials {
  if (config.token) return { kind: "pat", token: config.token, source: "config" };
  if (env.DATABRICKS_TOKEN) return { kind: "pat", token: env.DATABRICKS_TOKEN, source: "env" };
  const clientId = config.client_id ?? env.DATABRICKS_CLIENT_ID;
  const clientSecret = config.client_secret ?? env.DATABRICKS_CLIENT_SECRET;
  if (clientId && clientSecret) return { kind: "oauth_m2m", clientId, clientSecret };
  throw new AdapterServerError(
    ErrorCodes.InvalidConfig,
    clientId
      ? `No client secret for OAuth M2M client "${clientId}": neither client_secret nor DATABRICKS_CLIENT_SECRET is set`
      : "No Databricks credentials: set token (or DATABRICKS_TOKEN) for a personal access token, or client_id and client_secret (or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET) for OAuth M2M",
    { code: "INVALID_CONFIG" },
  );
}

/** Names the auth method in messages, never the secret. */
export function describeCredentials(c: Credentials): string {
  if (c.kind === "pat") return `personal access token (${c.source === "config" ? "token in config" : "DATABRICKS_TOKEN"})`;
  return `OAuth M2M client credentials (client_id "${c.clientId}")`;
}

interface TokenResponse {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
}

/**
 * The bearer token of every call. OAuth M2M: `POST /oidc/v1/token` with the client credentials in HTTP Basic auth and
 * `grant_type=client_credentials&scope=all-apis` (https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html),
 * cached until a minute before `expires_in`; `invalidate()` (on 401/403) drops it.
 */
export function createAuthProvider(credentials: Credentials, tokenClient: () => HttpClient): AuthProvider {
  const method = describeCredentials(credentials);
  if (credentials.kind === "pat") {
    const headers = { authorization: `Bearer ${credentials.token}` };
    return { method, headers: async () => headers, invalidate: () => undefined };
  }
  const basic = Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`).toString("base64");
  const cache = new TokenCache({
    issue: async (signal) => {
      const response = await tokenClient().request<TokenResponse>({
        method: "POST",
        path: "/oidc/v1/token",
        form: { grant_type: "client_credentials", scope: "all-apis" },
        headers: { authorization: `Basic ${basic}` },
        noAuth: true,
        ...(signal ? { signal } : {}),
      });
      const { access_token: token, expires_in: expires } = response.body;
      if (typeof token !== "string" || token === "") throw new Error("The token endpoint answered without an access_token");
      return { token, expiresInSeconds: typeof expires === "number" ? expires : undefined };
    },
  });
  return {
    method,
    headers: async (signal) => ({ authorization: `Bearer ${await cache.get(signal)}` }),
    invalidate: () => cache.invalidate(),
  };
}
