import { ErrorCodes, type Capabilities } from "@rocky/protocol";
import { replyError } from "../wire/call.js";
import { CheckSkipped, ReplyError } from "../wire/wire-faults.js";
import type { WireSession } from "../wire/wire-session.js";
import type { CheckContext, CheckRun } from "./check-context.js";
import { fail, firstColumn, json } from "./expect.js";

export const UTF8_TEXT = "żółć 日本語 🎸 ∑ Ω ü é 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — ✓";
const LARGE_BYTES = 4 * 1024 * 1024;

/** Any answer with the right id proves the adapter read the request and is still serving. */
export async function expectAlive(session: WireSession, after: string, timeoutMs: number): Promise<void> {
  await session.request("ping", {}, timeoutMs).catch((err: unknown) => fail(`the adapter stopped serving after ${after}: ${(err as Error).message}`));
}

/** A round trip through execute_query, or undefined when execute_query is a stub still to be written. */
async function echo(ctx: CheckContext, literal: string): Promise<unknown> {
  // A source-only adapter (no warehouse capability) has no execute_query to echo with.
  if (!ctx.has("warehouse")) return undefined;
  try {
    return firstColumn(await ctx.sql.query(`SELECT '${literal}' AS s`))[0];
  } catch (err) {
    if (err instanceof ReplyError && err.notImplemented) return undefined;
    throw err;
  }
}

function largeText(): string {
  const unit = "0123456789abcdefghijklmnopqrstuvwxyz ż日🎸\n";
  return unit.repeat(Math.ceil(LARGE_BYTES / Buffer.byteLength(unit))).replaceAll("\n", " ");
}

const UNGATED_PROBES: readonly [keyof Capabilities, string, object][] = [
  ["discovery", "discovery/list", {}],
  ["governance", "governance/get_grants", { target: { catalog: "" } }],
  ["batch_checks", "checks/row_counts", { tables: [] }],
  ["batch_describe", "describe_tables", { tables: [] }],
  ["grants", "governance/apply_grants", { target: { catalog: "" } }],
  ["workspace_bindings", "governance/get_bindings", { catalog: "rc_never_created" }],
  ["create_catalog", "catalog/create", { catalog: "rc_never_created" }],
  ["create_schema", "schema/create", { catalog: "", schema: "rc_never_created" }],
  ["query_paging", "query/open", { sql: "SELECT 1" }],
  ["dialect", "dialect/format_table_ref", { catalog: "", schema: "s", table: "t" }],
];

export function longQueryFor(dialect: string): string {
  if (dialect === "duckdb") return "SELECT sum(i) FROM range(100000000000000) t(i)";
  return "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000000) SELECT count(*) FROM r";
}

export const PROTOCOL_CHECKS: Record<string, CheckRun> = {
  async connect(ctx) {
    const reply = await ctx.session().request("ping", {}, ctx.timeouts.requestMs);
    const error = replyError("ping", reply);
    if (error && !ctx.legacy) throw error;
    return `"${ctx.manifest.name}" ${ctx.manifest.version}, dialect ${ctx.manifest.dialect}${error ? "; no ping (original protocol)" : ""}`;
  },

  async utf8_roundtrip(ctx) {
    await ctx.session().request("ping", { probe: UTF8_TEXT }, ctx.timeouts.requestMs);
    const back = await echo(ctx, UTF8_TEXT);
    if (back === undefined) return `request direction only: ${ctx.has("warehouse") ? "execute_query is not implemented yet" : "no warehouse capability to echo with"}`;
    if (back !== UTF8_TEXT) fail(`SELECT '${UTF8_TEXT}' answered ${json(back)}`);
  },

  async large_message(ctx) {
    const text = largeText();
    const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
    await ctx.session().request("ping", { probe: text }, ctx.timeouts.requestMs);
    const back = await echo(ctx, text);
    if (back === undefined) return `${mb} MB request only: ${ctx.has("warehouse") ? "execute_query is not implemented yet" : "no warehouse capability to echo with"}`;
    if (back !== text) fail(`a ${mb} MB string literal came back ${typeof back === "string" ? `as ${back.length} characters that differ` : `as ${json(back)}`}`);
    return `${mb} MB each way`;
  },

  async concurrent_requests(ctx) {
    const session = ctx.session();
    if (!ctx.has("warehouse")) {
      const replies = await Promise.all(Array.from({ length: 12 }, () => session.request("ping", {}, ctx.timeouts.requestMs)));
      for (const reply of replies) {
        const error = replyError("ping", reply);
        if (error) throw error;
      }
      return "12 pings in flight each answered once (no warehouse capability: no queries)";
    }
    const queries = Array.from({ length: 8 }, (_, i) => session.request("execute_query", { sql: `SELECT ${i} AS n` }, ctx.timeouts.requestMs));
    const pings = Array.from({ length: 4 }, () => session.request("ping", {}, ctx.timeouts.requestMs));
    const order: number[] = [];
    queries.forEach((p, i) => void p.then(() => order.push(i), () => undefined));
    const replies = await Promise.all(queries);
    await Promise.all(pings);
    let stubs = 0;
    for (const [i, reply] of replies.entries()) {
      const error = replyError("execute_query", reply);
      if (error?.notImplemented) stubs++;
      else if (error) throw error;
      else {
        const value = (reply.message.result as { rows?: unknown[][] }).rows?.[0]?.[0];
        if (value !== i) fail(`SELECT ${i}, sent alongside 11 other requests, was answered with ${json(value)}: answers were matched to the wrong ids`);
      }
    }
    const inOrder = order.every((v, i) => v === i);
    return `12 requests in flight answered ${inOrder ? "in order" : "out of order"}${stubs > 0 ? " (execute_query is not implemented yet)" : ""}`;
  },

  async cancellation(ctx) {
    const session = ctx.session();
    const sql = ctx.options.longQuery ?? longQueryFor(ctx.builtin.name);
    const id = session.peekId();
    const pending = session.request("execute_query", { sql }, ctx.timeouts.requestMs + ctx.timeouts.cancelMs);
    let early: string | undefined;
    void pending.then(() => (early = "answered"), (e: unknown) => (early = (e as Error).message));
    await new Promise((r) => setTimeout(r, 300));
    if (early) fail(`the long query ${json(sql)} finished within 300 ms, before it could be cancelled`, "Pass --long-query with a query that runs for several seconds on this warehouse");
    const started = Date.now();
    session.notify("$/cancelRequest", { id });
    const timer = new Promise<"late">((r) => setTimeout(() => r("late"), ctx.timeouts.cancelMs).unref());
    const reply = await Promise.race([pending, timer]);
    if (reply === "late") fail(`the cancelled query was not answered within ${ctx.timeouts.cancelMs} ms of $/cancelRequest`);
    const error = replyError("execute_query", reply);
    if (!error) fail("the cancelled query answered a result; it must answer error -32800 (RequestCancelled)");
    if (error.code !== ErrorCodes.RequestCancelled) fail(`the cancelled query answered error ${error.code} (${error.codeName}); expected -32800 (RequestCancelled)`);
    const ms = Date.now() - started;
    await expectAlive(session, "a cancelled request", ctx.timeouts.requestMs);
    return `answered -32800 ${ms} ms after $/cancelRequest`;
  },

  async error_codes(ctx) {
    // A source-only adapter gets a discovery/list whose params break the schema instead of a bad statement.
    const [method, params, what] = ctx.has("warehouse")
      ? ["execute_statement", { sql: "THIS IS NOT SQL rocky_conformance" }, 'execute_statement "THIS IS NOT SQL rocky_conformance"']
      : ["discovery/list", { catalog: 42 }, "discovery/list with catalog 42 (not a string)"];
    const reply = await ctx.session().request(method, params, ctx.timeouts.requestMs);
    const error = replyError(method, reply);
    if (!error) fail(`${what} succeeded; it must answer an error`);
    const code = (reply.message.error as { code?: unknown }).code;
    const integer = typeof code === "number" && Number.isInteger(code);
    if (!integer && !(ctx.legacy && typeof code === "string" && code !== "")) {
      fail(`the error for a bad statement has code ${json(code)}; expected an integer JSON-RPC code such as -32052 (ExecutionFailed)`);
    }
    if (error.wireMessage.trim() === "") fail(`the error for a bad statement has code ${json(code)} but an empty message`);
    return `answered ${json(code)}${error.codeName === String(code) ? "" : ` (${error.codeName})`}: ${error.wireMessage.slice(0, 80)}`;
  },

  async undeclared_capability(ctx) {
    const probe = UNGATED_PROBES.find(([cap]) => !ctx.has(cap));
    if (!probe) throw new CheckSkipped("the adapter declares every capability that has methods; there is nothing undeclared to probe");
    const [cap, method, params] = probe;
    const reply = await ctx.session().request(method, params, ctx.timeouts.requestMs);
    const error = replyError(method, reply);
    if (!error) fail(`"${method}" answered a result although capability "${cap}" is not declared; expected error -32051 (CapabilityNotSupported)`);
    const ok = error.code === ErrorCodes.CapabilityNotSupported || (ctx.legacy && error.code === ErrorCodes.MethodNotFound);
    if (!ok) fail(`"${method}" of undeclared capability "${cap}" answered error ${error.code} (${error.codeName}); expected -32051 (CapabilityNotSupported)`);
    return `"${method}" answered ${error.code}`;
  },
};
