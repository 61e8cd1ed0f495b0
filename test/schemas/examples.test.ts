import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { TYPE_REFS, validate, type SchemaTypeName } from "@rocky/protocol";

const SCHEMAS = resolve(import.meta.dirname, "..", "..", "schemas");

function cases(kind: "examples" | "invalid"): [string, string, unknown][] {
  const root = join(SCHEMAS, kind);
  return readdirSync(root).flatMap((type) =>
    readdirSync(join(root, type)).map((file) => [type, file, JSON.parse(readFileSync(join(root, type, file), "utf8"))] as [string, string, unknown]),
  );
}

describe("schemas/examples", () => {
  it.each(cases("examples"))("%s/%s is valid", (type, _file, value) => {
    expect(Object.keys(TYPE_REFS)).toContain(type);
    expect(validate(type as SchemaTypeName, value)).toEqual([]);
  });
});

describe("schemas/invalid", () => {
  it.each(cases("invalid"))("%s/%s is rejected", (type, _file, value) => {
    expect(Object.keys(TYPE_REFS)).toContain(type);
    expect(validate(type as SchemaTypeName, value)).not.toEqual([]);
  });
});
