import { registerSecret } from "../redact.js";

type SchemaNode = { readonly writeOnly?: unknown; readonly secret?: unknown; readonly "x-secret"?: unknown; readonly properties?: Record<string, SchemaNode> };

const isSecret = (node: SchemaNode) => node.writeOnly === true || node.secret === true || node["x-secret"] === true;

/**
 * Registers for redaction every config value under a key the adapter's config_schema marks secret (`writeOnly: true`,
 * or a `secret` / `x-secret` annotation), nested objects included.
 */
export function registerSchemaSecrets(schema: unknown, config: unknown): void {
  const node = schema as SchemaNode | null;
  if (!node || typeof node !== "object" || !config || typeof config !== "object") return;
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const value = (config as Record<string, unknown>)[key];
    if (value === undefined || child === null || typeof child !== "object") continue;
    if (isSecret(child)) {
      if (typeof value === "string" || typeof value === "number") registerSecret(String(value));
      else registerAll(value);
    } else registerSchemaSecrets(child, value);
  }
}

function registerAll(value: unknown): void {
  if (typeof value === "string") registerSecret(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) registerAll(v);
}
