import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as PRECOMPILED from "./generated/precompiled-validators.js";
import { SCHEMAS, TYPE_REFS, type SchemaTypeName } from "./generated/schemas.js";
import { AJV_OPTIONS as OPTIONS } from "./validator-options.js";

/** One validation problem, as data: where it is (a JSON pointer) and what was expected. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
}


let bundled: Ajv2020 | undefined;
const byType = new Map<SchemaTypeName, ValidateFunction>();
const bySchemaText = new Map<string, ValidateFunction>();

function validatorFor(type: SchemaTypeName): ValidateFunction {
  let fn = byType.get(type) ?? (PRECOMPILED as unknown as Partial<Record<string, ValidateFunction>>)[type];
  if (!fn) {
    const ref = TYPE_REFS[type] as string | undefined;
    if (ref === undefined) throw new Error(`No schema for type "${type}"`);
    if (!bundled) {
      bundled = new Ajv2020(OPTIONS);
      for (const [id, schema] of Object.entries(SCHEMAS)) bundled.addSchema(schema, id);
    }
    fn = bundled.getSchema(ref);
    if (!fn) throw new Error(`No schema for type "${type}"`);
    byType.set(type, fn);
  }
  return fn;
}

/**
 * Compiles the validators of `types` now rather than at their first `validate()`, e.g. while waiting on I/O.
 * Validators are otherwise compiled on first use, one type at a time.
 */
export function compileValidators(types: readonly SchemaTypeName[]): void {
  for (const type of types) validatorFor(type);
}

export function toProblems(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  return (errors ?? []).map((e) => {
    let message = e.message ?? "is invalid";
    if (e.keyword === "additionalProperties") message = `has unknown property "${String(e.params.additionalProperty)}"`;
    if (e.keyword === "required") message = `is missing required property "${String(e.params.missingProperty)}"`;
    if (e.keyword === "enum") message = `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    return { path: e.instancePath || "/", message, keyword: e.keyword };
  });
}

/** Validates `value` against the named schema type; returns the problems, empty when valid. */
export function validate(type: SchemaTypeName, value: unknown): SchemaProblem[] {
  const fn = validatorFor(type);
  return fn(value) ? [] : toProblems(fn.errors);
}

/** Validates `value` against an arbitrary JSON Schema (an adapter's `config_schema`); equal schemas are compiled once. */
export function validateAgainst(schema: object, value: unknown): SchemaProblem[] {
  const text = JSON.stringify(schema);
  let fn = bySchemaText.get(text);
  if (!fn) {
    // One instance per schema: two schemas may declare the same $id.
    fn = new Ajv2020(OPTIONS).compile(schema);
    bySchemaText.set(text, fn);
  }
  return fn(value) ? [] : toProblems(fn.errors);
}

export function formatProblems(problems: readonly SchemaProblem[]): string {
  return problems.map((p) => `${p.path} ${p.message}`).join("; ");
}
