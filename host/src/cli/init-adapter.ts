import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Argv, CommandModule } from "yargs";
import { RockyError } from "../errors.js";
import type { CliIo } from "./cli-io.js";

/** templates/ of this checkout: host/{src,dist}/cli → ../../../templates. */
export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "templates");
export const LANGUAGES = ["python", "typescript"] as const;
export type AdapterLanguage = (typeof LANGUAGES)[number];
const NAME = /^[a-z][a-z0-9_]*$/;
// Template files whose real name a package manager or git would treat specially.
export const RENAMES: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

export interface InitAdapterArgs {
  readonly name: string;
  readonly lang?: AdapterLanguage | undefined;
  readonly dir?: string | undefined;
  readonly force?: boolean | undefined;
}

export interface InitAdapterResult {
  readonly dir: string;
  /** Paths written, relative to `dir`. */
  readonly files: readonly string[];
  readonly nextSteps: readonly string[];
}

export function pascalCase(name: string): string {
  return name.split("_").filter(Boolean).map((p) => p[0]?.toUpperCase() + p.slice(1)).join("");
}

export function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "__pycache__" || e.name === "dist" ? [] : listFiles(root, path);
    return [relative(root, path)];
  });
}

function nextSteps(lang: AdapterLanguage, dir: string, cwd: string): string[] {
  const at = relative(cwd, dir) || ".";
  const sdk = resolve(TEMPLATES_DIR, "..", "sdk-python");
  if (lang === "python") {
    return [
      `cd ${at}`,
      existsSync(sdk) ? `export ROCKY_SDK_PYTHON=${sdk}   # or: pip install -e ${sdk}` : "pip install -e <rocky>/sdk-python",
      'rocky test-adapter --command "python3 adapter.py" --config config.json   # lists what is left to fill in',
      "edit adapter.py, one method at a time; delete each check from conformance-expected-failures.txt once it passes",
    ];
  }
  return [
    `cd ${at}`,
    "npm install && npm run build",
    'rocky test-adapter --command "node dist/main.js" --config config.json   # lists what is left to fill in',
    "edit src/adapter.ts, one method at a time; delete each check from conformance-expected-failures.txt once it passes",
  ];
}

/** Writes a runnable adapter scaffold for `name` from templates/<lang>/. Never overwrites an existing directory without `force`. */
export function initAdapter(args: InitAdapterArgs, cwd = process.cwd()): InitAdapterResult {
  const lang = args.lang ?? "python";
  if (!NAME.test(args.name)) {
    throw new RockyError("INIT_ADAPTER_FAILED", `Invalid adapter name "${args.name}": it must match ^[a-z][a-z0-9_]*$`, {
      hint: "Use lower-case letters, digits and underscores, starting with a letter, e.g. bigquery or big_query",
    });
  }
  if (!LANGUAGES.includes(lang)) {
    throw new RockyError("INIT_ADAPTER_FAILED", `Unknown language "${lang}" for init-adapter`, { hint: `Choose one of: ${LANGUAGES.join(", ")}` });
  }
  const source = join(TEMPLATES_DIR, lang);
  if (!existsSync(source)) throw new RockyError("INIT_ADAPTER_FAILED", `Template "${lang}" is missing: ${source} does not exist`, { hint: "Run rocky from a complete checkout" });
  const dir = resolve(cwd, args.dir ?? `rocky-adapter-${args.name}`);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0) && !args.force) {
    throw new RockyError("INIT_ADAPTER_FAILED", `Cannot scaffold adapter "${args.name}": "${dir}" already exists and is not empty`, {
      hint: "Choose another --dir, or pass --force to overwrite the scaffold's files in it (other files are kept)",
    });
  }
  const values: Readonly<Record<string, string>> = { name: args.name, Name: pascalCase(args.name) };
  const files: string[] = [];
  for (const rel of listFiles(source).sort()) {
    const parts = rel.split(/[\\/]/);
    const target = join(dir, ...parts.map((p) => RENAMES[p] ?? p));
    const from = join(source, rel);
    // Only {{name}} and {{Name}} are replaced, so GitHub's ${{ ... }} expressions pass through.
    const text = readFileSync(from, "utf8").replace(/\{\{(name|Name)\}\}/g, (_, key: string) => values[key] ?? "");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    chmodSync(target, statSync(from).mode & 0o777);
    files.push(relative(dir, target));
  }
  return { dir, files, nextSteps: nextSteps(lang, dir, cwd) };
}

export function initAdapterBuilder(y: Argv): Argv<InitAdapterArgs> {
  return y
    .positional("name", { type: "string", demandOption: true, describe: "Adapter name, ^[a-z][a-z0-9_]*$ (e.g. bigquery)" })
    .option("lang", { choices: LANGUAGES, default: "python" as const, describe: "Language of the scaffold" })
    .option("dir", { type: "string", describe: "Where to write it (default ./rocky-adapter-<name>)" })
    .option("force", { type: "boolean", default: false, describe: "Overwrite the scaffold's files in an existing directory" }) as unknown as Argv<InitAdapterArgs>;
}

export function initAdapterCommand(io: CliIo): CommandModule<object, InitAdapterArgs> {
  return {
    command: "init-adapter <name>",
    describe: "Scaffold a new adapter (Python or TypeScript) that rocky test-adapter can run at once",
    builder: initAdapterBuilder,
    handler: (args) => {
      const result = initAdapter(args);
      const lines = [`Created adapter "${args.name}" in ${result.dir}:`, ...result.files.map((f) => `  ${f}`), "", "Next steps:", ...result.nextSteps.map((s) => `  ${s}`), ""];
      io.stdout.write(lines.join("\n"));
    },
  };
}
