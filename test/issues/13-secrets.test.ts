import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, ROCKY, type CliResult } from "../e2e/helpers.js";

// Recognisable values: one reaches an adapter's argv from the environment, one its config from the environment, one
// is written in rocky.toml under a key the adapter's config_schema marks writeOnly.
const ARGV_SECRET = "tok-env-argv-7f3a91c2";
const ENV_CONFIG_SECRET = "pw-env-config-9c1d44e7";
const SCHEMA_SECRET = "sk-live-schema-marked-0001";
const SECRETS = [ARGV_SECRET, ENV_CONFIG_SECRET, SCHEMA_SECRET];

const FIXTURE = join(REPO, "test", "fixtures", "adapters", "leaks-config.mjs");
const TOML = `
[adapter.leaky]
type = "fixture"
command = ["${process.execPath}", "${FIXTURE}", "--token=\${ROCKY_TEST_TOKEN}"]
api_key = "${SCHEMA_SECRET}"
password = "\${ROCKY_TEST_PASSWORD}"
region = "eu-central"

[adapter.broken]
type = "fixture"
command = ["/nonexistent/rocky-\${ROCKY_TEST_TOKEN}"]

[pipeline.bronze]
type = "replication"

[pipeline.bronze.source]
adapter = "leaky"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant"] }

[pipeline.bronze.target]
adapter = "leaky"
schema_template = "bronze__{tenant}"

[pipeline.other]
type = "replication"

[pipeline.other.source]
adapter = "broken"
schema_pattern = { prefix = "src__", separator = "__", components = ["tenant"] }

[pipeline.other.target]
adapter = "leaky"
schema_template = "other__{tenant}"
`;

function rocky(cwd: string, ...args: string[]): Promise<CliResult> {
  const env = { ...process.env, ROCKY_LOG: "trace", ROCKY_TEST_TOKEN: ARGV_SECRET, ROCKY_TEST_PASSWORD: ENV_CONFIG_SECRET };
  return new Promise((done) => {
    execFile(process.execPath, [ROCKY, ...args], { cwd, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ stdout, stderr, exitCode: err && typeof err.code === "number" ? err.code : err ? 1 : 0 });
    });
  });
}

const COMMANDS = [
  ["discover"],
  ["discover", "--output", "json"],
  ["plan"],
  ["plan", "--output", "json"],
  ["run"],
  ["run", "--output", "json"],
  ["state"],
  ["state", "--output", "json"],
  ["history"],
  ["history", "--output", "json"],
  ["compile"],
  ["test-adapter", "--adapter", "leaky"],
  ["test-adapter", "--adapter", "leaky", "--output", "json"],
];

describe("issue 13: secrets never appear in output, logs, history or the state store", { timeout: 300_000 }, () => {
  let project: string;
  const results = new Map<string, CliResult>();
  beforeAll(async () => {
    project = realpathSync(mkdtempSync(join(tmpdir(), "rocky-secrets-")));
    writeFileSync(join(project, "rocky.toml"), TOML);
    for (const command of COMMANDS) results.set(command.join(" "), await rocky(project, ...command));
  }, 300_000);

  it.each(COMMANDS.map((c) => c.join(" ")))("rocky %s prints no secret on stdout or stderr (log at trace level)", (command) => {
    const r = results.get(command)!;
    for (const secret of SECRETS) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
      // Nor the start of one where a message was cut short.
      expect(`${r.stdout}${r.stderr}`).not.toContain(secret.slice(0, 12));
    }
  });

  it("redacts where the secrets would have been: the adapter's errors and the spawn error of a ${VAR} in a command", () => {
    const run = results.get("run")!;
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("authentication failed with key [redacted] password [redacted] argv --token=[redacted]");
    expect(run.stdout).toContain("/nonexistent/rocky-[redacted]");
    expect(results.get("discover")!.stderr).toContain("connecting with key [redacted] password [redacted] argv --token=[redacted]");
    const history = JSON.parse(results.get("history --output json")!.stdout) as { runs: { pipelines: { error?: { message: string } }[] }[] };
    expect(history.runs[0]?.pipelines.map((p) => p.error?.message)).toEqual([
      expect.stringContaining("authentication failed with key [redacted] password [redacted] argv --token=[redacted]"),
      expect.stringContaining("/nonexistent/rocky-[redacted]"),
    ]);
  });

  it("leaves no secret in the lmdb files", () => {
    const dir = join(project, ".rocky", "state");
    const files = readdirSync(dir);
    expect(files).toContain("data.mdb");
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), `${file} holds ${secret}`).toBe(false);
    }
  });
});
