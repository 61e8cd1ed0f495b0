import { existsSync } from "node:fs";
import { relative } from "node:path";
import { listContractFiles, readContractFile, sidecarContract, CONTRACT_SUFFIX, type Contract } from "../schema-change/contract.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import type { LoadedModel } from "./load-model.js";

export interface ModelContracts {
  readonly byModel: ReadonlyMap<string, Contract>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Each model's contract, from (exactly one of) its sidecar's [contract], a `<stem>.contract.toml` beside its .sql, or
 * `<name>.contract.toml` in the contracts directory (the original Rocky's layout). A file there naming no model is a warning.
 */
export function findModelContracts(models: readonly LoadedModel[], sqlPaths: ReadonlyMap<string, string>, contractsDir: string | undefined, root: string): ModelContracts {
  const files = contractsDir === undefined ? new Map<string, string>() : listContractFiles(contractsDir);
  const byModel = new Map<string, Contract>();
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  for (const m of models) {
    const name = m.definition.name;
    const sqlPath = sqlPaths.get(name);
    const beside = sqlPath === undefined ? undefined : `${sqlPath.slice(0, -".sql".length)}${CONTRACT_SUFFIX}`;
    const inDir = files.get(name.toLowerCase());
    if (inDir !== undefined) used.add(name.toLowerCase());
    const found = [
      ...(m.config.contract ? [{ file: m.definition.configFile, read: () => sidecarContract(m.config.contract as NonNullable<typeof m.config.contract>, { file: m.definition.configFile, text: m.configText }, name) }] : []),
      ...(beside !== undefined && existsSync(beside) ? [{ file: relative(root, beside), read: () => readContractFile(beside, root, name) }] : []),
      ...(inDir !== undefined ? [{ file: relative(root, inDir), read: () => readContractFile(inDir, root, name) }] : []),
    ];
    if (found.length > 1) {
      diagnostics.push(
        diagnostic({
          code: "CONTRACT_INVALID",
          message: `Model "${name}" has ${found.length} contracts: ${found.map((f) => `"${f.file}"`).join(", ")}`,
          hint: "Keep one: the [contract] table of its sidecar, <model>.contract.toml beside its .sql, or the contracts directory's",
          location: { file: found[0]?.file ?? m.definition.configFile },
          model: name,
        }),
      );
      continue;
    }
    const read = found[0]?.read();
    if (!read) continue;
    diagnostics.push(...read.diagnostics);
    if (read.contract) byModel.set(name, read.contract);
  }
  for (const [name, path] of files) {
    if (used.has(name)) continue;
    diagnostics.push(
      diagnostic({
        code: "CONTRACT_INVALID",
        severity: "warning",
        message: `Contract "${relative(root, path)}" names no model: there is no model "${name}"`,
        hint: "Rename it <model>.contract.toml after the model it is for, or delete it",
        location: { file: relative(root, path) },
      }),
    );
  }
  return { byModel, diagnostics };
}
