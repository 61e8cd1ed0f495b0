import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { SCHEMAS } from "@rocky/protocol";
import { closestMatch } from "./closest-match.js";
import { formatKeyPath, type KeyPath } from "./locate-key.js";

/** One thing wrong with rocky.toml, as data; reported together with the others. */
export interface ConfigProblem {
  readonly path: KeyPath;
  readonly message: string;
  readonly hint?: string;
}

type Schema = Record<string, unknown>;

const ROOT = SCHEMAS["rocky.schema.json"] as Schema;
let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, discriminator: true, verbose: true }).compile(ROOT);
  return compiled;
}

function resolveRef(schema: unknown): Schema {
  const s = (schema ?? {}) as Schema;
  const ref = s.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return s;
  return ((ROOT.$defs as Schema)[ref.slice("#/$defs/".length)] ?? {}) as Schema;
}

function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, "/").replace(/~0/g, "~")));
}

function section(path: KeyPath): string {
  return path.length === 0 ? "the top level" : `[${formatKeyPath(path)}]`;
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : `${Array.isArray(value) ? "array" : value === null ? "null" : typeof value} ${JSON.stringify(value)}`;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describe(schema: unknown): string | undefined {
  const d = resolveRef(schema).description;
  return typeof d === "string" ? d : undefined;
}

function propertyNames(schema: unknown): string[] {
  return Object.keys((resolveRef(schema).properties ?? {}) as Schema);
}

function toProblem(e: ErrorObject, siblings: readonly ErrorObject[]): ConfigProblem | undefined {
  const path = parsePointer(e.instancePath);
  const key = `"${formatKeyPath(path)}"`;
  const description = describe(e.parentSchema);
  const withHint = (message: string, hint: string | undefined): ConfigProblem => (hint ? { path, message, hint } : { path, message });
  switch (e.keyword) {
    // if/then (a check's fields per type): the "required" error beside it names what is missing.
    case "if":
      return undefined;
    case "additionalProperties": {
      const unknown = String(e.params.additionalProperty);
      const allowed = propertyNames(e.parentSchema);
      const suggestion = closestMatch(unknown, allowed);
      return {
        path: [...path, unknown],
        message: `Unknown key "${unknown}" in ${section(path)}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : `Allowed keys: ${allowed.join(", ")}`,
      };
    }
    case "required": {
      const missing = String(e.params.missingProperty);
      const about = describe(((resolveRef(e.parentSchema).properties ?? {}) as Schema)[missing]);
      return withHint(`Missing key "${missing}" in ${section(path)}`, `Add ${missing} = ...${about ? ` (${about})` : ""}`);
    }
    case "discriminator": {
      if (e.params.error === "tag" && siblings.some((s) => s.keyword === "required" && s.instancePath === e.instancePath)) return undefined;
      const types = ((resolveRef(e.parentSchema).oneOf ?? []) as unknown[]).map((b) => ((resolveRef(b).properties as Schema).type as Schema).const as string);
      const got = e.params.tagValue;
      const suggestion = typeof got === "string" ? closestMatch(got, types) : undefined;
      return {
        path: [...path, "type"],
        message: `${section(path)} has type ${shown(got)}; expected one of ${types.map((t) => `"${t}"`).join(", ")}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : `Set type = "${types[0]}"`,
      };
    }
    case "enum": {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof e.data === "string" ? closestMatch(e.data, allowed) : undefined;
      return withHint(
        `Invalid value ${shown(e.data)} for ${key}: expected one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
        suggestion ? `Did you mean "${suggestion}"?` : description,
      );
    }
    case "oneOf": {
      const allowed = siblings.filter((s) => s.keyword === "enum" && s.instancePath === e.instancePath).flatMap((s) => (s.params.allowedValues as unknown[]).map(String));
      const suggestion = typeof e.data === "string" ? closestMatch(e.data, allowed) : undefined;
      return withHint(`Invalid value ${shown(e.data)} for ${key}`, [suggestion ? `Did you mean "${suggestion}"?` : undefined, description].filter(Boolean).join(" ") || undefined);
    }
    case "type":
      return withHint(`Invalid value ${shown(e.data)} for ${key}: expected ${String(e.params.type).replace(",", " or ")}`, description);
    case "propertyNames":
      return withHint(`Invalid name "${String(e.params.propertyName)}" in ${section(path)}`, "Names may contain only letters, digits, \"_\" and \"-\"");
    case "pattern":
      if (e.schemaPath.endsWith("/propertyNames/pattern")) return undefined;
      return withHint(`Invalid value ${shown(e.data)} for ${key}: must match ${String(e.params.pattern)}`, description ?? "Identifiers may contain only letters, digits and underscores");
    default:
      return withHint(`Invalid value ${shown(e.data)} for ${key}: ${e.message ?? "is invalid"}`, description);
  }
}

/** Validates parsed rocky.toml against schemas/config/rocky.schema.json; returns the problems, empty when valid. */
export function validateConfig(doc: unknown): ConfigProblem[] {
  const fn = validator();
  if (fn(doc)) return [];
  const errors = fn.errors ?? [];
  const oneOfs = errors.filter((e) => e.keyword === "oneOf");
  const insideOneOf = (e: ErrorObject) => oneOfs.some((o) => e.schemaPath.startsWith(`${o.schemaPath}/`) && e.instancePath.startsWith(o.instancePath));
  const kept = errors.filter((e) => e.keyword === "oneOf" || !insideOneOf(e));
  return kept.map((e) => toProblem(e, errors)).filter((p): p is ConfigProblem => p !== undefined);
}
