import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export const REPO = resolve(import.meta.dirname, "..", "..", "..");
export const GENERATOR = join(REPO, "examples", "playground", "generate.mjs");

export const BRONZE_TOML = `
[adapter.local]
type = "duckdb"
path = "data/warehouse.duckdb"
catalogs_dir = "data/catalogs"

[pipeline.bronze]
type = "replication"
concurrency = 3
metadata_columns = [
  { name = "_loaded_at", value = "load_time" },
  { name = "_source_schema", value = "source_schema" },
  { name = "_source_table", value = "source_table" },
  { name = "_run_id", value = "run_id" },
  { name = "_origin", value = { literal = "fivetran" } },
]

[pipeline.bronze.source]
adapter = "local"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "regions...", "connector"] }

[pipeline.bronze.target]
adapter = "local"
catalog_template = "{tenant}_warehouse"
schema_template = "staging__{regions}__{connector}"

[pipeline.bronze.tables]
exclude = ["*_tmp"]
`;

/** A temp project with the playground's landing data; the adapters run from adapters/duckdb/dist (build first). */
export function landedProject(toml = BRONZE_TOML): string {
  if (!existsSync(join(REPO, "adapters", "duckdb", "dist", "main.js"))) throw new Error("Build first: npx tsc -b");
  const dir = mkdtempSync(join(tmpdir(), "rocky-project-"));
  writeFileSync(join(dir, "rocky.toml"), toml);
  generate(dir);
  return dir;
}

export function generate(dir: string, ...args: string[]): void {
  execFileSync(process.execPath, [GENERATOR, "--dir", dir, ...args], { stdio: "pipe" });
}

/** Runs SQL directly on a DuckDB file (while no adapter holds it). */
export async function duck<T = unknown[]>(file: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    return (await (await connection.run(sql)).getRowsJS()) as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
