/**
 * Values that must never be shown or stored: what `${VAR}` put into an adapter's command or config, and config
 * values under keys the adapter's config_schema marks secret. Process-wide, because every sink (stdout, stderr,
 * the log, the state store) must apply the same list, however the value travelled there.
 */
const secrets = new Set<string>();
let pattern: RegExp | undefined;

export const REDACTED = "[redacted]";

/** Too short or too common to be a secret: redacting them would mangle every line (`1`, `true`). */
function isRedactable(value: string): boolean {
  return value.length >= 4 && !/^(true|false|null|\d+)$/i.test(value);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function registerSecret(value: string): void {
  if (!isRedactable(value) || secrets.has(value)) return;
  secrets.add(value);
  // Each as written, and as it appears inside a JSON string; longest first, so a secret containing another goes whole.
  const all = [...secrets].flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  pattern = new RegExp([...new Set(all)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g");
}

/** Test hook: forget every registered secret. */
export function clearSecrets(): void {
  secrets.clear();
  pattern = undefined;
}

export function redact(text: string): string {
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/** Every string inside `value` redacted; the same object when there is nothing to redact. */
export function redactDeep<T>(value: T): T {
  if (!pattern) return value;
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}
