import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/**
 * The account part of a key-pair JWT's claims: upper case, without the region and cloud of an account locator
 * ("xy12345.us-east-1" → "XY12345"). https://docs.snowflake.com/en/developer-guide/sql-api/authenticating#using-key-pair-authentication
 */
export function jwtAccount(account: string): string {
  return (account.split(".")[0] ?? account).toUpperCase();
}

/** Reads a PKCS#8 PEM private key (encrypted ones with their passphrase). */
export function loadPrivateKey(pem: string, passphrase?: string): KeyObject {
  return createPrivateKey(passphrase === undefined ? { key: pem, format: "pem" } : { key: pem, format: "pem", passphrase });
}

/** "SHA256:" + base64 of the SHA-256 of the public key's DER (SPKI), as DESCRIBE USER shows RSA_PUBLIC_KEY_FP. */
export function publicKeyFingerprint(privateKey: KeyObject): string {
  const der = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  return `SHA256:${createHash("sha256").update(der).digest("base64")}`;
}

export interface JwtClaimsOptions {
  readonly account: string;
  readonly user: string;
  readonly key: KeyObject;
  readonly fingerprint: string;
  readonly lifetimeSeconds: number;
  readonly nowSeconds: number;
}

/** An RS256 JWT with iss ACCOUNT.USER.SHA256:<fingerprint>, sub ACCOUNT.USER, iat now and exp now + lifetime. */
export async function mintJwt(o: JwtClaimsOptions): Promise<string> {
  // Loaded on first use: the other auth methods do not pay for it at startup.
  const { SignJWT } = await import("jose");
  const qualified = `${jwtAccount(o.account)}.${o.user.toUpperCase()}`;
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(`${qualified}.${o.fingerprint}`)
    .setSubject(qualified)
    .setIssuedAt(o.nowSeconds)
    .setExpirationTime(o.nowSeconds + o.lifetimeSeconds)
    .sign(o.key);
}
