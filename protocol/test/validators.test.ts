import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SCHEMAS, TYPE_REFS, type SchemaTypeName } from "../src/generated/schemas.js";
import { compileValidators, validate, validateAgainst } from "../src/validators.js";

describe("bundled schemas", () => {
  // validate() skips this check at run time; it is made here instead.
  it.each(Object.keys(SCHEMAS))("%s is a valid JSON Schema 2020-12", (id) => {
    const ajv = new Ajv2020({ strict: false, allowUnionTypes: true });
    expect(ajv.validateSchema(SCHEMAS[id] as object), ajv.errorsText()).toBe(true);
  });
});

describe("compileValidators()", () => {
  it("compiles every type's validator, which then validates as validate() does", () => {
    compileValidators(Object.keys(TYPE_REFS) as SchemaTypeName[]);
    expect(validate("EmptyParams", {})).toEqual([]);
    expect(validate("ProtocolVersionRange", { min: 1 })).toEqual([{ path: "/", message: 'is missing required property "max"', keyword: "required" }]);
  });

  it("throws for a type without a schema", () => {
    expect(() => compileValidators(["NoSuchType" as SchemaTypeName])).toThrow('No schema for type "NoSuchType"');
  });
});

describe("validateAgainst()", () => {
  const schema = { type: "object", required: ["path"], properties: { path: { type: "string" } }, additionalProperties: false };

  it("returns the problems of a value, and none for a valid one, on repeated calls with equal schemas", () => {
    expect(validateAgainst(schema, { path: "a" })).toEqual([]);
    expect(validateAgainst(structuredClone(schema), { path: 1, x: 2 })).toEqual([
      { path: "/", message: 'has unknown property "x"', keyword: "additionalProperties" },
      { path: "/path", message: "must be string", keyword: "type" },
    ]);
  });

  it("accepts two different schemas that declare the same $id", () => {
    expect(validateAgainst({ $id: "config.json", type: "string" }, "a")).toEqual([]);
    expect(validateAgainst({ $id: "config.json", type: "number" }, "a")).toEqual([{ path: "/", message: "must be number", keyword: "type" }]);
  });
});
