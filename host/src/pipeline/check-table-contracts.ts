import type { ReplicationPipelineConfig } from "@rocky/protocol";
import type { Logger } from "../log.js";
import type { Diagnostic } from "../models/diagnostics.js";
import { diagnostic } from "../models/diagnostics.js";
import { ContractViolationError, violationDiagnostics } from "../schema-change/check-contract.js";
import { loadTableContracts } from "../schema-change/table-contracts.js";
import type { AdapterPool } from "./adapter-pool.js";
import { discoverSources } from "./discover-sources.js";
import { planReplication } from "./plan-replication.js";

export interface CheckTableContractsOptions {
  readonly name: string;
  readonly config: ReplicationPipelineConfig;
  readonly adapters: AdapterPool;
  /** rocky.toml's directory. */
  readonly root: string;
  readonly logger: Logger;
}

/**
 * `rocky compile` for a replication pipeline's contracts: each file read, then every discovered table whose contract
 * applies checked as `rocky plan` would (source columns and metadata against the existing target), writing nothing.
 */
export async function checkTableContracts(o: CheckTableContractsOptions): Promise<Diagnostic[]> {
  const contracts = loadTableContracts(o.config.contracts, o.root);
  if (o.config.contracts === undefined || contracts.diagnostics.some((d) => d.severity === "error")) return [...contracts.diagnostics];
  try {
    const sources = await discoverSources(o.config, await o.adapters.get(o.config.source.adapter));
    const target = await o.adapters.get(o.config.target.adapter);
    const plan = await planReplication({ name: o.name, config: o.config, sources, target, state: undefined, logger: o.logger, contracts });
    return [
      ...contracts.diagnostics,
      ...plan.unplanned.flatMap((u) => (u.error instanceof ContractViolationError ? violationDiagnostics(u.error.table, u.error.violations) : [])),
    ];
  } catch (error) {
    return [
      ...contracts.diagnostics,
      diagnostic({
        code: "CONTRACT_UNCHECKED",
        severity: "warning",
        message: `The table contracts of pipeline "${o.name}" are checked before each copy: its tables could not be listed now (${(error as Error).message.split("\n")[0] ?? ""})`,
      }),
    ];
  }
}
