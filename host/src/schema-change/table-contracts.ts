import { resolve } from "node:path";
import type { TableRef } from "@rocky/protocol";
import type { Diagnostic } from "../models/diagnostics.js";
import { listContractFiles, readContractFile, type Contract } from "./contract.js";

/** The contracts of a replication pipeline's target tables. */
export interface TableContracts {
  /** `<schema>.<table>.contract.toml` when there is one, else `<table>.contract.toml`. */
  find(target: TableRef): Contract | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads every contract of a directory (relative to the project root); invalid ones are diagnostics. */
export function loadTableContracts(dir: string | undefined, root: string): TableContracts {
  const contracts = new Map<string, Contract>();
  const diagnostics: Diagnostic[] = [];
  if (dir !== undefined) {
    for (const [name, path] of listContractFiles(resolve(root, dir))) {
      const read = readContractFile(path, root, name);
      diagnostics.push(...read.diagnostics);
      if (read.contract) contracts.set(name, read.contract);
    }
  }
  return {
    find: (t) => contracts.get(`${t.schema}.${t.table}`.toLowerCase()) ?? contracts.get(t.table.toLowerCase()),
    diagnostics,
  };
}
