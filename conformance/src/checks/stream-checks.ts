import type { Outcome } from "../outcome.js";
import { failed, passed } from "../outcome.js";
import type { WireSession } from "../wire/wire-session.js";
import { json } from "./expect.js";

const FRAMING = new Set(["invalid-utf8", "not-json", "not-jsonrpc", "unterminated-line"]);
const MAX_LISTED = 3;

function listed(items: readonly string[]): string {
  const more = items.length > MAX_LISTED ? `; and ${items.length - MAX_LISTED} more` : "";
  return items.slice(0, MAX_LISTED).join("; ") + more;
}

/** stdout_clean: every byte each session's stdout carried was a protocol line. */
export function stdoutOutcome(sessions: readonly WireSession[]): Outcome {
  const bad = sessions.flatMap((s) => s.violations.filter((v) => FRAMING.has(v.kind)));
  const dropped = sessions.reduce((n, s) => n + s.violationsDropped, 0);
  if (bad.length === 0 && dropped === 0) return passed();
  const what = bad.map((v) => `${v.kind.replaceAll("-", " ")} ${json(v.text)} (during ${v.during})`);
  const more = dropped > 0 ? ` (${dropped} more stream fault(s) not kept)` : "";
  return failed(`${bad.length} line(s) on stdout are not protocol messages${more}: ${listed(what)}`,
    "Only JSON-RPC messages may go to stdout; send logs to stderr or as $/log notifications (SDKs redirect print/console output for you)");
}

/** responses_valid: each response matched a request in flight once, and every result and notification matched its schema. */
export function responsesOutcome(sessions: readonly WireSession[]): Outcome {
  const ids = sessions.flatMap((s) => s.violations.filter((v) => !FRAMING.has(v.kind)));
  const problems = sessions.flatMap((s) => s.problems);
  const items = [
    ...ids.map((v) => `${v.kind === "duplicate-id" ? "a second answer to one request" : "a response to no request in flight"}: ${json(v.text)} (during ${v.during})`),
    ...problems.map((p) => `"${p.method}" ${p.problem} (during ${p.during})`),
  ];
  if (items.length === 0) return passed();
  return failed(`${items.length} invalid response(s): ${listed(items)}`, "Answer each request exactly once, with its id, and match schemas/protocol/messages.schema.json");
}
