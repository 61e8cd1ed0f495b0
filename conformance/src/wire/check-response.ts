import { methodSpec, validate, formatProblems, type SchemaTypeName } from "@rocky/protocol";

/** The original protocol allows a bare manifest from initialize and a bare column array from describe_table. */
export function normalizeResult(method: string, result: unknown): unknown {
  if (method === "initialize" && result && typeof result === "object" && !("manifest" in result) && "name" in result && "capabilities" in result) {
    return { manifest: result };
  }
  if (method === "describe_table" && Array.isArray(result)) return { columns: result };
  return result;
}

/** Problems of one response to `method`, empty when it is well-formed and its result matches the method's schema. */
export function checkResponse(method: string, message: Record<string, unknown>): string[] {
  const hasResult = "result" in message;
  const hasError = "error" in message;
  if (hasResult === hasError) return [`has ${hasResult ? "both result and error" : "neither result nor error"}`];
  if (hasError) return checkErrorObject(message.error);
  const spec = methodSpec(method);
  if (!spec) return [];
  const problems = validate(spec.result as SchemaTypeName, normalizeResult(method, message.result));
  return problems.length === 0 ? [] : [`result does not match ${spec.result}: ${formatProblems(problems)}`];
}

function checkErrorObject(error: unknown): string[] {
  if (error === null || typeof error !== "object" || Array.isArray(error)) return ["error is not an object"];
  const { code, message } = error as { code?: unknown; message?: unknown };
  const problems: string[] = [];
  const codeOk = (typeof code === "number" && Number.isInteger(code)) || (typeof code === "string" && code.length > 0);
  if (!codeOk) problems.push(`error.code ${JSON.stringify(code)} is neither an integer nor an original-protocol string code`);
  if (typeof message !== "string") problems.push("error.message is not a string");
  return problems;
}

/** Problems of a notification the adapter sent; unknown `$/` notifications are allowed. */
export function checkNotification(method: string, params: unknown): string[] {
  const type: SchemaTypeName | undefined = method === "$/log" ? "LogParams" : method === "$/progress" ? "ProgressParams" : undefined;
  if (!type) return [];
  const problems = validate(type, params);
  return problems.length === 0 ? [] : [`params do not match ${type}: ${formatProblems(problems)}`];
}
