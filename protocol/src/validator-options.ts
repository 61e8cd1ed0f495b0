import type { Options } from "ajv/dist/2020.js";
import type { SchemaTypeName } from "./generated/schemas.js";

// Checking the bundled schemas against the meta-schema took ~20 ms of every start; protocol/test/validators.test.ts does it.
// Unoptimized generated code compiles in about half the time and validates as fast.
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false, code: { optimize: false } };

/** Validated by every adapter during its handshake: compiled ahead of time by `npm run gen` (generated/precompiled-validators.ts). */
export const PRECOMPILED_TYPES: readonly SchemaTypeName[] = ["InitializeParams", "InitializeResult", "EmptyParams", "EmptyResult"];
