import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADAPTER_FIXTURES, idsWith, nodeLaunch, result, run } from "./helpers.js";

const STREAM = ["stdout_clean", "responses_valid"];

describe("runConformance() on the host's fixture adapters", () => {
  it("reports startup failed and runs nothing else when the adapter refuses every protocol version", async () => {
    const report = await run(nodeLaunch(join(ADAPTER_FIXTURES, "unsupported-protocol.mjs")));
    expect(idsWith(report, "failed")).toEqual(["startup"]);
    expect(result(report, "startup").message).toBe("initialize answered error -32050 (ProtocolVersionMismatch): No common protocol version: adapter speaks 7..9, host offered 1..1");
    expect(idsWith(report, "passed")).toEqual(STREAM);
    expect(result(report, "connect")).toMatchObject({ status: "skipped", message: "not run: the adapter did not complete initialize" });
    expect(report).toMatchObject({ adapter: join(ADAPTER_FIXTURES, "unsupported-protocol.mjs"), protocolVersion: null, manifest: null });
  });

  it("reports startup failed with the stderr tail when the adapter dies before answering initialize", async () => {
    const report = await run(nodeLaunch(join(ADAPTER_FIXTURES, "crashes-at-startup.mjs")));
    expect(idsWith(report, "failed")).toEqual(["startup"]);
    expect(result(report, "startup").message).toBe('the adapter exited with code 1 during "initialize"; last stderr lines: "cannot open credentials file ~/.fixture/creds"');
  });

  it("reports startup failed when the command cannot be started", async () => {
    const report = await run({ label: "missing", command: ["/nonexistent/rocky-adapter-x"], config: {} });
    expect(idsWith(report, "failed")).toEqual(["startup"]);
    expect(result(report, "startup").message).toBe('the adapter exited before it started (spawn /nonexistent/rocky-adapter-x ENOENT) during "initialize"');
  });

  it("reports startup failed when initialize is never answered within the startup budget", async () => {
    const report = await run(nodeLaunch(join(ADAPTER_FIXTURES, "never-answers-initialize.mjs")), { timeouts: { startupMs: 300, requestMs: 1000, graceMs: 300, cancelMs: 1000 } });
    expect(idsWith(report, "failed")).toEqual(["startup"]);
    expect(result(report, "startup").message).toBe("no answer to initialize within 300 ms");
  });

  it("fails shutdown and exit_on_eof for an adapter that ignores shutdown, stdin EOF and SIGTERM", async () => {
    const report = await run(nodeLaunch(join(ADAPTER_FIXTURES, "ignores-shutdown.mjs")), { only: new Set(["shutdown", "exit_on_eof", "no_orphans"]) });
    expect(idsWith(report, "failed")).toEqual(["shutdown", "exit_on_eof"]);
    expect(result(report, "shutdown").message).toBe('no answer to "shutdown" within 1000 ms; the adapter was still running 1000 ms after stdin closed');
    expect(result(report, "exit_on_eof").message).toBe("the adapter was still running 1000 ms after its stdin closed (without shutdown)");
    expect(result(report, "connect")).toMatchObject({ status: "skipped", message: "not selected" });
  });

  it("fails stdout_clean, naming the check during which junk appeared", async () => {
    const report = await run(nodeLaunch(join(ADAPTER_FIXTURES, "writes-junk-to-stdout.mjs")), { only: new Set(["execute_query", "stdout_clean"]) });
    expect(idsWith(report, "failed")).toEqual(["execute_query", "stdout_clean"]);
    expect(result(report, "stdout_clean").message).toBe('1 line(s) on stdout are not protocol messages: not json "Connecting to warehouse... done" (during execute_query)');
  });

  it("accepts an original-protocol adapter's handshake, string error codes and id-0 parse errors", async () => {
    const report = await run({ label: "echo", command: ["python3", join(ADAPTER_FIXTURES, "original_protocol_adapter.py")], config: {} });
    expect(report).toMatchObject({ adapter: "echo", legacyProtocol: true, protocolVersion: 1 });
    expect(result(report, "version_negotiation").status).toBe("skipped");
    expect(result(report, "connect")).toMatchObject({ status: "passed", message: '"echo" 0.1.0, dialect generic; no ping (original protocol)' });
    expect(result(report, "malformed_json")).toMatchObject({ status: "passed", message: "answered with id 0 (original protocol); JSON-RPC wants id null" });
    expect(result(report, "unknown_method").status).toBe("passed");
    expect(result(report, "undeclared_capability").status).toBe("passed");
    // An echo "warehouse" fails the SQL checks for real: they are executed, not assumed; it even accepts bad SQL.
    expect(result(report, "error_codes").message).toBe('execute_statement "THIS IS NOT SQL rocky_conformance" succeeded; it must answer an error');
    expect(result(report, "execute_query").status).toBe("failed");
    expect(result(report, "type_integer").status).toBe("failed");
  });
});
