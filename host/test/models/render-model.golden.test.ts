import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { StatementBatch } from "../../src/ir/index.js";
import { loadModel } from "../../src/models/load-model.js";
import { planModel, type ModelFacts } from "../../src/models/plan-model.js";
import { batchPartitions } from "../../src/models/select-partitions.js";
import { renderModelPlan } from "../../src/models/sql/render-model-plan.js";
import { dialectFor, type DialectName } from "../../src/sql/dialect.js";

// Golden SQL: models in golden/input (name.sql + name.toml, optional name.context.json: named scenarios of ModelFacts,
// with time_interval partitions as keys) planned and rendered for every dialect into golden/expected/<name>.<scenario>.<dialect>.sql. UPDATE_GOLDEN=1 rewrites them.
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "golden");
const INPUT = join(GOLDEN, "input");
const DIALECTS: DialectName[] = ["duckdb", "databricks", "snowflake", "generic"];
const update = process.env.UPDATE_GOLDEN === "1";

type Scenario = Omit<ModelFacts, "batches"> & { partitions?: string[] };

function formatBatches(batches: readonly StatementBatch[]): string {
  return batches
    .map((b, i) => {
      const what = [b.partitions.length > 0 ? `partitions ${b.partitions.join(", ")}` : "", b.transaction ? "in one transaction (execute_batch)" : ""].filter(Boolean);
      const header = what.length > 0 ? `-- batch ${i + 1}: ${what.join(", ")}\n` : "";
      return header + b.statements.map((s) => `-- params: ${JSON.stringify(s.params)}\n${s.sql};\n`).join("\n");
    })
    .join("\n");
}

async function render(name: string, dialect: DialectName, scenario: Scenario): Promise<string> {
  const files = { name, sqlPath: join(INPUT, `${name}.sql`), configPath: join(INPUT, `${name}.toml`), sqlFile: `${name}.sql`, configFile: `${name}.toml` };
  const target = { dialect: dialectFor(dialect) };
  const { model, diagnostics } = await loadModel({ files, ...target });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!model) return errors.map((d) => `-- error: ${d.message}\n`).join("");
  const def = { ...model.definition, dependsOn: [], sources: [] };
  const s = def.strategy;
  const batches = s.type === "time_interval" ? batchPartitions(scenario.partitions ?? [], s.granularity, s.batch_size ?? 1) : undefined;
  try {
    return formatBatches(renderModelPlan(planModel(def, { ...scenario, batches }, target), target.dialect));
  } catch (err) {
    return `-- error: ${(err as Error).message}\n`;
  }
}

const cases = readdirSync(INPUT)
  .filter((f) => f.endsWith(".sql"))
  .map((f) => f.slice(0, -4))
  .sort();

describe("planModel() + renderModelPlan() golden SQL", () => {
  for (const name of cases) {
    const contextFile = join(INPUT, `${name}.context.json`);
    const scenarios: Record<string, Scenario> = existsSync(contextFile)
      ? (JSON.parse(readFileSync(contextFile, "utf8")) as Record<string, Scenario>)
      : { default: { targetExists: true } };
    for (const [scenario, context] of Object.entries(scenarios)) {
      for (const dialect of DIALECTS) {
        const expectedFile = join(GOLDEN, "expected", `${name}.${scenario}.${dialect}.sql`);
        it(`renders ${name} (${scenario}) for ${dialect} as in expected/${name}.${scenario}.${dialect}.sql`, async () => {
          const actual = await render(name, dialect, context);
          if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
          expect(actual).toBe(readFileSync(expectedFile, "utf8"));
        });
      }
    }
  }
});
