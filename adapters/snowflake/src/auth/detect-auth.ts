import { readFileSync } from "node:fs";
import { AdapterServerError, ErrorCodes } from "@rocky/protocol";
import { TokenCache, type AuthProvider, type HttpClient } from "@rocky/adapter-kit";
import type { SnowflakeConfig } from "../manifest.js";
import { jwtAccount, loadPrivateKey, mintJwt, publicKeyFingerprint } from "./key-pair-jwt.js";

/** An auth provider, with the secrets it derives (tokens it issues go to `onSecret` as they appear). */
export interface SnowflakeAuth extends AuthProvider {
  /** Key names in rocky.toml that selected the method, for error hints. */
  readonly keys: string;
}

export interface DetectAuthOptions {
  readonly config: SnowflakeConfig;
  /** For the password login (sent without auth). */
  readonly http: () => HttpClient;
  /** Called with every secret derived at run time (a private key's PEM, a JWT, a session token). */
  readonly onSecret: (secret: string) => void;
  readonly now?: () => number;
}

/**
 * The first method the config supplies, in the original Rocky's order: programmatic access token, OAuth token,
 * key-pair JWT, password. Headers per https://docs.snowflake.com/en/developer-guide/sql-api/authenticating :
 * `Authorization: Bearer <token>` with `X-Snowflake-Authorization-Token-Type` PROGRAMMATIC_ACCESS_TOKEN, OAUTH or
 * KEYPAIR_JWT. A password logs in (POST /session/v1/login-request) and sends the session token as
 * `Authorization: Snowflake Token="<token>"`, which has no token-type header.
 */
export function detectAuth(o: DetectAuthOptions): SnowflakeAuth {
  const c = o.config;
  if (c.pat) return bearer("programmatic access token", "pat", c.pat, "PROGRAMMATIC_ACCESS_TOKEN");
  if (c.oauth_token) return bearer("OAuth token", "oauth_token", c.oauth_token, "OAUTH");
  if (c.private_key_path !== undefined || c.private_key !== undefined) return keyPair(o);
  if (c.password !== undefined) return password(o);
  throw new AdapterServerError(ErrorCodes.InvalidConfig, "Snowflake adapter config has no credentials", {
    code: "INVALID_CONFIG",
    hint: "Set one of pat, oauth_token, private_key_path (with username) or password (with username)",
  });
}

function bearer(method: string, keys: string, token: string, type: string): SnowflakeAuth {
  return {
    method,
    keys,
    headers: () => Promise.resolve({ authorization: `Bearer ${token}`, "x-snowflake-authorization-token-type": type }),
    invalidate: () => undefined,
  };
}

function requireUser(c: SnowflakeConfig, method: string): string {
  if (c.username) return c.username;
  throw new AdapterServerError(ErrorCodes.InvalidConfig, `Snowflake ${method} needs "username" in the adapter config`, { code: "INVALID_CONFIG" });
}

function keyPair(o: DetectAuthOptions): SnowflakeAuth {
  const c = o.config;
  const method = "key-pair JWT";
  const user = requireUser(c, method);
  let pem = c.private_key;
  if (pem === undefined) {
    try {
      pem = readFileSync(c.private_key_path as string, "utf8");
    } catch (error) {
      throw new AdapterServerError(ErrorCodes.InvalidConfig, `Cannot read Snowflake private_key_path "${c.private_key_path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        code: "INVALID_CONFIG",
      });
    }
  }
  o.onSecret(pem);
  let key;
  try {
    key = loadPrivateKey(pem, c.private_key_passphrase);
  } catch (error) {
    throw new AdapterServerError(ErrorCodes.InvalidConfig, `Cannot load the Snowflake private key${c.private_key_path ? ` "${c.private_key_path}"` : ""}: ${(error as Error).message}`, {
      code: "INVALID_CONFIG",
      hint: "Give an unencrypted PKCS#8 PEM key, or an encrypted one with private_key_passphrase",
    });
  }
  const fingerprint = publicKeyFingerprint(key);
  const lifetimeSeconds = c.jwt_lifetime_seconds ?? 3540;
  const now = o.now ?? Date.now;
  const cache = new TokenCache({
    now,
    refreshSlackMs: 60_000,
    issue: async () => {
      const token = await mintJwt({ account: c.account, user, key, fingerprint, lifetimeSeconds, nowSeconds: Math.floor(now() / 1000) });
      o.onSecret(token);
      return { token, expiresInSeconds: lifetimeSeconds };
    },
  });
  return {
    method: `${method} (user ${user.toUpperCase()}, account ${jwtAccount(c.account)}, key ${fingerprint})`,
    keys: c.private_key_path ? "private_key_path" : "private_key",
    headers: async (signal) => ({ authorization: `Bearer ${await cache.get(signal)}`, "x-snowflake-authorization-token-type": "KEYPAIR_JWT" }),
    invalidate: () => cache.invalidate(),
  };
}

interface LoginResponse {
  readonly success?: boolean;
  readonly code?: string | null;
  readonly message?: string | null;
  readonly data?: { token?: string; validityInSeconds?: number } | null;
}

function password(o: DetectAuthOptions): SnowflakeAuth {
  const c = o.config;
  const method = "password";
  const user = requireUser(c, method);
  // A rejected password is not tried again: repeated failed logins can lock the user out.
  let rejected: AdapterServerError | undefined;
  const cache = new TokenCache({
    ...(o.now ? { now: o.now } : {}),
    issue: async (signal) => {
      if (rejected) throw rejected;
      const query = { warehouse: c.warehouse, databaseName: c.database, schemaName: c.schema, roleName: c.role };
      const { body } = await o.http().request<LoginResponse>({
        method: "POST",
        path: "/session/v1/login-request",
        query,
        noAuth: true,
        json: { data: { ACCOUNT_NAME: jwtAccount(c.account), LOGIN_NAME: user, PASSWORD: c.password, CLIENT_APP_ID: "rocky", CLIENT_APP_VERSION: "0.1.0" } },
        ...(signal ? { signal } : {}),
      });
      const token = body?.data?.token;
      if (!body?.success || !token) {
        throw (rejected = new AdapterServerError(ErrorCodes.InvalidConfig, `Snowflake rejected password login for user "${user}": ${body?.code ?? "no code"} ${body?.message ?? "no message"}`, {
          code: "AUTH_FAILED",
          auth_method: method,
          provider_code: body?.code ?? null,
        }));
      }
      o.onSecret(token);
      return { token, expiresInSeconds: body.data?.validityInSeconds ?? 3600 };
    },
  });
  return {
    method: `password (user ${user})`,
    keys: "username and password",
    headers: async (signal) => ({ authorization: `Snowflake Token="${await cache.get(signal)}"` }),
    invalidate: () => cache.invalidate(),
  };
}
