import { ErrorCodes } from "@rocky/protocol";
import { replyError } from "../wire/call.js";
import { CheckSkipped } from "../wire/wire-faults.js";
import type { Reply, WireSession } from "../wire/wire-session.js";
import type { CheckContext, CheckRun } from "./check-context.js";
import { fail, json } from "./expect.js";
import { expectAlive } from "./protocol-checks.js";

const SPEC = "JSON-RPC 2.0 (https://www.jsonrpc.org/specification) section 5";
const INVALID_HINT = `Answer every invalid Request object with error -32600 (InvalidRequest) and id null, then keep reading (${SPEC})`;
const BATCH_HINT = "Answer a JSON array of requests with one JSON array holding an answer per request and none per notification; an empty array gets one -32600 (JSON-RPC 2.0 section 6)";

/** Invalid Request objects of the specification: what each breaks, and the line (ids 7001.. are the probe's own). */
const INVALID: readonly [string, string][] = [
  ["method is not a string (the specification's example)", '{"jsonrpc":"2.0","method":1,"params":"bar"}'],
  ["params is neither an object nor an array", '{"jsonrpc":"2.0","id":7001,"method":"ping","params":"bar"}'],
  ['"jsonrpc" is missing', '{"id":7002,"method":"ping"}'],
  ['"jsonrpc" is "1.0"', '{"jsonrpc":"1.0","id":7003,"method":"ping"}'],
  ["id is an object", '{"jsonrpc":"2.0","id":{"n":7004},"method":"ping"}'],
  ["id is a boolean", '{"jsonrpc":"2.0","id":true,"method":"ping"}'],
];
const PROBE_IDS = [7001, 7002, 7003];

function exitNote(session: WireSession): string {
  return session.alive ? "" : `; the adapter exited${session.stderrTail().length > 0 ? `, last stderr: ${json(session.stderrTail().slice(-2))}` : ""}`;
}

/** The one answer to an invalid request: error -32600, id null (0 tolerated from the original protocol, with a note). */
function judgeInvalid(ctx: CheckContext, what: string, reply: Reply | undefined, line: string): string | undefined {
  if (!reply) return undefined;
  const error = replyError("(invalid request)", reply);
  if (!error) fail(`${line} (${what}) was answered with a result ${json(reply.message.result)}; expected error -32600 (InvalidRequest)`, INVALID_HINT);
  if (error.code !== ErrorCodes.InvalidRequest) fail(`${line} (${what}) was answered with error ${error.code} (${error.codeName}); expected -32600 (InvalidRequest)`, INVALID_HINT);
  if (reply.id === 0 && ctx.legacy) return "answered with id 0 (original protocol); JSON-RPC wants id null";
  if (reply.id !== null) fail(`${line} (${what}) was answered with id ${json(reply.id)}; an invalid request's answer has id null`, INVALID_HINT);
  return undefined;
}

async function sendBatch(session: WireSession, line: string, ms: number): Promise<readonly unknown[] | undefined> {
  const before = session.batchReplies.length;
  session.writeRaw(`${line}\n`);
  await session.waitFor(() => session.batchReplies.length > before, ms);
  return session.batchReplies[before];
}

function byId(answers: readonly unknown[]): Map<unknown, Record<string, unknown>> {
  return new Map(answers.filter((a): a is Record<string, unknown> => a !== null && typeof a === "object" && !Array.isArray(a)).map((a) => [a.id, a]));
}

export const JSONRPC_CHECKS: Record<string, CheckRun> = {
  async invalid_request(ctx) {
    const session = await ctx.probeSession();
    session.acceptNullIds = true;
    for (const id of PROBE_IDS) session.probeIds.add(id);
    const notes = new Set<string>();
    try {
      for (const [what, line] of INVALID) {
        const before = session.nullIdReplies.length;
        session.writeRaw(`${line}\n`);
        await session.waitFor(() => session.nullIdReplies.length > before, ctx.timeouts.requestMs);
        const reply = session.nullIdReplies[before];
        if (!reply) fail(`${line} (${what}) got no answer within ${ctx.timeouts.requestMs} ms${exitNote(session)}; expected error -32600 with id null`, INVALID_HINT);
        const note = judgeInvalid(ctx, what, reply, line);
        if (note) notes.add(note);
      }
      await expectAlive(session, "invalid requests", ctx.timeouts.requestMs);
      return [`${INVALID.length} invalid requests answered -32600`, ...notes].join("; ");
    } finally {
      session.acceptNullIds = false;
      session.probeIds.clear();
    }
  },

  async batch_requests(ctx) {
    if (ctx.legacy) throw new CheckSkipped("the adapter speaks the original protocol (initialize answered without protocol_version), which never sends batches");
    const session = await ctx.probeSession();
    session.acceptBatches = true;
    session.acceptNullIds = true;
    try {
      const line = '[{"jsonrpc":"2.0","id":"rc-b1","method":"ping"},{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"rc-none"}},{"jsonrpc":"2.0","id":"rc-b2","method":"rocky_conformance/no_such_method"},1]';
      const answers = await sendBatch(session, line, ctx.timeouts.requestMs);
      if (!answers) fail(`a batch of 2 requests, 1 notification and 1 invalid member got no JSON array back within ${ctx.timeouts.requestMs} ms${exitNote(session)}`, BATCH_HINT);
      if (answers.length !== 3) fail(`a batch of 2 requests, 1 notification and 1 invalid member was answered with ${answers.length} answers ${json(answers)}; expected 3 (none for the notification)`, BATCH_HINT);
      const ids = byId(answers);
      const ping = ids.get("rc-b1");
      const unknown = ids.get("rc-b2") as { error?: { code?: unknown } } | undefined;
      const invalid = ids.get(null) as { error?: { code?: unknown } } | undefined;
      if (!ping || !("result" in ping)) fail(`the batch's ping (id "rc-b1") was not answered with a result: ${json(answers)}`, BATCH_HINT);
      if (unknown?.error?.code !== ErrorCodes.MethodNotFound) fail(`the batch's unknown method (id "rc-b2") was not answered with -32601: ${json(answers)}`, BATCH_HINT);
      if (invalid?.error?.code !== ErrorCodes.InvalidRequest) fail(`the batch's member 1 (not an object) was not answered with -32600 and id null: ${json(answers)}`, BATCH_HINT);

      const before = session.nullIdReplies.length;
      session.writeRaw("[]\n");
      await session.waitFor(() => session.nullIdReplies.length > before || session.batchReplies.length > 1, ctx.timeouts.requestMs);
      if (session.batchReplies.length > 1) fail(`an empty batch was answered with an array ${json(session.batchReplies[1])}; expected one error -32600 (not in an array)`, BATCH_HINT);
      const empty = session.nullIdReplies[before];
      if (!empty) fail(`an empty batch got no answer within ${ctx.timeouts.requestMs} ms${exitNote(session)}; expected one error -32600 with id null`, BATCH_HINT);
      if (replyError("(empty batch)", empty)?.code !== ErrorCodes.InvalidRequest) fail(`an empty batch was answered ${json(empty.message)}; expected error -32600 with id null`, BATCH_HINT);

      session.writeRaw('[{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"rc-none"}},{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"rc-none-2"}}]\n');
      await expectAlive(session, "a batch of notifications", ctx.timeouts.requestMs);
      if (session.batchReplies.length > 1 || session.nullIdReplies.length > before + 1) {
        fail(`a batch of notifications only was answered (${json(session.batchReplies[1] ?? session.nullIdReplies.at(-1)?.message)}); it must get no answer at all`, BATCH_HINT);
      }
      return "a mixed batch got one array of 3 answers; an empty one -32600; one of notifications nothing";
    } finally {
      session.acceptBatches = false;
      session.acceptNullIds = false;
    }
  },
};
