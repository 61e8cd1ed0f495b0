import { Methods } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { SetupStep } from "../ir/replication-plan.js";
import { setupStatement } from "../pipeline/replication-sql.js";
import type { Dialect } from "../sql/dialect.js";
import type { GovernanceSpec } from "./governance-spec.js";

/** The planned creates that auto_create_catalogs / auto_create_schemas allow (false drops them; unset keeps Rocky's default). */
export function lifecycleSteps(steps: readonly SetupStep[], spec: GovernanceSpec): SetupStep[] {
  return steps.filter((s) => (s.kind === "create_catalog" ? spec.autoCreateCatalogs !== false : spec.autoCreateSchemas !== false));
}

/** Creates one catalog or schema (idempotent): by the adapter's method, or by SQL where it has none. */
export async function runSetupStep(step: SetupStep, client: AdapterClient, dialect: Dialect): Promise<void> {
  const statement = setupStatement(step, dialect);
  if ("sql" in statement) await client.executeStatement(statement.sql, statement.params);
  else if (step.kind === "create_catalog") await client.request(Methods.catalogCreate, { catalog: step.catalog });
  else await client.request(Methods.schemaCreate, { catalog: step.catalog, schema: step.schema });
}

/** The key a setup failure is filed under: the catalog, or catalog.schema. */
export const setupKey = (step: SetupStep): string => (step.kind === "create_catalog" ? step.catalog : `${step.catalog}.${step.schema}`);
