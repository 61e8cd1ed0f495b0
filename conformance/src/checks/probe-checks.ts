import { ErrorCodes, formatProblems, validate, type ProtocolVersionRange } from "@rocky/protocol";
import { replyError } from "../wire/call.js";
import { CheckSkipped } from "../wire/wire-faults.js";
import type { CheckRun } from "./check-context.js";
import { fail, json } from "./expect.js";
import { expectAlive } from "./protocol-checks.js";

const DISJOINT: ProtocolVersionRange = { min: 90, max: 99 };
const WIDE: ProtocolVersionRange = { min: 1, max: 5 };

/** Checks that talk to a second adapter process, which they may break: a crash there leaves the main session alone. */
export const PROBE_CHECKS: Record<string, CheckRun> = {
  async version_negotiation(ctx) {
    if (ctx.legacy) throw new CheckSkipped("the adapter speaks the original protocol (initialize answered without protocol_version), which has no version negotiation");
    const session = ctx.spawnSession();
    try {
      session.during = "version_negotiation";
      const refused = await session.request("initialize", ctx.initializeParams(DISJOINT), ctx.timeouts.startupMs);
      const error = replyError("initialize", refused);
      if (!error) {
        const picked = (refused.message.result as { protocol_version?: unknown } | undefined)?.protocol_version;
        fail(`offered protocol versions 90..99, the adapter accepted (protocol_version ${json(picked)}); it must refuse with error -32050 (ProtocolVersionMismatch)`);
      }
      if (error.code !== ErrorCodes.ProtocolVersionMismatch) fail(`offered protocol versions 90..99, the adapter answered error ${error.code} (${error.codeName}); expected -32050 (ProtocolVersionMismatch)`);
      if (error.wireMessage.trim() === "") fail("the -32050 error has an empty message; it should name both version ranges");
      const problems = validate("ProtocolMismatchData", error.data);
      if (problems.length > 0) fail(`the -32050 error's data must be {supported: {min, max}, offered}: ${formatProblems(problems)}`);
      const supported = (error.data as { supported: ProtocolVersionRange }).supported;
      const accepted = await session.request("initialize", ctx.initializeParams(WIDE), ctx.timeouts.startupMs);
      const again = replyError("initialize", accepted);
      if (again) fail(`after refusing 90..99, initialize offering 1..5 answered error ${again.code}: ${again.wireMessage}`);
      const picked = (accepted.message.result as { protocol_version?: unknown }).protocol_version;
      const best = Math.min(WIDE.max, supported.max);
      if (picked !== best) fail(`offered 1..5, the adapter (which supports ${supported.min}..${supported.max}) picked ${json(picked)}; expected the highest common version ${best}`);
      return `refused 90..99 with -32050 (supports ${supported.min}..${supported.max}); picked ${best} from 1..5`;
    } finally {
      await session.kill();
    }
  },

  async unknown_method(ctx) {
    const session = await ctx.probeSession();
    const reply = await session.request("rocky_conformance/no_such_method", {}, ctx.timeouts.requestMs);
    const error = replyError("rocky_conformance/no_such_method", reply);
    if (!error) fail(`the unknown method "rocky_conformance/no_such_method" answered a result ${json(reply.message.result)}; expected error -32601 (MethodNotFound)`);
    if (error.code !== ErrorCodes.MethodNotFound) fail(`the unknown method answered error ${error.code} (${error.codeName}); expected -32601 (MethodNotFound)`);
    await expectAlive(session, "an unknown method", ctx.timeouts.requestMs);
  },

  async malformed_json(ctx) {
    const session = await ctx.probeSession();
    session.acceptNullIds = true;
    try {
      session.writeRaw('{"jsonrpc": "2.0", "id": 424242, "method": "ping", "params": {\n');
      await session.waitFor(() => session.nullIdReplies.length > 0, ctx.timeouts.requestMs);
      const reply = session.nullIdReplies.shift();
      if (!reply) {
        if (!session.alive) fail(`the adapter exited after a malformed line${session.stderrTail().length > 0 ? `; last stderr: ${json(session.stderrTail().slice(-2))}` : ""}`, "Answer a line that is not JSON with error -32700 and id null, then keep reading");
        fail(`no error -32700 with id null within ${ctx.timeouts.requestMs} ms of a malformed line`, "Answer a line that is not JSON with error -32700 and id null, then keep reading");
      }
      const error = replyError("(malformed line)", reply);
      if (!error) fail(`a malformed line was answered with a result ${json(reply.message.result)}`);
      if (error.code !== ErrorCodes.ParseError) fail(`a malformed line answered error ${error.code} (${error.codeName}); expected -32700 (ParseError)`);
      await expectAlive(session, "a malformed line", ctx.timeouts.requestMs);
      return reply.id === 0 ? "answered with id 0 (original protocol); JSON-RPC wants id null" : undefined;
    } finally {
      session.acceptNullIds = false;
    }
  },

  async exit_on_eof(ctx) {
    const session = await ctx.probeSession();
    session.closeInput();
    const exit = await session.waitExit(ctx.timeouts.graceMs);
    if (!exit) fail(`the adapter was still running ${ctx.timeouts.graceMs} ms after its stdin closed (without shutdown)`, "Exit with code 0 when stdin reaches EOF, with or without a shutdown request first");
    if (exit.code !== 0) fail(`on stdin EOF the adapter exited ${exit.signal ? `on signal ${exit.signal}` : `with code ${exit.code}`}; expected code 0`);
  },
};
