import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authenticator } from "./verify-auth.js";
import type { SqlEngine } from "./sql-engine.js";
import type { StatementStore } from "./statement-store.js";

/** Failures the server injects, consumed one by one as requests arrive. */
export interface Faults {
  /** The next N statement submissions answer 429 Too Many Requests with `Retry-After: retryAfter`. */
  rateLimit: number;
  retryAfter: string;
  /** The next N submissions answer 503 with a warehouse-resuming message. */
  unavailable: number;
  /** The next N statements fail (422) with a warehouse-resuming message without running. */
  resuming: number;
  /** Every statement answers 202 to its first N status requests, even when done (long-running statements). */
  runningPolls: number;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly tokenType: string | undefined;
  readonly authMethod: string | undefined;
  readonly body?: unknown;
}

export interface ServerContext {
  readonly engine: SqlEngine;
  readonly store: StatementStore;
  readonly auth: Authenticator;
  readonly faults: Faults;
  /** Rows per result partition. */
  partitionRows: number;
  /** How long a submission without async=true waits for the result before answering 202 (Snowflake: 45 s). */
  syncWaitMs: number;
  readonly log: RequestLogEntry[];
}

export type Route = (ctx: ServerContext, req: IncomingMessage, res: ServerResponse, params: { handle?: string; url: URL }) => Promise<void>;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}
