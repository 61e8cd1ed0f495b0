import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CompileOutput, Diagnostic, RunModelResult, RunOutput } from "@rocky/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { duck, parseJson, rocky } from "../e2e/helpers.js";

const FILES: Readonly<Record<string, string>> = {
  "rocky.toml": `[adapter.wh]
type = "duckdb"
path = "wh.duckdb"

[pipeline.bronze]
type = "replication"
strategy = "full_refresh"
contracts = "contracts/bronze"
source = { adapter = "wh", schema_pattern = { prefix = "src__", separator = "__", components = ["tenant"] } }
target = { adapter = "wh", schema_template = "{tenant}_bronze" }

[pipeline.silver]
type = "transformation"
target = { adapter = "wh", catalog = "wh", schema = "silver" }
`,
  // Passes: Int32 declared, BIGINT produced (a safe widening); required and protected present.
  "contracts/people_ok.contract.toml": `[[columns]]
name = "id"
type = "Int32"
nullable = false

[[columns]]
name = "name"
type = "String"

[rules]
required = ["id", "name"]
protected = ["id"]
`,
  "models/people_ok.sql": "SELECT CAST(id AS BIGINT) AS id, name FROM wh.acme_bronze.people",
  "models/people_ok.toml": "",
  // Fails at compile: required column missing.
  "contracts/no_email.contract.toml": '[rules]\nrequired = ["id", "email"]\n',
  "models/no_email.sql": "SELECT id, name FROM wh.acme_bronze.people",
  "models/no_email.toml": "",
  // Fails at compile: a type that is no widening of the declared one; its downstream is skipped at run.
  "models/bad_type.sql": "SELECT id, CAST(score AS INTEGER) AS score FROM wh.acme_bronze.people",
  "models/bad_type.toml": '[contract]\ncolumns = [{ name = "id", type = "INTEGER" }, { name = "score", type = "DECIMAL(10,2)" }]\n',
  "models/downstream.sql": "SELECT * FROM bad_type",
  "models/downstream.toml": "",
  // Fails at compile: no_new_nullable and an undeclared column.
  "models/strict.sql": "SELECT id, name, score FROM wh.acme_bronze.people",
  "models/strict.toml": "",
  "models/strict.contract.toml": '[[columns]]\nname = "id"\n\n[[columns]]\nname = "name"\n\n[rules]\nno_new_nullable = true\n',
  // Passes compile (nullability of a SELECT is unknown); fails at run on the rows: some emails are NULL.
  "contracts/emails.contract.toml": '[[columns]]\nname = "id"\n\n[[columns]]\nname = "email"\nnullable = false\n',
  "models/emails.sql": "SELECT id, email FROM wh.acme_bronze.people",
  "models/emails.toml": "",
  // Protected, built on the first run, then changed.
  "contracts/guarded.contract.toml": '[rules]\nprotected = ["id", "score"]\n',
  "models/guarded.sql": "SELECT id, score FROM wh.acme_bronze.people",
  "models/guarded.toml": "",
  // The replicated table's contract: email may not be NULL.
  "contracts/bronze/people.contract.toml": '[[columns]]\nname = "id"\ntype = "INTEGER"\n\n[[columns]]\nname = "email"\nnullable = false\n\n[rules]\nrequired = ["id"]\n',
};

function project(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "rocky-contracts-")));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const model = (out: RunOutput, name: string): RunModelResult | undefined => out.pipelines.flatMap((p) => p.models ?? []).find((m) => m.name === name);
const brief = (d: Diagnostic) => `${d.severity} ${d.code} ${d.location?.file ?? ""}:${d.location?.line ?? ""} ${d.message}`;

describe("contracts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = project();
    await duck(
      join(dir, "wh.duckdb"),
      `CREATE SCHEMA src__acme; CREATE TABLE src__acme.people AS SELECT CAST(i AS INTEGER) AS id, 'p' || i AS name, CASE WHEN i % 2 = 0 THEN 'p' || i || '@x.io' END AS email,
         CAST(i * 1.5 AS DECIMAL(10, 2)) AS score FROM range(1, 5) t(i)`,
    );
  });

  it("rocky compile reports each broken rule at its contract's line, and lets the others pass", async () => {
    // The models read the replicated table: replicate the first time so the warehouse can describe their SELECTs.
    writeFileSync(join(dir, "contracts/bronze/people.contract.toml"), FILES["contracts/bronze/people.contract.toml"]?.replace("nullable = false", "nullable = true") ?? "");
    expect((await rocky(dir, "run", "--pipeline", "bronze")).exitCode).toBe(0);
    writeFileSync(join(dir, "contracts/bronze/people.contract.toml"), FILES["contracts/bronze/people.contract.toml"] ?? "");
    const r = await rocky(dir, "compile", "--output", "json");
    expect(r.exitCode).toBe(1);
    expect(parseJson<CompileOutput>(r).diagnostics.map(brief)).toEqual([
      'error CONTRACT_VIOLATION contracts/no_email.contract.toml:2 "no_email" breaks its contract: required column "email" is missing [rule required]',
      'error CONTRACT_VIOLATION models/bad_type.toml:2 "bad_type" breaks its contract: column "score" is INTEGER, where the contract says DECIMAL(10,2) (or a safe widening of it) [rule type]',
      'error CONTRACT_VIOLATION models/strict.contract.toml:8 "strict" breaks its contract: nullable column "score" is not declared in the contract [rule no_new_nullable]',
    ]);
  });

  it("rocky run fails a model that breaks its contract before it writes, skips its downstream, and checks NULLs on the rows", async () => {
    const r = await rocky(dir, "run", "--output", "json");
    expect(r.exitCode).toBe(1);
    const out = parseJson<RunOutput>(r);
    // The replicated table: the source holds NULL emails, so nothing is copied.
    const people = out.pipelines.find((p) => p.pipeline === "bronze")?.tables[0];
    expect(people).toMatchObject({ status: "failed", error: { code: "CONTRACT_VIOLATION" } });
    expect(people?.violations).toEqual([
      {
        rule: "nullable", column: "email", old_type: null, new_type: null,
        message: 'column "email" must not be NULL, and 2 row(s) about to be written hold NULL in it',
        location: { file: "contracts/bronze/people.contract.toml", line: 6, key: "columns" },
      },
    ]);
    expect(model(out, "people_ok")?.status).toBe("succeeded");
    expect(model(out, "guarded")?.status).toBe("succeeded");
    const emails = model(out, "emails");
    expect(emails?.status).toBe("failed");
    expect(emails?.error?.message).toBe(
      'Contract of "wh.silver.emails" violated, nothing written: column "email" must not be NULL, and 2 row(s) about to be written hold NULL in it [rule nullable] (contracts/emails.contract.toml:5)',
    );
    expect(model(out, "bad_type")?.violations?.[0]).toMatchObject({ rule: "type", column: "score", old_type: "DECIMAL(10,2)", new_type: "INTEGER" });
    expect(model(out, "downstream")).toMatchObject({ status: "skipped", failed_upstream: "bad_type" });
    expect(model(out, "no_email")?.violations?.map((v) => v.rule)).toEqual(["required"]);
    expect(model(out, "strict")?.violations?.map((v) => `${v.rule} ${v.column}`)).toEqual(["no_new_nullable score"]);
    const built = await duck(join(dir, "wh.duckdb"), "SELECT table_name FROM information_schema.tables WHERE table_schema = 'silver' ORDER BY 1");
    expect(built).toEqual([["guarded"], ["people_ok"]]);
  });

  it("a protected column of the built table may not be dropped or retyped, at compile and at run", async () => {
    writeFileSync(join(dir, "models/guarded.sql"), "SELECT id, CAST(score AS INTEGER) AS score FROM wh.acme_bronze.people");
    const compiled = parseJson<CompileOutput>(await rocky(dir, "compile", "--output", "json")).diagnostics.filter((d) => d.model === "guarded");
    expect(compiled.map(brief)).toEqual([
      'error CONTRACT_VIOLATION contracts/guarded.contract.toml:2 "guarded" breaks its contract: protected column "score" would change type from DECIMAL(10,2) to INTEGER, which is not a safe widening [rule protected]',
    ]);
    writeFileSync(join(dir, "models/guarded.sql"), "SELECT id FROM wh.acme_bronze.people");
    const r = await rocky(dir, "run", "--pipeline", "silver", "--model", "guarded", "--output", "json");
    expect(r.exitCode).toBe(1);
    expect(model(parseJson<RunOutput>(r), "guarded")?.violations).toEqual([
      { rule: "protected", column: "score", old_type: "DECIMAL(10,2)", new_type: null, message: 'protected column "score" would be dropped', location: { file: "contracts/guarded.contract.toml", line: 2, key: "rules.protected" } },
    ]);
    expect(await duck(join(dir, "wh.duckdb"), "SELECT count(*), sum(score) FROM silver.guarded")).toEqual([[4n, 15]]);
  });

  it("an invalid contract file is an error at its line, a file naming no model a warning, a replicated table's contract checked too", async () => {
    writeFileSync(join(dir, "contracts/people_ok.contract.toml"), '[[columns]]\nname = "id"\nnulable = false\n');
    writeFileSync(join(dir, "contracts/nobody.contract.toml"), "");
    // A replicated table's contract is checked at compile against what its copy would write; <schema>.<table> wins over <table>.
    writeFileSync(join(dir, "contracts/bronze/acme_bronze.people.contract.toml"), '[rules]\nrequired = ["ssn"]\n');
    const out = parseJson<CompileOutput>(await rocky(dir, "compile", "--output", "json"));
    expect(out.diagnostics.filter((d) => d.model === "acme_bronze.people").map(brief)).toEqual([
      'error CONTRACT_VIOLATION contracts/bronze/acme_bronze.people.contract.toml:2 "acme_bronze.people" breaks its contract: required column "ssn" is missing [rule required]',
    ]);
    expect(out.diagnostics.filter((d) => d.model === "people_ok" || d.location?.file === "contracts/nobody.contract.toml").map(brief)).toEqual([
      'error CONTRACT_INVALID contracts/people_ok.contract.toml:3 Invalid contract: "columns.nulable" has unknown property "nulable"',
      'warning CONTRACT_INVALID contracts/nobody.contract.toml: Contract "contracts/nobody.contract.toml" names no model: there is no model "nobody"',
    ]);
  });
});
