import { execFileSync } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { initAdapter } from "../../host/src/cli/init-adapter.js";
import { parseExpectedFailures } from "../src/expected-failures.js";
import { summarize } from "../src/report/summarize.js";
import type { AdapterLaunch, ConformanceReport } from "../src/types.js";
import { ROOT, idsWith, run, scratchDir } from "./helpers.js";

const PASSED = [
  "connect", "manifest_valid", "version_negotiation", "unknown_method", "malformed_json", "invalid_request", "batch_requests", "utf8_roundtrip", "large_message",
  "concurrent_requests", "error_codes", "undeclared_capability", "stdout_clean", "responses_valid", "startup", "shutdown", "exit_on_eof", "no_orphans",
];
const FAILED = [
  "create_table", "drop_table", "insert_into", "describe_table", "table_exists_true", "table_exists_false", "execute_query",
  "type_string", "type_integer", "type_float", "type_boolean", "type_date", "type_timestamp", "type_null", "format_table_ref", "watermark_where", "row_hash",
];
const SKIPPED = ["create_catalog", "create_schema", "merge_into", "execute_batch", "query_paging", "set_tags", "get_grants", "batch_row_counts", "batch_freshness", "discover", "cancellation"];

const ROCKY_CLI = join(ROOT, "host", "dist", "main.js");
const scratch = scratchDir();
afterAll(() => scratch.remove());

function expectFreshScaffold(report: ConformanceReport, dir: string, file: string, firstHint: string): void {
  expect(idsWith(report, "passed")).toEqual(PASSED);
  expect(idsWith(report, "failed")).toEqual(FAILED);
  expect(idsWith(report, "skipped")).toEqual(SKIPPED);
  for (const r of report.results.filter((x) => x.status === "failed")) {
    expect(r.message, r.id).toMatch(new RegExp(`^not yet implemented: fill in "?\\w+"?(\\(\\))? in ${file.replace(".", "\\.")} \\("\\w+" answered -32601\\)$`));
  }
  expect(report.results.find((r) => r.id === "create_table")?.hint).toBe(firstHint);
  // The scaffold's expected-failures file lists exactly what fails, so its own test passes from day one.
  const listed = parseExpectedFailures(readFileSync(join(dir, "conformance-expected-failures.txt"), "utf8"));
  expect([...listed.ids]).toEqual(FAILED);
}

async function runWithExpected(launch: AdapterLaunch, dir: string): Promise<string> {
  const expected = parseExpectedFailures(readFileSync(join(dir, "conformance-expected-failures.txt"), "utf8")).ids;
  return summarize(await run(launch, { expectedFailures: expected })).status;
}

describe("rocky init-adapter scaffolds", () => {
  it("python: passes the handshake, protocol and lifecycle checks and fails each warehouse check as not yet implemented", async () => {
    const { dir } = initAdapter({ name: "big_query", lang: "python" }, scratch.dir);
    const launch: AdapterLaunch = { label: "big_query", command: ["python3", join(dir, "adapter.py")], config: {}, env: { ROCKY_SDK_PYTHON: join(ROOT, "sdk-python") } };
    const report = await run(launch);
    expect(report).toMatchObject({ adapter: "big_query", sdkVersion: "0.1.0", protocolVersion: 1 });
    expectFreshScaffold(report, dir, "adapter.py", "Implement BigQueryAdapter.execute_statement() in adapter.py; README.md says what it must return");
    expect(await runWithExpected(launch, dir)).toBe("passed");
    // The scaffold's own test runs the built rocky CLI on it.
    const env = { ...process.env, ROCKY: `"${process.execPath}" "${ROCKY_CLI}"`, ROCKY_SDK_PYTHON: join(ROOT, "sdk-python") };
    expect(execFileSync("python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], { cwd: dir, env, encoding: "utf8" })).toMatch(/^1 passed/m);
  });

  it("typescript: compiles under strict settings, then passes and fails the same checks", async () => {
    const { dir } = initAdapter({ name: "big_query", lang: "typescript", dir: "ts" }, scratch.dir);
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8" });
    const launch: AdapterLaunch = { label: "big_query", command: [process.execPath, join(dir, "dist", "main.js")], config: {} };
    const report = await run(launch);
    expect(report).toMatchObject({ adapter: "big_query", protocolVersion: 1 });
    expectFreshScaffold(report, dir, "src/adapter.ts", 'Implement the "execute_statement" handler in src/adapter.ts; README.md says what it must return');
    expect(await runWithExpected(launch, dir)).toBe("passed");
    const env = { ...process.env, ROCKY: `${process.execPath} ${ROCKY_CLI}` };
    expect(execFileSync(process.execPath, ["--test", "test/"], { cwd: dir, env, encoding: "utf8" })).toMatch(/^# pass 1$/m);

    // JSON-RPC 2.0 exactly (https://www.jsonrpc.org/specification §4, §6): invalid Request objects get -32600 with id
    // null, a batch an array of answers (none for its notifications), an empty batch one -32600. Exact bytes.
    const input = [
      '{"jsonrpc":"2.0","method":1,"params":"bar"}',
      '{"jsonrpc":"2.0","method":"ping","params":"bar","id":1}',
      '{"method":"ping","id":2}',
      '{"jsonrpc":"2.0","method":"ping","id":{"x":3}}',
      "[]",
      "[1]",
      '[{"jsonrpc":"2.0","method":"ping","id":"b1"},{"jsonrpc":"2.0","method":"$/log"},{"jsonrpc":"2.0","method":"ping","id":"b2"}]',
      '[{"jsonrpc":"2.0","method":"$/log"}]',
    ];
    const stdout = execFileSync(process.execPath, [join(dir, "dist", "main.js")], { input: `${input.join("\n")}\n`, encoding: "utf8" });
    const invalid = (why: string) => `{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request: ${why}","data":{"code":"INVALID_REQUEST"}}}`;
    expect(stdout.split("\n").filter(Boolean).sort()).toEqual(
      [
        invalid('\\"method\\" must be a string'),
        invalid('\\"params\\" must be an object or an array'),
        invalid('\\"jsonrpc\\" must be exactly \\"2.0\\"'),
        invalid('\\"id\\" must be a string, a number or null'),
        invalid("a batch must hold at least one request"),
        `[${invalid("a request must be a JSON object")}]`,
        '[{"jsonrpc":"2.0","id":"b1","result":{}},{"jsonrpc":"2.0","id":"b2","result":{}}]',
      ].sort(),
    );
  });
});
