// Generates protocol/src/generated/ from schemas/. Checks by default (exit 1 with a diff when stale); --write updates.
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "json-schema-to-typescript";
import { spawnSync } from "node:child_process";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { AJV_OPTIONS, PRECOMPILED_TYPES } from "../src/validator-options.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCHEMA_DIRS = ["protocol", "config", "output"];
const OUT_DIR = join(ROOT, "protocol", "src", "generated");
const BANNER = (src: string) =>
  `/* eslint-disable */\n// Generated from ${src} by \`npm run gen -- --write\`. Do not edit.\n`;

type Json = Record<string, unknown>;
interface SchemaFile { id: string; rel: string; schema: Json }

function loadSchemas(): SchemaFile[] {
  const files: SchemaFile[] = [];
  for (const dir of SCHEMA_DIRS) {
    const abs = join(ROOT, "schemas", dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).filter((n) => n.endsWith(".schema.json")).sort()) {
      const schema = JSON.parse(readFileSync(join(abs, name), "utf8")) as Json;
      if (schema.$id !== name) throw new Error(`schemas/${dir}/${name}: "$id" must be "${name}"`);
      files.push({ id: name, rel: `schemas/${dir}/${name}`, schema });
    }
  }
  return files;
}

/** Hoists every file's root and $defs into one schema so each type is emitted once. */
function combine(files: SchemaFile[]): { combined: Json; typeRefs: Record<string, string> } {
  const defs: Record<string, unknown> = {};
  const typeRefs: Record<string, string> = {};
  const rootTitle = new Map(files.map((f) => [f.id, String(f.schema.title)]));
  const rewrite = (node: unknown, fileId: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, fileId));
    if (node === null || typeof node !== "object") return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === "$ref" && typeof v === "string") {
        const [file, frag] = v.split("#");
        const target = file === "" || file === undefined ? fileId : file;
        if (!frag) out.$ref = `#/$defs/${rootTitle.get(target)}`;
        else out.$ref = `#${frag}`;
      } else if (k !== "$defs" && k !== "$id" && k !== "$schema") out[k] = rewrite(v, fileId);
    }
    return out;
  };
  for (const f of files) {
    const title = String(f.schema.title);
    if (defs[title]) throw new Error(`${f.rel}: title "${title}" is used twice`);
    if (f.schema.type !== undefined || f.schema.properties !== undefined) {
      defs[title] = rewrite(f.schema, f.id);
      typeRefs[title] = f.id;
    }
    for (const [name, def] of Object.entries((f.schema.$defs ?? {}) as Json)) {
      if (defs[name]) throw new Error(`${f.rel}: definition "${name}" is defined twice`);
      defs[name] = rewrite(def, f.id);
      typeRefs[name] = `${f.id}#/$defs/${name}`;
    }
  }
  return { combined: { title: "RockySchemas", type: "object", $defs: defs }, typeRefs };
}

async function generate(): Promise<Map<string, string>> {
  const files = loadSchemas();
  const { combined, typeRefs } = combine(files);
  let types = await compile(combined as never, "RockySchemas", {
    bannerComment: BANNER("schemas/**/*.schema.json"),
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: false,
    format: true,
    style: { singleQuote: false },
  });
  types = types.replace(/export interface RockySchemas \{[^}]*\}\n?/, "");
  const schemasTs =
    BANNER("schemas/**/*.schema.json") +
    `export const SCHEMAS: Readonly<Record<string, object>> = ${JSON.stringify(
      Object.fromEntries(files.map((f) => [f.id, f.schema])),
      null,
      2,
    )};\n\n` +
    `/** Where each generated type's schema lives, as an ajv schema reference. */\n` +
    `export const TYPE_REFS = ${JSON.stringify(typeRefs, null, 2)} as const;\n\n` +
    `export type SchemaTypeName = keyof typeof TYPE_REFS;\n`;
  return new Map([
    [join(OUT_DIR, "types.ts"), types],
    [join(OUT_DIR, "schemas.ts"), schemasTs],
    [join(OUT_DIR, "precompiled-validators.ts"), precompiledValidators(files, typeRefs)],
  ]);
}

/**
 * ajv's standalone code for the types every adapter validates during its handshake (PRECOMPILED_TYPES), so that an
 * adapter answers `initialize` without compiling validators; the rest are compiled on first use.
 */
function precompiledValidators(files: SchemaFile[], typeRefs: Record<string, string>): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source: true, esm: true } });
  for (const f of files) ajv.addSchema(f.schema, f.id);
  const standaloneCode = (standaloneCodeModule as unknown as { default?: typeof standaloneCodeModule }).default ?? standaloneCodeModule;
  const code = standaloneCode(ajv, Object.fromEntries(PRECOMPILED_TYPES.map((t) => [t, typeRefs[t] as string])));
  // The one runtime helper the code requires, inlined: the module must load as ESM and inside a CommonJS bundle alike.
  const helper = 'require("ajv/dist/runtime/ucs2length").default';
  const unknownRequire = code.replaceAll(helper, "").match(/require\([^)]*\)/);
  if (unknownRequire) throw new Error(`precompiled validators need ${unknownRequire[0]}: inline it in gen-types.ts`);
  return (
    `${BANNER("schemas/**/*.schema.json")}// @ts-nocheck\n${code.replaceAll(helper, "ucs2length").replace(/^"use strict";/, "")}\n\n` +
    `${ucs2length.toString()}\n`
  );
}

/** ajv's runtime ucs2length (ajv/dist/runtime/ucs2length.js): string length in code points, as JSON Schema counts it. */
function ucs2length(str: string): number {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value: number;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}

const write = process.argv.includes("--write");
const outputs = await generate();
let stale = 0;
for (const [path, content] of outputs) {
  const current = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (current === content) continue;
  if (write) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    process.stderr.write(`wrote ${path.slice(ROOT.length + 1)}\n`);
  } else {
    stale++;
    process.stderr.write(`stale: ${path.slice(ROOT.length + 1)} differs from what schemas/ generates\n`);
    const a = (current ?? "").split("\n");
    const b = content.split("\n");
    for (let i = 0, shown = 0; i < Math.max(a.length, b.length) && shown < 20; i++) {
      if (a[i] !== b[i]) {
        process.stderr.write(`  line ${i + 1}:\n  - ${a[i] ?? ""}\n  + ${b[i] ?? ""}\n`);
        shown++;
      }
    }
  }
}
// The Python SDK's TypedDicts come from the same schemas.
const py = spawnSync("python3", [join(ROOT, "sdk-python", "scripts", "gen_types.py"), write ? "--write" : "--check"], { stdio: "inherit" });
if (py.status !== 0) stale++;
if (stale > 0) {
  process.stderr.write(`${stale} generated file(s) are stale: run \`npm run gen -- --write\` and commit the result\n`);
  process.exit(1);
}
