/** Replaces every known secret in a text; built once from the config, applied on every error and log path. */
export interface Redactor {
  redact(text: string): string;
  /** A deep copy of a JSON-like value with every string redacted. */
  redactValue<T>(value: T): T;
}

/** Secrets shorter than this are not redacted: replacing every "a" would destroy the message and hide nothing. */
export const MIN_SECRET_LENGTH = 4;
export const REDACTED = "[REDACTED]";

/**
 * A redactor for the given secret values (undefined and short ones ignored), also matching their URL-encoded and
 * base64 forms, which is how a secret appears in a query string, a form body or a Basic authorization header.
 */
export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(Buffer.from(secret).toString("base64").replace(/=+$/, ""));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  const pattern = ordered.length === 0 ? undefined : new RegExp(ordered.map(escapeRegExp).join("|"), "g");
  const redact = (text: string) => (pattern ? text.replace(pattern, REDACTED) : text);
  const redactValue = <T>(value: T): T => deepMap(value, redact) as T;
  return { redact, redactValue };
}

/** One-off redaction of `text` (prefer a redactor built once). */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  return createRedactor(secrets).redact(text);
}

/**
 * The values of a config that its JSON Schema marks `writeOnly: true` (top-level properties and nested objects),
 * plus the extra values given (secrets read from the environment).
 */
export function configSecrets(config: unknown, schema: unknown, extra: Iterable<string | undefined> = []): string[] {
  const found: string[] = [...extra].filter((v): v is string => typeof v === "string");
  collect(config, schema, found);
  return found;
}

function collect(value: unknown, schema: unknown, found: string[]): void {
  if (!isObject(value) || !isObject(schema) || !isObject(schema.properties)) return;
  for (const [key, propertySchema] of Object.entries(schema.properties)) {
    const v = value[key];
    if (isObject(propertySchema) && propertySchema.writeOnly === true && typeof v === "string") found.push(v);
    else collect(v, propertySchema, found);
  }
}

function deepMap(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, redact));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, redact)]));
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
