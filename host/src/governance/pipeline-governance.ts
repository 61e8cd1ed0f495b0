import type { GovernanceAction, GovernanceConfig, TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { LoadedConfig } from "../config/load-config.js";
import type { SetupStep } from "../ir/replication-plan.js";
import type { Logger } from "../log.js";
import type { Dialect } from "../sql/dialect.js";
import type { StateStore } from "../state/state-store.js";
import { governsAccess, resolveGovernance, type GovernanceSpec } from "./governance-spec.js";
import { governTargets, type GovernResult } from "./govern-targets.js";
import { refuseUnsupportedGovernance } from "./refuse-unsupported.js";
import { lifecycleSteps } from "./setup-steps.js";
import { createTagMemory } from "./tag-memory.js";
import { tagTables } from "./tag-tables.js";

/** [pipeline.NAME.target.governance], checked against the config rules and the target adapter's capabilities (plan time). */
export function pipelineGovernance(o: { pipeline: string; config: GovernanceConfig | undefined; project: LoadedConfig; target: AdapterClient }): GovernanceSpec {
  const spec = resolveGovernance(o.config);
  refuseUnsupportedGovernance({ pipeline: o.pipeline, spec, adapter: o.target, locate: (path) => o.project.locate(path) });
  return spec;
}

export interface TargetGovernanceOptions {
  readonly spec: GovernanceSpec;
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  /** The planned creates, before auto_create_* is applied. */
  readonly setup: readonly SetupStep[];
  readonly tables: readonly TableRef[];
  readonly state: StateStore | undefined;
  readonly logger: Logger;
  /** --full-refresh: every tag is sent again. */
  readonly fullRefresh?: boolean | undefined;
  readonly concurrency: number;
}

const memory = (o: TargetGovernanceOptions) => createTagMemory(o.state, o.client.name, { forget: o.fullRefresh === true });

/** `rocky plan`: the governance diff, read from the warehouse and the state; undefined when nothing beyond creates is configured. */
export async function planTargetGovernance(o: TargetGovernanceOptions): Promise<GovernanceAction[] | undefined> {
  if (!governsAccess(o.spec)) return undefined;
  const tags = memory(o);
  const base = { spec: o.spec, client: o.client, dialect: o.dialect, tags, logger: o.logger, apply: false };
  const { actions } = await governTargets({ ...base, setup: lifecycleSteps(o.setup, o.spec), tables: o.tables });
  return [...actions, ...(await tagTables({ ...base, tables: o.tables, concurrency: o.concurrency }))];
}

/** `rocky run`, before any table: creates and governs the catalogs and schemas; the failures withhold their tables. */
export async function applyTargetGovernance(o: TargetGovernanceOptions): Promise<GovernResult> {
  return governTargets({ spec: o.spec, client: o.client, dialect: o.dialect, tags: memory(o), logger: o.logger, apply: true, setup: lifecycleSteps(o.setup, o.spec), tables: o.tables });
}

/** `rocky run`, after the copies: tags the tables written. */
export function tagWrittenTables(o: TargetGovernanceOptions): Promise<GovernanceAction[]> {
  return tagTables({ spec: o.spec, client: o.client, tables: o.tables, tags: memory(o), apply: true, concurrency: o.concurrency, logger: o.logger });
}
