import { randomBytes } from "node:crypto";

/** Who may call the server: personal access tokens, and OAuth M2M clients whose tokens expire. */
export class AuthState {
  readonly pats = new Set<string>();
  readonly clients = new Map<string, string>();
  private readonly tokens = new Map<string, number>();
  /** Lifetime of issued OAuth tokens, in seconds. */
  ttlSeconds = 3600;
  issued = 0;

  /** Issues an OAuth access token for a client whose secret matches; undefined otherwise. */
  issue(clientId: string, clientSecret: string): { token: string; expiresIn: number } | undefined {
    if (this.clients.get(clientId) !== clientSecret) return undefined;
    const token = `dbx-oauth-${randomBytes(12).toString("hex")}`;
    this.tokens.set(token, Date.now() + this.ttlSeconds * 1000);
    this.issued++;
    return { token, expiresIn: this.ttlSeconds };
  }

  /** "ok", or why the bearer token is refused. */
  check(authorization: string | undefined): "ok" | "missing" | "invalid" | "expired" {
    const m = /^Bearer (.+)$/.exec(authorization ?? "");
    if (!m?.[1]) return "missing";
    if (this.pats.has(m[1])) return "ok";
    const expires = this.tokens.get(m[1]);
    if (expires === undefined) return "invalid";
    return Date.now() < expires ? "ok" : "expired";
  }

  /** Every OAuth token issued so far expires now (a token that outlived its hour mid-run). */
  expireAll(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }
}
