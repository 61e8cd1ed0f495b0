import { randomBytes } from "node:crypto";
import { withoutParams, type ParamsOf, type ResultOf, type SqlParam, type WireMethod } from "@rocky/protocol";
import { CHECKS, checkInfo } from "./check-catalog.js";
import { finish } from "./checks/lifecycle-checks.js";
import { stdoutOutcome, responsesOutcome } from "./checks/stream-checks.js";
import { RUNS, MAIN_ORDER, PROBE_ORDER } from "./checks/registry.js";
import type { CheckContext } from "./checks/check-context.js";
import { startSession, initializeParams, type Handshake } from "./main-session.js";
import { failed, outcomeOf, passed, skipped, type Outcome } from "./outcome.js";
import { buildReport, toResult, type Recorded } from "./report/build-report.js";
import { ident, ScratchSql } from "./scratch-sql.js";
import type { ConformanceOptions, ConformanceReport, ConformanceTimeouts } from "./types.js";
import { call } from "./wire/call.js";
import { canInspectProcesses } from "./wire/process-tree.js";
import { CheckFailure, DeadlineError } from "./wire/wire-faults.js";
import { Deadline } from "./deadline.js";
import { WireSession } from "./wire/wire-session.js";

const STREAM_CHECKS = new Set(["stdout_clean", "responses_valid"]);

export const DEFAULT_TIMEOUTS: ConformanceTimeouts = { startupMs: 10_000, requestMs: 10_000, graceMs: 2_000, cancelMs: 5_000, totalMs: 60_000 };
/** Adapter processes that may break in a row, no check passing on any, before the checks still needing one fail at once. */
const MAX_BROKEN_IN_A_ROW = 3;

/** Runs every check against the live adapter, only through the wire, and reports each one. */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  return new Runner(options).run();
}

class Runner {
  private readonly t: ConformanceTimeouts;
  private readonly runId = randomBytes(4).toString("hex").slice(0, 6);
  private readonly results = new Map<string, Recorded>();
  private readonly sessions: WireSession[] = [];
  private main!: WireSession;
  private hs!: Handshake;
  private sql!: ScratchSql;
  private probe: WireSession | undefined;
  private scratchSchema: { name: string; created: boolean } = { name: "main", created: false };
  /** Why no further main process is started, once that is decided. */
  private giveUp: string | undefined;
  private brokenInARow = 0;
  private passedOnMain = false;
  private current: string | undefined;
  private readonly deadline: Deadline;

  constructor(private readonly o: ConformanceOptions) {
    this.t = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
    this.deadline = new Deadline(this.t.totalMs);
  }

  /** Every check gets a result and every process is gone when this settles, whatever the adapter did. */
  async run(): Promise<ConformanceReport> {
    const started = Date.now();
    let stop: Outcome | undefined;
    try {
      await this.deadline.race(this.suite(started));
    } catch (err) {
      const why = err instanceof DeadlineError ? err.message : `internal error in the conformance runner: ${(err as Error)?.stack ?? String(err)}`;
      if (this.current) this.record(this.current, failed(`not finished: ${why}`, "Raise --timeout for a slow warehouse, or check the adapter for a hang"), 0);
      stop = failed(`not run: ${why}`);
    } finally {
      this.deadline.clear();
    }
    await Promise.all(this.sessions.map((s) => s.kill()));
    if (stop) for (const c of CHECKS) if (!STREAM_CHECKS.has(c.id)) this.record(c.id, this.selected(c.id, () => stop), 0);
    this.record("stdout_clean", this.selected("stdout_clean", () => stdoutOutcome(this.sessions)), 0);
    this.record("responses_valid", this.selected("responses_valid", () => responsesOutcome(this.sessions)), 0);
    return this.report(Date.now() - started);
  }

  private async suite(started: number): Promise<void> {
    this.current = "startup";
    const first = await this.start();
    this.main = first.session;
    if (!first.handshake) {
      this.record("startup", first.failure ?? failed("initialize failed"), Date.now() - started);
      for (const c of CHECKS) {
        if (!this.results.has(c.id) && !STREAM_CHECKS.has(c.id)) this.record(c.id, skipped("not run: the adapter did not complete initialize"), 0);
      }
    } else {
      this.hs = first.handshake;
      this.o.onManifest?.(this.hs.manifest);
      this.record("startup", this.selected("startup", () => this.startupOutcome()), this.hs.durationMs);
      this.record("manifest_valid", this.selected("manifest_valid", () => this.manifestOutcome()), 0);
      await this.setupScratch();
      for (const id of MAIN_ORDER) await this.runCheck(id);
      await this.finale();
      // Probes start processes of their own, one at a time and only once the main one is gone, so an adapter
      // holding a single-writer resource (a DuckDB file, a lock) is never asked to open it twice.
      for (const id of PROBE_ORDER) await this.runCheck(id, { probe: true });
      if (this.probe) await this.probe.kill();
    }
  }

  /** A new initialized process; none is started once the deadline has passed (work abandoned by the race stops here). */
  private start(): ReturnType<typeof startSession> {
    this.deadline.check();
    return startSession(this.o.launch, this.t, this.o.logger, (s) => this.sessions.push(s));
  }

  private startupOutcome(): Outcome {
    return passed(`initialize answered in ${this.hs.durationMs} ms${this.hs.legacy ? " (original protocol: no protocol_version)" : ` with protocol version ${this.hs.protocolVersion}`}`);
  }

  private manifestOutcome(): Outcome {
    if (this.hs.manifestProblems.length > 0) return failed(this.hs.manifestProblems.join("; "), "The manifest must match schemas/protocol/manifest.schema.json");
    const caps = Object.entries(this.hs.manifest.capabilities).filter(([, v]) => v === true).map(([k]) => k);
    return passed(`capabilities: ${caps.join(", ") || "none"}`);
  }

  private has = (cap: string): boolean => (this.hs.manifest.capabilities as Record<string, boolean | undefined>)[cap] === true;

  /** Requests on the main session; an original-protocol adapter gets values as literals in the SQL, never `params`. */
  private caller = async <M extends WireMethod>(method: M, params: ParamsOf<M>, timeoutMs = this.t.requestMs): Promise<ResultOf<M>> => {
    if (!this.hs.legacy) return call(this.main, method, params, timeoutMs);
    const builtin = this.o.dialectFor(this.hs.manifest.dialect);
    return call(this.main, method, withoutParams(method, params, (sql, values: readonly SqlParam[]) => builtin.inlineParams(sql, values)) as ParamsOf<M>, timeoutMs);
  };

  private async setupScratch(): Promise<void> {
    const catalog = this.o.catalog ?? "";
    if (this.o.schema) this.scratchSchema = { name: ident(this.o.schema), created: false };
    else if (this.has("create_schema")) this.scratchSchema = { name: `rc_${this.runId}`, created: true };
    this.sql = new ScratchSql({
      call: this.caller,
      builtin: this.o.dialectFor(this.hs.manifest.dialect),
      adapterDialect: this.has("dialect"),
      runId: this.runId,
      catalog,
      schema: this.scratchSchema.name,
    });
    await this.createScratchSchema();
  }

  private async createScratchSchema(): Promise<void> {
    if (!this.scratchSchema.created) return;
    this.main.during = "setup";
    await this.caller("schema/create", { catalog: this.sql.catalog, schema: this.scratchSchema.name }).catch((err: unknown) =>
      this.o.logger?.warn({ err: (err as Error).message }, "cannot create the scratch schema; checks that need it will fail"),
    );
  }

  private context(): CheckContext {
    return {
      options: this.o,
      timeouts: this.t,
      manifest: this.hs.manifest,
      legacy: this.hs.legacy,
      builtin: this.o.dialectFor(this.hs.manifest.dialect),
      sql: this.sql,
      call: this.caller,
      has: this.has,
      session: () => this.main,
      probeSession: () => this.probeSession(),
      spawnSession: () => this.spawn(),
      initializeParams: (range) => initializeParams(this.o.launch, range),
    };
  }

  private spawn(): WireSession {
    this.deadline.check();
    const session = new WireSession(this.o.launch, this.o.logger);
    this.sessions.push(session);
    return session;
  }

  private async probeSession(): Promise<WireSession> {
    if (this.probe && !this.probe.fault) return this.probe;
    await this.probe?.kill();
    const started = await this.start();
    if (!started.handshake) throw new CheckFailure(`cannot start a second adapter process for this probe: ${started.failure?.message ?? "initialize failed"}`);
    this.probe = started.session;
    return this.probe;
  }

  /**
   * A usable main process, or why there is none. A broken one (exited, hung, closed or flooded its stdout) is replaced, and
   * the scratch schema made again; after MAX_BROKEN_IN_A_ROW broken processes, checks needing one fail at once with the cause.
   */
  private async ensureMain(): Promise<string | undefined> {
    const fault = this.main.fault;
    if (!fault || this.giveUp) return this.giveUp;
    this.brokenInARow = this.passedOnMain ? 1 : this.brokenInARow + 1;
    await this.main.kill();
    if (this.brokenInARow >= MAX_BROKEN_IN_A_ROW) {
      this.giveUp = `${fault}; ${this.brokenInARow} adapter processes in a row broke, so no more are started`;
      return this.giveUp;
    }
    const next = await this.start();
    if (!next.handshake) {
      this.giveUp = `the adapter could not be started again after ${fault}: ${next.failure?.message ?? "initialize failed"}`;
      return this.giveUp;
    }
    this.main = next.session;
    this.passedOnMain = false;
    this.sql.forget();
    await this.createScratchSchema();
    return undefined;
  }

  private async runCheck(id: string, { probe = false } = {}): Promise<void> {
    const info = checkInfo(id);
    const run = RUNS[id];
    if (this.o.only && !this.o.only.has(id)) return this.record(id, skipped("not selected"), 0);
    if (info.gate && !this.has(String(info.gate))) return this.record(id, skipped(`the adapter does not declare capability "${info.gate}"`), 0);
    if (!run) return this.record(id, failed(`internal error: no implementation for check "${id}"`), 0);
    this.deadline.check();
    this.current = id;
    // Probes start processes of their own, but once processes keep breaking they would only break again.
    const unusable = probe ? this.giveUp : await this.ensureMain();
    if (unusable) return this.record(id, failed(`not run: ${unusable}`), 0);
    this.main.during = id;
    if (this.probe) this.probe.during = id;
    const started = Date.now();
    let outcome: Outcome;
    try {
      outcome = passed(await run(this.context()));
      if (id === "connect" && this.hs.configProblems.length > 0) {
        outcome = failed(`the config does not match the manifest's config_schema: ${this.hs.configProblems.join("; ")}`, "Pass a config the adapter accepts with --config; the host refuses to start an adapter whose config does not validate");
      }
    } catch (err) {
      outcome = outcomeOf(err);
    }
    const durationMs = Date.now() - started;
    this.main.rememberDescendants();
    this.probe?.rememberDescendants();
    if (!probe && outcome.status === "passed" && !this.main.fault) {
      this.passedOnMain = true;
      this.brokenInARow = 0;
    }
    if (!probe && !this.main.fault) await this.sql.cleanup(Math.min(this.t.requestMs, 5_000));
    this.record(id, outcome, durationMs);
  }

  private async finale(): Promise<void> {
    this.deadline.check();
    this.current = "shutdown";
    const unusable = await this.ensureMain();
    if (unusable) {
      this.record("shutdown", this.selected("shutdown", () => failed(`not run: ${unusable}`)), 0);
      this.record("no_orphans", this.selected("no_orphans", () => failed(`not run: ${unusable}`)), 0);
      return;
    }
    if (this.scratchSchema.created) {
      this.main.during = "cleanup";
      const catalog = this.sql.catalog ? `${ident(this.sql.catalog)}.` : "";
      await this.caller("execute_statement", { sql: `DROP SCHEMA IF EXISTS ${catalog}${this.scratchSchema.name} CASCADE` }, 5_000).catch(() => undefined);
    }
    const started = Date.now();
    const { shutdown, noOrphans } = await finish(this.main, this.t, canInspectProcesses());
    const ms = Date.now() - started;
    this.record("shutdown", this.selected("shutdown", () => shutdown), ms);
    this.record("no_orphans", this.selected("no_orphans", () => noOrphans), ms);
  }

  private selected(id: string, outcome: () => Outcome): Outcome {
    return this.o.only && !this.o.only.has(id) ? skipped("not selected") : outcome();
  }

  private record(id: string, outcome: Outcome, durationMs: number): void {
    if (this.results.has(id)) return;
    const r = { ...outcome, durationMs: outcome.status === "skipped" ? 0 : durationMs };
    this.results.set(id, r);
    this.o.onResult?.(toResult(id, r, this.o.expectedFailures));
  }

  private report(durationMs: number): ConformanceReport {
    return buildReport({ results: this.results, options: this.o, handshake: this.hs, durationMs });
  }
}
