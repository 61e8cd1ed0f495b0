import { formatProblems, methodSpec, normalizeErrorCode, validate, type ParamsOf, type ResultOf, type SchemaTypeName, type WireMethod } from "@rocky/protocol";
import { normalizeResult } from "./check-response.js";
import { CheckFailure, ReplyError } from "./wire-faults.js";
import type { Reply, WireSession } from "./wire-session.js";

/** The reply's error as a ReplyError, or undefined for a result. */
export function replyError(method: string, reply: Reply): ReplyError | undefined {
  if (!("error" in reply.message)) return undefined;
  const error = (reply.message.error ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
  const { code, name } = normalizeErrorCode(error.code);
  const dataCode = (error.data as { code?: unknown } | null | undefined)?.code;
  return new ReplyError(method, code, typeof dataCode === "string" ? dataCode : name, typeof error.message === "string" ? error.message : "", error.data);
}

/** One request on `session`: the result, validated against the method's schema, or a thrown ReplyError / CheckFailure. */
export async function call<M extends WireMethod>(session: WireSession, method: M, params: ParamsOf<M>, timeoutMs: number): Promise<ResultOf<M>> {
  const reply = await session.request(method, params, timeoutMs);
  const error = replyError(method, reply);
  if (error) throw error;
  const result = normalizeResult(method, reply.message.result);
  const spec = methodSpec(method);
  const problems = spec ? validate(spec.result as SchemaTypeName, result) : [];
  if (problems.length > 0) {
    throw new CheckFailure(`"${method}" answered a result that does not match ${spec?.result}: ${formatProblems(problems)}`, `See ${spec?.result} in schemas/protocol/messages.schema.json`);
  }
  return result as ResultOf<M>;
}
