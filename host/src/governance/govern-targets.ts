import { Methods, type GovernanceAction, type GovernanceTarget, type Grant, type RunError, type TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import { RockyError } from "../errors.js";
import type { SetupStep } from "../ir/replication-plan.js";
import type { Logger } from "../log.js";
import { toRunError } from "../pipeline/run-error.js";
import type { Dialect } from "../sql/dialect.js";
import { bindingActions, grantActions, grantDiff, tagsToSet } from "./governance-diff.js";
import type { GovernanceSpec } from "./governance-spec.js";
import { runSetupStep, setupKey } from "./setup-steps.js";
import type { TagMemory } from "./tag-memory.js";

export interface GovernTargetsOptions {
  readonly spec: GovernanceSpec;
  readonly client: AdapterClient;
  readonly dialect: Dialect;
  /** The creates lifecycleSteps kept; run in the original's order, interleaved with governance. */
  readonly setup: readonly SetupStep[];
  /** Every target table: their catalogs and schemas are the securables governed. */
  readonly tables: readonly TableRef[];
  readonly tags: TagMemory;
  /** False (`rocky plan`): read and diff only. */
  readonly apply: boolean;
  readonly logger: Logger;
}

export interface GovernResult {
  readonly actions: GovernanceAction[];
  /** Per catalog or catalog.schema: why its tables must not be written (a create, a grant or an isolation failed). */
  readonly failures: Map<string, RunError>;
}

interface Securable {
  readonly kind: "catalog" | "schema";
  readonly target: GovernanceTarget;
  readonly key: string;
  /** Created by this run: reading it first may fail, and then it has no grants or bindings yet. */
  readonly creating: boolean;
  readonly grants: readonly Grant[];
}

function layout(o: GovernTargetsOptions): Map<string, Set<string>> {
  const catalogs = new Map<string, Set<string>>();
  const add = (catalog: string, schema?: string) => {
    const schemas = catalogs.get(catalog) ?? new Set<string>();
    catalogs.set(catalog, schemas);
    if (schema !== undefined) schemas.add(schema);
  };
  for (const s of o.setup) add(s.catalog, s.kind === "create_schema" ? s.schema : undefined);
  for (const t of o.tables) add(t.catalog, t.schema);
  return catalogs;
}

/**
 * The original Rocky's order, per catalog: create it, tag it, bind its workspaces, grant on it; then per schema: create,
 * tag, grant. Grants and bindings are diffs against what the warehouse reports now. Applying, a failed create, grant or
 * isolation withholds the tables beneath (their access would not be what the config says); a failed tag only warns.
 */
export async function governTargets(o: GovernTargetsOptions): Promise<GovernResult> {
  const actions: GovernanceAction[] = [];
  const failures = new Map<string, RunError>();
  const steps = new Map(o.setup.map((s) => [setupKey(s), s]));
  const create = async (key: string): Promise<boolean> => {
    const step = steps.get(key);
    if (!o.apply || !step) return true;
    try {
      await runSetupStep(step, o.client, o.dialect);
      return true;
    } catch (err) {
      o.logger.debug({ err, step }, "setup step failed");
      failures.set(key, toRunError(err));
      return false;
    }
  };
  for (const [catalog, schemas] of layout(o)) {
    if (!(await create(catalog))) continue;
    if (catalog !== "") {
      const securable: Securable = { kind: "catalog", target: { catalog }, key: catalog, creating: steps.has(catalog), grants: o.spec.catalogGrants };
      if (!(await governSecurable(securable, o, actions, failures))) continue;
    }
    for (const schema of schemas) {
      const key = `${catalog}.${schema}`;
      if (!(await create(key))) continue;
      await governSecurable({ kind: "schema", target: { catalog, schema }, key, creating: steps.has(key) || steps.has(catalog), grants: o.spec.schemaGrants }, o, actions, failures);
    }
  }
  return { actions, failures };
}

/** Tags, bindings (catalogs), grants of one securable; false when its tables must be withheld. */
async function governSecurable(s: Securable, o: GovernTargetsOptions, actions: GovernanceAction[], failures: Map<string, RunError>): Promise<boolean> {
  const shown = s.key.replace(/^\./, "");
  const tags = tagsToSet(o.spec.tags, o.tags.get(s.kind, shown));
  if (Object.keys(tags).length > 0) {
    const action: GovernanceAction = { action: "set_tags", securable: s.kind, target: shown, tags };
    actions.push(await apply(o, action, async () => {
      await o.client.request(Methods.governanceSetTags, { target: s.target, tags });
      await o.tags.remember(s.kind, shown, tags);
    }, "warn"));
  }
  // read(true): the diff against nothing, for a securable this run creates (planning, it does not exist yet).
  const steps: Array<{ read: (empty: boolean) => Promise<GovernanceAction[]>; write: () => Promise<unknown>; what: string }> = [];
  if (s.kind === "catalog" && o.spec.isolation) {
    const desired = o.spec.isolation;
    steps.push({
      what: "read the workspace bindings",
      read: async (empty) => bindingActions(shown, desired, empty ? { isolated: false, bindings: [] } : await o.client.request(Methods.governanceGetBindings, { catalog: s.target.catalog })),
      write: () => o.client.request(Methods.governanceSetBindings, { catalog: s.target.catalog, bindings: [...desired] }),
    });
  }
  if (s.grants.length > 0) {
    let diff = { grant: [] as Grant[], revoke: [] as Grant[] };
    steps.push({
      what: "read the grants",
      read: async (empty) => {
        diff = grantDiff(s.grants, empty ? [] : (await o.client.request(Methods.governanceGetGrants, { target: s.target })).grants, o.spec.revokeUnlisted);
        return grantActions(s.kind, shown, diff);
      },
      write: () => o.client.request(Methods.governanceApplyGrants, { target: s.target, ...(diff.grant.length > 0 ? { grant: diff.grant } : {}), ...(diff.revoke.length > 0 ? { revoke: diff.revoke } : {}) }),
    });
  }
  for (const step of steps) {
    let planned: GovernanceAction[];
    try {
      planned = await step.read(false);
    } catch (err) {
      if (!o.apply && s.creating) planned = await step.read(true);
      else {
        const error = new RockyError("ADAPTER_REQUEST_FAILED", `Cannot ${step.what} of ${s.kind} "${shown}" on adapter "${o.client.name}": ${(err as Error).message}`, { cause: err });
        if (!o.apply) throw error;
        failures.set(s.key, toRunError(error));
        return false;
      }
    }
    const [first] = planned;
    if (!first) continue;
    const done = await apply(o, first, step.write, "fail");
    actions.push(...planned.map((a) => ({ ...a, status: done.status ?? "planned", ...(done.error ? { error: done.error } : {}) })));
    if (done.error) {
      failures.set(s.key, done.error);
      return false;
    }
  }
  return true;
}

export async function apply(o: Pick<GovernTargetsOptions, "apply" | "logger">, action: GovernanceAction, write: () => Promise<unknown>, onError: "warn" | "fail"): Promise<GovernanceAction> {
  if (!o.apply) return { ...action, status: "planned" };
  try {
    await write();
    return { ...action, status: "applied" };
  } catch (err) {
    const error = toRunError(err);
    o.logger[onError === "warn" ? "warn" : "error"]({ target: action.target, action: action.action }, `Governance: cannot ${action.action} on ${action.securable} "${action.target}": ${error.message}`);
    return { ...action, status: "failed", error };
  }
}
