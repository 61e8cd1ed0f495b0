import { createHash } from "node:crypto";

/** JSON with object keys sorted, so equal questions give equal keys whatever order their fields were written in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** `<prefix>v1:<kind>:<sha256>`: the question (which may hold credentials) never appears in the key itself. */
export function cacheKey(prefix: string, kind: string, question: unknown): string {
  return `${prefix}v1:${kind}:${createHash("sha256").update(stableJson(question)).digest("hex")}`;
}
