import { createHash, createPublicKey, randomUUID, type KeyObject } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";

/** A user of the test account and the credentials registered for it. */
export interface TestUser {
  readonly name: string;
  readonly password?: string;
  /** PEM of the RSA public key set with ALTER USER ... SET RSA_PUBLIC_KEY. */
  readonly publicKeyPem?: string;
  readonly programmaticAccessTokens?: readonly string[];
  readonly oauthTokens?: readonly string[];
}

export type AuthMethod = "KEYPAIR_JWT" | "OAUTH" | "PROGRAMMATIC_ACCESS_TOKEN" | "SESSION";

export interface AuthOutcome {
  readonly ok: boolean;
  readonly method?: AuthMethod;
  readonly user?: string;
  /** Snowflake's code and message on refusal. */
  readonly code?: string;
  readonly message?: string;
}

/**
 * What the server accepts, per https://docs.snowflake.com/en/developer-guide/sql-api/authenticating :
 * `Authorization: Bearer <token>` with `X-Snowflake-Authorization-Token-Type` KEYPAIR_JWT, OAUTH (the default when
 * absent) or PROGRAMMATIC_ACCESS_TOKEN; a key-pair JWT is RS256 with iss ACCOUNT.USER.SHA256:<fingerprint>, sub
 * ACCOUNT.USER and a lifetime of at most one hour (https://docs.snowflake.com/en/user-guide/key-pair-auth#verify-the-user-s-public-key-fingerprint).
 * Sessions from the login request use `Authorization: Snowflake Token="<token>"`.
 */
export class Authenticator {
  private readonly keys = new Map<string, { key: KeyObject; fingerprint: string }>();
  readonly sessions = new Map<string, { user: string; expiresAt: number }>();
  /** Every key-pair JWT accepted, in order (tests count re-mints). */
  readonly acceptedJwts: Array<{ iat: number; exp: number }> = [];

  constructor(
    readonly account: string,
    readonly users: readonly TestUser[],
    private readonly sessionValiditySeconds: number,
  ) {
    for (const u of users) {
      if (!u.publicKeyPem) continue;
      const key = createPublicKey(u.publicKeyPem);
      const fingerprint = `SHA256:${createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("base64")}`;
      this.keys.set(u.name.toUpperCase(), { key, fingerprint });
    }
  }

  async check(req: IncomingMessage): Promise<AuthOutcome> {
    const authorization = req.headers.authorization ?? "";
    const session = /^Snowflake Token="([^"]+)"$/.exec(authorization);
    if (session) {
      const s = this.sessions.get(session[1] as string);
      if (!s) return refuse("390104", "Invalid session token.");
      if (Date.now() >= s.expiresAt) return refuse("390112", "Your session has expired. Please login again.");
      return { ok: true, method: "SESSION", user: s.user };
    }
    const bearer = /^Bearer (\S+)$/.exec(authorization);
    if (!bearer) return refuse("390101", "Authorization header is missing or malformed.");
    const token = bearer[1] as string;
    const type = String(req.headers["x-snowflake-authorization-token-type"] ?? "OAUTH").toUpperCase();
    if (type === "KEYPAIR_JWT") return this.checkJwt(token);
    if (type === "OAUTH") {
      const user = this.users.find((u) => u.oauthTokens?.includes(token));
      return user ? { ok: true, method: "OAUTH", user: user.name } : refuse("390303", "Invalid OAuth access token.");
    }
    if (type === "PROGRAMMATIC_ACCESS_TOKEN") {
      const user = this.users.find((u) => u.programmaticAccessTokens?.includes(token));
      return user ? { ok: true, method: "PROGRAMMATIC_ACCESS_TOKEN", user: user.name } : refuse("394400", "Programmatic access token is invalid.");
    }
    return refuse("390100", `Unsupported authorization token type ${JSON.stringify(type)}.`);
  }

  private async checkJwt(token: string): Promise<AuthOutcome> {
    let iss: string;
    let sub: string;
    try {
      if (decodeProtectedHeader(token).alg !== "RS256") return refuse("390144", "JWT token is invalid. [alg must be RS256]");
      const payload = decodeJwt(token);
      iss = String(payload.iss ?? "");
      sub = String(payload.sub ?? "");
    } catch {
      return refuse("390144", "JWT token is invalid. [not a JWT]");
    }
    const m = /^([^.]+)\.([^.]+)\.(SHA256:.+)$/.exec(iss);
    if (!m) return refuse("390144", "JWT token is invalid. [iss must be ACCOUNT.USER.SHA256:fingerprint]");
    const [, account, user, fingerprint] = m as unknown as [string, string, string, string];
    if (account !== this.account) return refuse("390144", `JWT token is invalid. [account ${account} is not this account]`);
    if (sub !== `${account}.${user}`) return refuse("390144", "JWT token is invalid. [sub must be ACCOUNT.USER]");
    const registered = this.keys.get(user);
    if (!registered) return refuse("390144", "JWT token is invalid. [no public key registered for the user]");
    if (registered.fingerprint !== fingerprint) return refuse("390144", "JWT token is invalid. [public key fingerprint does not match]");
    try {
      const { payload } = await jwtVerify(token, registered.key, { algorithms: ["RS256"], clockTolerance: 0 });
      const iat = Number(payload.iat);
      const exp = Number(payload.exp);
      if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp - iat > 3600) return refuse("390144", "JWT token is invalid. [lifetime over one hour]");
      this.acceptedJwts.push({ iat, exp });
      return { ok: true, method: "KEYPAIR_JWT", user };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return refuse("390318", "JWT token has expired.");
      return refuse("390144", "JWT token is invalid. [signature does not verify]");
    }
  }

  /** The login request: user name and password give a session token (https://docs.snowflake.com/en/developer-guide/sql-api/authenticating). */
  login(account: string, user: string, password: string): { token: string; validityInSeconds: number } | undefined {
    if (account.toUpperCase() !== this.account) return undefined;
    const u = this.users.find((x) => x.name.toUpperCase() === user.toUpperCase());
    if (!u?.password || u.password !== password) return undefined;
    const token = `ver:1-hint:${randomUUID()}`;
    this.sessions.set(token, { user: u.name, expiresAt: Date.now() + this.sessionValiditySeconds * 1000 });
    return { token, validityInSeconds: this.sessionValiditySeconds };
  }
}

function refuse(code: string, message: string): AuthOutcome {
  return { ok: false, code, message };
}
