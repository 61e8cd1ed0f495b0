import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ContractConfig } from "@rocky/protocol";
import { diagnostic, type Diagnostic, type DiagnosticLocation } from "../models/diagnostics.js";
import { locateTomlKey } from "../models/locate-toml-key.js";
import { readModelConfig } from "../models/read-model-config.js";

export const CONTRACT_SUFFIX = ".contract.toml";
/** The original Rocky's contracts/ beside rocky.toml: a transformation pipeline's model contracts by default. */
export const DEFAULT_CONTRACTS_DIR = "contracts";

/** A contract and where it is written, so every violation can name its file and line. */
export interface Contract {
  readonly config: ContractConfig;
  /** Relative to the project root. */
  readonly file: string;
  readonly text: string;
  /** Where the contract's keys start in the file: [] in a .contract.toml, ["contract"] in a model sidecar. */
  readonly prefix: readonly string[];
}

/** The line of a rule (`["rules", "protected"]`) or of a declared column's `name = "..."` (`["columns", name]`). */
export function contractLocation(contract: Contract, path: readonly string[]): DiagnosticLocation {
  if (path[0] === "columns" && path[1] !== undefined) {
    const name = path[1].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const lines = contract.text.split("\n");
    const index = lines.findIndex((l) => new RegExp(`^\\s*name\\s*=\\s*["']${name}["']`).test(l));
    if (index >= 0) return { file: contract.file, line: index + 1, key: [...contract.prefix, "columns"].join(".") };
  }
  const key = [...contract.prefix, ...path];
  return { file: contract.file, line: locateTomlKey(contract.text, key), key: key.join(".") };
}

/** Contract-level problems the schema cannot express: `no_new_nullable` needs declared columns as its baseline. */
function contractProblems(contract: Contract, subject: string): Diagnostic[] {
  const { columns = [], rules = {} } = contract.config;
  if (!rules.no_new_nullable || columns.length > 0) return [];
  return [
    diagnostic({
      code: "CONTRACT_INVALID",
      message: `The contract of "${subject}" sets no_new_nullable but declares no [[columns]], so nothing says which columns are new`,
      hint: "Declare the expected columns in [[columns]], or remove no_new_nullable",
      location: contractLocation(contract, ["rules", "no_new_nullable"]),
      model: subject,
    }),
  ];
}

/** Reads and validates one `.contract.toml`; undefined with diagnostics when it is not a valid contract. */
export function readContractFile(path: string, root: string, subject: string): { contract?: Contract; diagnostics: Diagnostic[] } {
  const text = readFileSync(path, "utf8");
  const file = relative(root, path) || path;
  const read = readModelConfig<ContractConfig>(text, file, subject, "ContractConfig");
  const diagnostics = read.diagnostics.map((d) => ({ ...d, code: "CONTRACT_INVALID" }));
  if (!read.config) return { diagnostics };
  const contract: Contract = { config: read.config, file, text, prefix: [] };
  const problems = contractProblems(contract, subject);
  return problems.length > 0 ? { diagnostics: [...diagnostics, ...problems] } : { contract, diagnostics };
}

/** A sidecar's [contract] table as a contract located in the sidecar. */
export function sidecarContract(config: ContractConfig, sidecar: { file: string; text: string }, subject: string): { contract?: Contract; diagnostics: Diagnostic[] } {
  const contract: Contract = { config, file: sidecar.file, text: sidecar.text, prefix: ["contract"] };
  const problems = contractProblems(contract, subject);
  return problems.length > 0 ? { diagnostics: problems } : { contract, diagnostics: [] };
}

/** The `<name>.contract.toml` files of a directory, by name (`orders`, or `staging.orders`); none when it does not exist. */
export function listContractFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir).sort()) {
    if (entry.endsWith(CONTRACT_SUFFIX)) files.set(entry.slice(0, -CONTRACT_SUFFIX.length).toLowerCase(), join(dir, entry));
  }
  return files;
}
