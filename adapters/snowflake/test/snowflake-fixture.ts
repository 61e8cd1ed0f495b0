import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSnowflakeServer, type SnowflakeServer, type SnowflakeServerOptions } from "./server/snowflake-server.js";

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

/** Recognisable secrets: no test output, log or error may contain them. */
export const SECRETS = {
  pat: "PAT-SECRET-7f3a9c21e4",
  oauth: "OAUTH-SECRET-b81d55f0c2",
  password: "PASSWORD-SECRET-2e9f4a7d13",
  passphrase: "PASSPHRASE-SECRET-61c0d9",
} as const;

export const USER = "ROCKY_USER";

export function rsaKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

export interface Fixture {
  readonly server: SnowflakeServer;
  readonly dir: string;
  /** A key registered for the user, written to `<dir>/rsa_key.p8`. */
  readonly keyPath: string;
  readonly privatePem: string;
  /** Adapter configs per auth method, pointing at the server. */
  readonly config: {
    pat(extra?: object): Record<string, unknown>;
    oauth(extra?: object): Record<string, unknown>;
    keyPair(extra?: object): Record<string, unknown>;
    password(extra?: object): Record<string, unknown>;
  };
  /** Runs SQL on the server as the user (PAT); resolves with the data rows as Snowflake sends them. */
  sql(statement: string): Promise<(string | null)[][]>;
  close(): Promise<void>;
}

/** The test server with one user holding every kind of credential, and adapter configs for each. */
export async function startFixture(options: Partial<SnowflakeServerOptions> = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), "rocky-snowflake-"));
  const key = rsaKeyPair();
  const keyPath = join(dir, "rsa_key.p8");
  writeFileSync(keyPath, key.privatePem);
  const server = await startSnowflakeServer({
    syncWaitMs: 1000,
    ...options,
    users: options.users ?? [
      { name: USER, password: SECRETS.password, publicKeyPem: key.publicPem, programmaticAccessTokens: [SECRETS.pat], oauthTokens: [SECRETS.oauth] },
    ],
  });
  const base = { account: "testacct", base_url: server.url, warehouse: "ROCKY_WH", max_attempts: 4 };
  return {
    server,
    dir,
    keyPath,
    privatePem: key.privatePem,
    config: {
      pat: (extra = {}) => ({ ...base, pat: SECRETS.pat, ...extra }),
      oauth: (extra = {}) => ({ ...base, oauth_token: SECRETS.oauth, ...extra }),
      keyPair: (extra = {}) => ({ ...base, username: "rocky_user", private_key_path: keyPath, ...extra }),
      password: (extra = {}) => ({ ...base, username: "rocky_user", password: SECRETS.password, ...extra }),
    },
    async sql(statement) {
      const r = await fetch(`${server.url}/api/v2/statements`, {
        method: "POST",
        headers: { authorization: `Bearer ${SECRETS.pat}`, "x-snowflake-authorization-token-type": "PROGRAMMATIC_ACCESS_TOKEN", "content-type": "application/json" },
        body: JSON.stringify({ statement }),
      });
      const body = (await r.json()) as { data?: (string | null)[][]; message?: string };
      if (r.status !== 200) throw new Error(`${statement}: HTTP ${r.status} ${body.message}`);
      return body.data ?? [];
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
