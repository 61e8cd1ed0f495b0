import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { SCHEMAS, TYPE_REFS, type SchemaTypeName } from "./generated/schemas.js";

/** One validation problem, as data: where it is (a JSON pointer) and what was expected. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
}

const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
for (const [id, schema] of Object.entries(SCHEMAS)) ajv.addSchema(schema, id);
const cache = new Map<string, ValidateFunction>();

function validatorFor(type: SchemaTypeName): ValidateFunction {
  let fn = cache.get(type);
  if (!fn) {
    fn = ajv.getSchema(TYPE_REFS[type]);
    if (!fn) throw new Error(`No schema for type "${type}"`);
    cache.set(type, fn);
  }
  return fn;
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

/** Validates `value` against an arbitrary JSON Schema (an adapter's `config_schema`). */
export function validateAgainst(schema: object, value: unknown): SchemaProblem[] {
  const fn = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false }).compile(schema);
  return fn(value) ? [] : toProblems(fn.errors);
}

export function formatProblems(problems: readonly SchemaProblem[]): string {
  return problems.map((p) => `${p.path} ${p.message}`).join("; ");
}
