// Runs Rocky's conformance suite on this adapter, through the protocol only (node --test, after npm run build).
// It must pass apart from the checks in conformance-expected-failures.txt; a listed check that passes fails too.
// Needs the rocky CLI: on PATH, or ROCKY="node <rocky>/host/dist/main.js".
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (file) => `${root}${file}`;

test("rocky test-adapter passes, apart from the expected failures", () => {
  const [program, ...pre] = (process.env.ROCKY ?? "rocky").split(" ").filter(Boolean);
  const proc = spawnSync(program, [
    ...pre, "test-adapter",
    "--command", `node "${at("dist/main.js")}"`,
    "--config", at("config.json"),
    "--expected-failures", at("conformance-expected-failures.txt"),
    "--output", "json",
  ], { encoding: "utf8", timeout: 900_000 });
  assert.ok(proc.stdout, `rocky test-adapter printed nothing (is ROCKY set?): ${proc.error?.message ?? proc.stderr}`);
  const report = JSON.parse(proc.stdout);
  const problems = [
    ...report.results.filter((r) => r.status === "failed" && !r.expected_failure).map((r) => `${r.name}: ${r.message}`),
    ...report.stale_expected_failures.map((name) => `${name} passes now: delete it from conformance-expected-failures.txt`),
  ];
  assert.equal(report.status, "passed", problems.join("\n") || proc.stderr);
});
