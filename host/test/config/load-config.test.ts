import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate } from "@rocky/protocol";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { RockyError } from "../../src/errors.js";

const VALID = `# a project
[adapter.local]
type = "duckdb"
path = "data/warehouse.duckdb"

[pipeline.bronze]
type = "replication"
strategy = "incremental"
timestamp_column = "_fivetran_synced"
concurrency = 4
metadata_columns = [
  { name = "_loaded_at", type = "timestamp", value = "load_time" },
  { name = "_source", value = { literal = "fivetran" } },
]

[pipeline.bronze.source]
adapter = "local"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant", "regions...", "connector"] }

[pipeline.bronze.target]
adapter = "local"
catalog_template = "{tenant}_warehouse"
schema_template = "staging__{regions}__{connector}"

[state]
path = ".rocky/state"
`;

function project(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "rocky-config-"));
  writeFileSync(join(dir, "rocky.toml"), text);
  return join(dir, "rocky.toml");
}

async function failure(text: string, env: Record<string, string> = {}): Promise<RockyError> {
  const file = project(text);
  try {
    await loadConfig(file, { env });
  } catch (err) {
    expect(err).toBeInstanceOf(RockyError);
    return err as RockyError;
  }
  throw new Error("loadConfig() succeeded");
}

describe("loadConfig()", () => {
  it("loads a valid project with absolute paths and keeps adapter config keys as written", async () => {
    const file = project(VALID);
    const config = await loadConfig(file, { env: {} });
    expect(config.file).toBe(file);
    expect(config.statePath).toBe(join(config.dir, ".rocky", "state"));
    expect(config.adapters.get("local")).toEqual({ type: "duckdb", path: "data/warehouse.duckdb" });
    expect([...config.pipelines.keys()]).toEqual(["bronze"]);
    expect(validate("RockyConfig", config.raw)).toEqual([]);
  });

  it("names the line and column of a TOML syntax error", async () => {
    const err = await failure('[adapter.local]\ntype = "duckdb\n');
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toMatch(/^Cannot parse ".*rocky\.toml": /);
    expect(err.location).toMatchObject({ line: 2 });
    expect(err.hint).toContain("line 2");
  });

  it("rejects an unknown key with its line and the closest valid key", async () => {
    const err = await failure(VALID.replace("schema_pattern = {", "shcema_pattern = {"));
    expect(err.code).toBe("CONFIG_INVALID");
    // Both the typo and the now-missing key are reported, each with its own line.
    expect(err.message).toContain(`rocky.toml:18: Unknown key "shcema_pattern" in [pipeline.bronze.source] (Did you mean "schema_pattern"?)`);
    expect(err.message).toContain(`rocky.toml:16: Missing key "schema_pattern" in [pipeline.bronze.source]`);
  });

  it("reports a single unknown key as the message with the suggestion as hint", async () => {
    const err = await failure(VALID.replace("concurrency = 4", "concurency = 4"));
    expect(err.message).toBe(`Unknown key "concurency" in [pipeline.bronze]`);
    expect(err.hint).toBe(`Did you mean "concurrency"?`);
    expect(err.location).toEqual({ file: expect.stringMatching(/rocky\.toml$/), line: 10 });
  });

  it("names file, line and key of a value of the wrong type", async () => {
    const err = await failure(VALID.replace("concurrency = 4", 'concurrency = "4"'));
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toBe(`Invalid value "4" for "pipeline.bronze.concurrency": expected integer`);
    expect(err.location?.line).toBe(10);
    expect(err.hint).toBe("Tables copied at once");
  });

  it("points into multi-line arrays of inline tables", async () => {
    const err = await failure(VALID.replace('value = { literal = "fivetran" }', 'value = "fivetrn_synced"'));
    expect(err.message).toBe(`Invalid value "fivetrn_synced" for "pipeline.bronze.metadata_columns[1].value"`);
    expect(err.location?.line).toBe(13);
  });

  it("suggests the closest pipeline type", async () => {
    const err = await failure(VALID.replace('type = "replication"', 'type = "replicaton"'));
    expect(err.message).toBe(`[pipeline.bronze] has type "replicaton"; expected one of "replication", "transformation"`);
    expect(err.hint).toBe(`Did you mean "replication"?`);
    expect(err.location?.line).toBe(7);
  });

  it("substitutes ${VAR} and ${VAR:-default} in string values", async () => {
    const text = VALID.replace('path = "data/warehouse.duckdb"', 'path = "${DATA_DIR}/wh.duckdb"\ntoken = "${TOKEN:-none}"');
    const config = await loadConfig(project(text), { env: { DATA_DIR: "/data" } });
    expect(config.adapters.get("local")).toEqual({ type: "duckdb", path: "/data/wh.duckdb", token: "none" });
  });

  it("names file, line, key and variable when an environment variable is missing", async () => {
    const err = await failure(VALID.replace('path = "data/warehouse.duckdb"', 'path = "${DATA_DIR}/wh.duckdb"'));
    expect(err.code).toBe("CONFIG_ENV_MISSING");
    expect(err.message).toBe(`Environment variable "DATA_DIR" is not set (used by "adapter.local.path")`);
    expect(err.location?.line).toBe(4);
    expect(err.hint).toBe("Export DATA_DIR, or give a default: ${DATA_DIR:-value}");
  });

  it("fails with IDENTIFIER_INVALID when a template cannot render an identifier", async () => {
    const err = await failure(VALID.replace('schema_template = "staging__{regions}__{connector}"', 'schema_template = "staging-{connector}"'));
    expect(err.code).toBe("IDENTIFIER_INVALID");
    expect(err.message).toContain(`Template "staging-{connector}"`);
    expect(err.location?.line).toBe(23);
  });

  it("rejects unknown template placeholders and unknown adapters with suggestions", async () => {
    const err = await failure(VALID.replace("{tenant}_warehouse", "{tennant}_warehouse").replace('adapter = "local"\nschema_pattern', 'adapter = "locl"\nschema_pattern'));
    expect(err.message).toContain(`rocky.toml:17: Unknown adapter "locl" (Did you mean "local"?)`);
    expect(err.message).toContain(`rocky.toml:22: Unknown placeholder "{tennant}" in template "{tennant}_warehouse" (Did you mean "{tenant}"?)`);
  });

  it("fails with CONFIG_NOT_FOUND for a missing file", async () => {
    await expect(loadConfig(join(tmpdir(), "no-such-dir-rocky", "rocky.toml"))).rejects.toMatchObject({ code: "CONFIG_NOT_FOUND" });
  });

  it("accepts a transformation pipeline", async () => {
    const config = await loadConfig(project('[adapter.wh]\ntype = "duckdb"\n[pipeline.models]\ntype = "transformation"\nmodels = "models"\ntarget = { adapter = "wh" }\n'), { env: {} });
    expect(config.pipelines.get("models")).toEqual({ type: "transformation", models: "models", target: { adapter: "wh" } });
  });
});
