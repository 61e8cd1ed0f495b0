import { expect, it } from "vitest";
import { Methods } from "../../src/methods.js";
import { WIRE_NAMES } from "../../src/server/wire-names.js";

it("WIRE_NAMES matches the method names in Methods", () => {
  const fromMethods = Object.fromEntries(Object.entries(Methods).map(([key, spec]) => [key, spec.method]));
  expect(WIRE_NAMES).toEqual(fromMethods);
});
