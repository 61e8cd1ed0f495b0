import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { REPO } from "./helpers.js";

const ADAPTER = join(REPO, "adapters", "duckdb", "dist", "main.js");
const COUNTER = join(import.meta.dirname, "fixtures", "count-requests.mjs");

export interface ScaleProjectOptions {
  readonly tenants: number;
  readonly schemasPerTenant: number;
  readonly tablesPerSchema: number;
  /** Without it the pipeline has no catalog_template: targets land in the main database. */
  readonly catalogTemplate?: string;
}

export interface ScaleProject {
  readonly dir: string;
  readonly landing: string;
  /** Every source table as `schema.table`, with the second-row timestamp it was given. */
  readonly tables: readonly { readonly schema: string; readonly table: string; readonly tenant: string; readonly synced: string }[];
  /** Requests per method of each adapter process started so far, in start order. */
  requests(): Record<string, number>[];
  remove(): void;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** 2024-01-01 00:00:00 plus `seconds`, as the adapter renders timestamps. */
const timestampAt = (seconds: number) => `2024-01-01 ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;

/**
 * A landing DuckDB file of tiny tables (two rows each, the second synced `i` seconds after midnight for table `i`) in
 * schemas `src__t<k>__c<c>`, and a replication project whose adapter runs behind count-requests.mjs.
 */
export async function scaleProject(o: ScaleProjectOptions): Promise<ScaleProject> {
  const dir = mkdtempSync(join(tmpdir(), "rocky-scale-"));
  const counts = join(dir, "requests");
  mkdirSync(join(dir, "data", "catalogs"), { recursive: true });
  mkdirSync(counts);
  const tables: { schema: string; table: string; tenant: string; synced: string }[] = [];
  const statements = ["BEGIN"];
  for (let t = 0; t < o.tenants; t++) {
    for (let c = 0; c < o.schemasPerTenant; c++) {
      const schema = `src__t${t}__c${c}`;
      statements.push(`CREATE SCHEMA ${schema}`);
      for (let i = 0; i < o.tablesPerSchema; i++) {
        const seconds = tables.length;
        tables.push({ schema, table: `table_${i}`, tenant: `t${t}`, synced: timestampAt(seconds) });
        statements.push(
          `CREATE TABLE ${schema}.table_${i} AS SELECT * FROM (VALUES (1, 'a', TIMESTAMP '2024-01-01 00:00:00'), (2, 'b', TIMESTAMP '${timestampAt(seconds)}')) v(id, name, _fivetran_synced)`,
        );
      }
    }
  }
  statements.push("COMMIT");
  const landing = join(dir, "data", "landing.duckdb");
  const instance = await DuckDBInstance.create(landing);
  const connection = await instance.connect();
  await connection.run(statements.join(";\n"));
  connection.closeSync();
  instance.closeSync();

  writeFileSync(
    join(dir, "rocky.toml"),
    `[adapter.landing]
type = "duckdb"
command = ${JSON.stringify([process.execPath, COUNTER, counts, process.execPath, ADAPTER])}
path = "data/landing.duckdb"
catalogs_dir = "data/catalogs"

[pipeline.bronze]
type = "replication"
metadata_columns = [{ name = "_run_id", value = "run_id" }]

[pipeline.bronze.source]
adapter = "landing"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "connector"] }

[pipeline.bronze.target]
adapter = "landing"
${o.catalogTemplate !== undefined ? `catalog_template = "${o.catalogTemplate}"\n` : ""}schema_template = "staging__{tenant}__{connector}"
`,
  );
  return {
    dir,
    landing,
    tables,
    requests: () =>
      readdirSync(counts)
        .sort((a, b) => Number(a.split("-")[0]) - Number(b.split("-")[0]))
        .map((f) => JSON.parse(readFileSync(join(counts, f), "utf8")) as Record<string, number>),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
