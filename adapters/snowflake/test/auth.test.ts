import { createPrivateKey } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mintJwt, publicKeyFingerprint } from "../src/auth/key-pair-jwt.js";
import { startAdapterProcess as startAdapter, type AdapterProcess } from "../../../test/support/adapter-process.js";
import { MAIN, rsaKeyPair, SECRETS, startFixture, type Fixture } from "./snowflake-fixture.js";

let f: Fixture;
let adapters: AdapterProcess[] = [];

beforeEach(async () => {
  f = await startFixture();
  adapters = [];
});

afterEach(async () => {
  for (const a of adapters) {
    expect(a.junk).toEqual([]);
    a.kill();
    await a.exited;
  }
  await f.close();
});

async function open(config: object, env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const a = startAdapter(MAIN);
  process.env = saved;
  adapters.push(a);
  await a.initialize(config);
  return a;
}

/** How the server saw the statement requests: token type header and the method it authenticated. */
const statementAuth = () => f.server.ctx.log.filter((e) => e.path.startsWith("/api/v2/statements")).map((e) => [e.tokenType ?? null, e.authMethod ?? null]);

describe("Snowflake adapter authentication", () => {
  it("sends a programmatic access token with token type PROGRAMMATIC_ACCESS_TOKEN", async () => {
    const a = await open(f.config.pat());
    expect(await a.result("execute_query", { sql: "SELECT 1 AS X" })).toMatchObject({ columns: ["X"], rows: [[1]] });
    expect(new Set(statementAuth().map(String))).toEqual(new Set(["PROGRAMMATIC_ACCESS_TOKEN,PROGRAMMATIC_ACCESS_TOKEN"]));
  });

  it("sends an OAuth token with token type OAUTH", async () => {
    const a = await open(f.config.oauth());
    expect(await a.result("execute_query", { sql: "SELECT 2 AS X" })).toMatchObject({ rows: [[2]] });
    expect(new Set(statementAuth().map(String))).toEqual(new Set(["OAUTH,OAUTH"]));
  });

  it("signs a key-pair JWT the server verifies against the registered public key", async () => {
    const a = await open(f.config.keyPair());
    expect(await a.result("execute_query", { sql: "SELECT 3 AS X" })).toMatchObject({ rows: [[3]] });
    expect(new Set(statementAuth().map(String))).toEqual(new Set(["KEYPAIR_JWT,KEYPAIR_JWT"]));
    expect(f.server.ctx.auth.acceptedJwts.length).toBeGreaterThan(0);
    const { iat, exp } = f.server.ctx.auth.acceptedJwts[0] as { iat: number; exp: number };
    expect(exp - iat).toBe(3540);
  });

  it("logs in with a password and sends the session token without a token type", async () => {
    const a = await open(f.config.password());
    expect(await a.result("execute_query", { sql: "SELECT 4 AS X" })).toMatchObject({ rows: [[4]] });
    expect(f.server.ctx.log.filter((e) => e.path.startsWith("/session/v1/login-request")).map((e) => e.status)).toEqual([200]);
    expect(new Set(statementAuth().map(String))).toEqual(new Set([",SESSION"]));
  });

  it("logs in again when the server no longer knows the session (401), and carries on", async () => {
    const a = await open(f.config.password());
    await a.result("execute_query", { sql: "SELECT 1 AS X" });
    f.server.ctx.auth.sessions.clear();
    expect((await a.result("execute_query", { sql: "SELECT 2 AS X" })).rows).toEqual([[2]]);
    expect(f.server.ctx.log.filter((e) => e.path.startsWith("/session/v1/login-request")).map((e) => e.status)).toEqual([200, 200]);
    expect(f.server.ctx.log.filter((e) => e.status === 401)).toHaveLength(1);
  });

  it("tries the programmatic access token first, then the OAuth token, then the key pair, then the password", async () => {
    const all = { ...f.config.password(), private_key_path: f.keyPath, oauth_token: SECRETS.oauth, pat: SECRETS.pat };
    const { pat: _pat, ...noPat } = all;
    const { oauth_token: _oauth, ...noOauth } = noPat;
    const { private_key_path: _key, ...onlyPassword } = noOauth;
    const seen: string[] = [];
    for (const config of [all, noPat, noOauth, onlyPassword]) {
      f.server.ctx.log.length = 0;
      const a = await open(config);
      await a.result("execute_query", { sql: "SELECT 1 AS X" });
      seen.push(String(statementAuth()[0]?.[1]));
    }
    expect(seen).toEqual(["PROGRAMMATIC_ACCESS_TOKEN", "OAUTH", "KEYPAIR_JWT", "SESSION"]);
  });

  it("signs with an inline encrypted PKCS#8 key and its passphrase, and refuses a wrong passphrase at initialize", async () => {
    const { createPrivateKey: load } = await import("node:crypto");
    const encrypted = load(f.privatePem).export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: SECRETS.passphrase }).toString();
    const { private_key_path: _path, ...base } = f.config.keyPair();
    const a = await open({ ...base, private_key: encrypted, private_key_passphrase: SECRETS.passphrase });
    expect((await a.result("execute_query", { sql: "SELECT 5 AS X" })).rows).toEqual([[5]]);
    expect(new Set(statementAuth().map(String))).toEqual(new Set(["KEYPAIR_JWT,KEYPAIR_JWT"]));
    const b = startAdapter(MAIN);
    adapters.push(b);
    const refused = await b.request("initialize", { config: { ...base, private_key: encrypted, private_key_passphrase: "not-the-passphrase" }, protocol_versions: { min: 1, max: 1 } });
    expect(refused.error?.code).toBe(-32054);
    expect(refused.error?.message).toMatch(/^Cannot load the Snowflake private key: /);
    for (const text of [JSON.stringify(a.received), a.stderr, JSON.stringify(b.received), b.stderr]) {
      expect(text).not.toContain(SECRETS.passphrase);
      expect(text).not.toContain(encrypted.split("\n")[1]);
    }
  });

  it("re-mints the key-pair JWT before it expires", async () => {
    const a = await open(f.config.keyPair({ jwt_lifetime_seconds: 2 }));
    await a.result("execute_query", { sql: "SELECT 1 AS X" });
    await new Promise((r) => setTimeout(r, 2200));
    await a.result("execute_query", { sql: "SELECT 1 AS X" });
    const issued = new Set(f.server.ctx.auth.acceptedJwts.map((j) => j.iat));
    expect(issued.size).toBeGreaterThanOrEqual(2);
    expect(f.server.ctx.log.filter((e) => e.status === 401)).toEqual([]);
  });
});

describe("Snowflake test server key-pair checks", () => {
  const send = (token: string) =>
    fetch(`${f.server.url}/api/v2/statements`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-snowflake-authorization-token-type": "KEYPAIR_JWT", "content-type": "application/json" },
      body: JSON.stringify({ statement: "SELECT 1" }),
    }).then(async (r) => [r.status, ((await r.json()) as { message: string }).message]);
  const key = () => createPrivateKey(f.privatePem);
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses an expired token, a wrong account and a wrong fingerprint, and accepts the right one", async () => {
    const k = key();
    const fingerprint = publicKeyFingerprint(k);
    const claims = { account: "testacct", user: "rocky_user", key: k, fingerprint, lifetimeSeconds: 60, nowSeconds: now() };
    expect(await send(await mintJwt(claims))).toEqual([200, "Statement executed successfully."]);
    expect(await send(await mintJwt({ ...claims, nowSeconds: now() - 120 }))).toEqual([401, "JWT token has expired."]);
    expect(await send(await mintJwt({ ...claims, account: "otheracct" }))).toEqual([401, "JWT token is invalid. [account OTHERACCT is not this account]"]);
    const other = createPrivateKey(rsaKeyPair().privatePem);
    expect(await send(await mintJwt({ ...claims, key: other, fingerprint: publicKeyFingerprint(other) }))).toEqual([401, "JWT token is invalid. [public key fingerprint does not match]"]);
    expect(await send(await mintJwt({ ...claims, key: other }))).toEqual([401, "JWT token is invalid. [signature does not verify]"]);
    expect(await send(await mintJwt({ ...claims, lifetimeSeconds: 7200 }))).toEqual([401, "JWT token is invalid. [lifetime over one hour]"]);
  });
});

describe("Snowflake adapter rejected credentials", () => {
  const failing = async (config: object) => {
    const a = await open(config, { ROCKY_ADAPTER_DEBUG: "1" });
    const answer = await a.request("execute_query", { sql: "SELECT 1 AS X" });
    await a.stop();
    return { error: answer.error, a };
  };

  it("names the method tried and never shows a secret", async () => {
    const other = rsaKeyPair();
    const { writeFileSync } = await import("node:fs");
    const wrongKey = `${f.dir}/wrong.p8`;
    writeFileSync(wrongKey, other.privatePem);
    const cases: Array<[object, RegExp, string[]]> = [
      [f.config.pat({ pat: `${SECRETS.pat}-revoked` }), /^Snowflake rejected the credentials \(auth method: programmatic access token\): 394400 Programmatic access token is invalid\.$/, [SECRETS.pat]],
      [f.config.oauth({ oauth_token: `${SECRETS.oauth}-old` }), /^Snowflake rejected the credentials \(auth method: OAuth token\): 390303 Invalid OAuth access token\.$/, [SECRETS.oauth]],
      [f.config.keyPair({ private_key_path: wrongKey }), /^Snowflake rejected the credentials \(auth method: key-pair JWT \(user ROCKY_USER, account TESTACCT, key SHA256:.*\)\): 390144 JWT token is invalid\. \[public key fingerprint does not match\]$/, [other.privatePem]],
      [f.config.password({ password: `${SECRETS.password}-wrong` }), /^Snowflake rejected password login for user "rocky_user": 390100 Incorrect username or password was specified\.$/, [SECRETS.password]],
    ];
    for (const [config, message, secrets] of cases) {
      const { error, a } = await failing(config);
      expect(error?.message).toMatch(message);
      expect(error?.code).toBe(-32054);
      const everything = [JSON.stringify(a.received), a.stderr, ...a.junk].join("\n");
      for (const s of secrets) expect(everything).not.toContain(s.slice(0, 40));
      for (const s of Object.values(SECRETS)) expect(everything).not.toContain(s);
    }
  });
});
