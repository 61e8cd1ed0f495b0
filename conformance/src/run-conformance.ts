import { randomBytes } from "node:crypto";
import type { ParamsOf, WireMethod } from "@rocky/protocol";
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
import { CheckFailure } from "./wire/wire-faults.js";
import { WireSession } from "./wire/wire-session.js";

const STREAM_CHECKS = new Set(["stdout_clean", "responses_valid"]);

export const DEFAULT_TIMEOUTS: ConformanceTimeouts = { startupMs: 10_000, requestMs: 30_000, graceMs: 2_000, cancelMs: 5_000 };


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
  private restartFailure: string | undefined;

  constructor(private readonly o: ConformanceOptions) {
    this.t = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
  }

  async run(): Promise<ConformanceReport> {
    const started = Date.now();
    const first = await startSession(this.o.launch, this.t, this.o.logger);
    this.sessions.push(first.session);
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
    await Promise.all(this.sessions.map((s) => s.kill()));
    this.record("stdout_clean", this.selected("stdout_clean", () => stdoutOutcome(this.sessions)), 0);
    this.record("responses_valid", this.selected("responses_valid", () => responsesOutcome(this.sessions)), 0);
    return this.report(Date.now() - started);
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

  private caller = <M extends WireMethod>(method: M, params: ParamsOf<M>, timeoutMs = this.t.requestMs) => call(this.main, method, params, timeoutMs);

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
    const session = new WireSession(this.o.launch, this.o.logger);
    this.sessions.push(session);
    return session;
  }

  private async probeSession(): Promise<WireSession> {
    if (this.probe?.alive) return this.probe;
    const started = await startSession(this.o.launch, this.t, this.o.logger);
    this.sessions.push(started.session);
    if (!started.handshake) throw new CheckFailure(`cannot start a second adapter process for this probe: ${started.failure?.message ?? "initialize failed"}`);
    this.probe = started.session;
    return this.probe;
  }

  /** A main session that is alive: after a crash, the adapter is started again (and told to make the scratch schema again). */
  private async ensureMain(): Promise<boolean> {
    if (this.main.alive) return true;
    if (this.restartFailure) return false;
    await this.main.kill();
    const next = await startSession(this.o.launch, this.t, this.o.logger);
    this.sessions.push(next.session);
    if (!next.handshake) {
      this.restartFailure = next.failure?.message ?? "initialize failed";
      return false;
    }
    this.main = next.session;
    this.sql.forget();
    await this.createScratchSchema();
    return true;
  }

  private async runCheck(id: string, { probe = false } = {}): Promise<void> {
    const info = checkInfo(id);
    const run = RUNS[id];
    if (this.o.only && !this.o.only.has(id)) return this.record(id, skipped("not selected"), 0);
    if (info.gate && !this.has(String(info.gate))) return this.record(id, skipped(`the adapter does not declare capability "${info.gate}"`), 0);
    if (!run) return this.record(id, failed(`internal error: no implementation for check "${id}"`), 0);
    if (!probe && !(await this.ensureMain())) return this.record(id, failed(`not run: the adapter could not be started again after it exited: ${this.restartFailure}`), 0);
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
    if (!probe && this.main.alive) await this.sql.cleanup(Math.min(this.t.requestMs, 5_000));
    this.record(id, outcome, durationMs);
  }

  private async finale(): Promise<void> {
    if (!(await this.ensureMain())) {
      const why = failed(`not run: the adapter could not be started again after it exited: ${this.restartFailure}`);
      this.record("shutdown", why, 0);
      this.record("no_orphans", why, 0);
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
