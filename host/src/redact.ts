/**
 * Values that must never be shown or stored: what `${VAR}` put into an adapter's command or config, and config
 * values under keys the adapter's config_schema marks secret. Process-wide, because every sink (stdout, stderr,
 * the log, the state store) must apply the same list, however the value travelled there.
 */
const secrets = new Set<string>();
let pattern: RegExp | undefined;

export const REDACTED = "[redacted]";
/** The shortest leading part of a secret still redacted where a message was cut off. */
const MIN_CUT = 6;

/** Too short or too common to be a secret: redacting them would mangle every line (`1`, `true`). */
function isRedactable(value: string): boolean {
  return value.length >= 4 && !/^(true|false|null|\d+)$/i.test(value);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function registerSecret(value: string): void {
  if (!isRedactable(value) || secrets.has(value)) return;
  secrets.add(value);
  // Each as written, and as it appears inside a JSON string; longest first, so a secret containing another goes whole.
  const all = [...new Set([...secrets].flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))].sort((a, b) => b.length - a.length);
  // A message cut short (`…`, end of line or string) may end in the first part of a secret: that part goes too.
  const cut = all.flatMap((s) => Array.from({ length: Math.max(0, s.length - MIN_CUT) }, (_, i) => s.slice(0, s.length - 1 - i)));
  const whole = all.map(escapeRegExp).join("|");
  const partial = cut.map(escapeRegExp).join("|");
  pattern = new RegExp(partial ? `${whole}|(?:${partial})(?=…|\\.\\.\\.|"|\\n|$)` : whole, "gm");
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
