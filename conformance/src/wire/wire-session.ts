import { spawn, type ChildProcess } from "node:child_process";
import type { AdapterLaunch, ConformanceLogger } from "../types.js";
import { checkNotification, checkResponse } from "./check-response.js";
import { classifyLine, preview } from "./classify-line.js";
import { LineSplitter } from "./line-splitter.js";
import { AdapterExitedError, NoAnswerError, SessionBrokenError } from "./wire-faults.js";
import { killGroup, trackGroup, untrackGroup } from "./process-groups.js";
import { canInspectProcesses, descendantsOf, killProcess, stillRunning, type ProcessId } from "./process-tree.js";

export type WireId = number | string | null;

/** A response as received; exactly one of result or error when the adapter is well-behaved. */
export interface Reply {
  readonly id: WireId;
  readonly message: Record<string, unknown>;
}

/** Something on stdout that is not a protocol message, or a response to no request. */
export interface StreamViolation {
  readonly kind: "invalid-utf8" | "not-json" | "not-jsonrpc" | "unknown-id" | "duplicate-id" | "unterminated-line";
  readonly text: string;
  readonly during: string;
}

export interface ResponseProblem {
  readonly method: string;
  readonly during: string;
  readonly problem: string;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: string | null;
}

interface Pending {
  readonly method: string;
  readonly resolve: (reply: Reply) => void;
  readonly reject: (err: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** A line longer than this (a flood without newlines) breaks the session instead of filling memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Stream violations kept per session; the rest are counted. */
const MAX_VIOLATIONS = 200;
/** How long a process may live on after closing its stdout before that counts as a fault (an exit usually follows at once). */
const STDOUT_CLOSE_GRACE_MS = 300;

export function describeExit(info: ExitInfo): string {
  return info.signal ? `on signal ${info.signal}` : `with code ${info.code ?? "unknown"}`;
}

/** One adapter process spoken to in raw JSON Lines: every stdout byte is observed, nothing is trusted. */
export class WireSession {
  /** The check in progress, named in violations. */
  during = "startup";
  /** While set, responses with id null (or 0, the original protocol's parse-error id) are collected instead of flagged. */
  acceptNullIds = false;
  /** While acceptNullIds is set, answers with these ids are collected too (a probe wants to see the id an adapter used). */
  readonly probeIds = new Set<WireId>();
  /** While set, batch answers (JSON arrays) are collected in batchReplies instead of flagged. */
  acceptBatches = false;
  readonly batchReplies: (readonly unknown[])[] = [];
  readonly violations: StreamViolation[] = [];
  /** Violations beyond the ones kept. */
  violationsDropped = 0;
  readonly problems: ResponseProblem[] = [];
  readonly nullIdReplies: Reply[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private readonly answered = new Set<WireId>();
  private readonly expired = new Set<WireId>();
  private readonly stderrLines: string[] = [];
  private readonly lines = new LineSplitter();
  private readonly descendants = new Map<string, ProcessId>();
  private nextId = 1;
  private startError: string | undefined;
  private brokenBy: string | undefined;

  constructor(
    readonly launch: AdapterLaunch,
    private readonly logger?: ConformanceLogger,
  ) {
    const [file, ...args] = launch.command;
    this.child = spawn(file ?? "", args, {
      ...(launch.cwd ? { cwd: launch.cwd } : {}),
      env: { ...process.env, ...launch.env },
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
      shell: false,
    });
    this.child.stdin?.on("error", () => undefined);
    this.child.stdout?.on("data", (chunk: Buffer) => {
      if (this.brokenBy) return;
      for (const line of this.lines.push(chunk)) this.onLine(line);
      if (this.lines.pending > MAX_LINE_BYTES) {
        this.violate("unterminated-line", this.lines.rest().subarray(0, 200).toString("utf8"));
        this.breakWith(`the adapter wrote more than ${MAX_LINE_BYTES / 1024 / 1024} MiB on stdout without a newline (during ${this.during})`);
      }
    });
    this.child.stdout?.once("close", () => {
      setTimeout(() => {
        if (this.alive) this.breakWith(`the adapter closed its stdout but kept running (during ${this.during})`);
      }, STDOUT_CLOSE_GRACE_MS).unref();
    });
    this.child.stderr?.setEncoding("utf8");
    let partial = "";
    this.child.stderr?.on("data", (text: string) => {
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const l of lines) this.onStderr(l);
    });
    const stdoutDone = new Promise<void>((r) => {
      this.child.stdout?.once("close", () => r());
      this.child.once("error", () => r());
    });
    this.exited = new Promise<ExitInfo>((resolve) => {
      const settle = (info: ExitInfo) => {
        // Read what the adapter wrote before it died, then fail what it left unanswered.
        void Promise.race([stdoutDone, new Promise((r) => setTimeout(r, 300).unref())]).then(() => {
          this.flushUnterminated();
          this.exitInfo = info;
          for (const [id, p] of this.pending) {
            clearTimeout(p.timer);
            this.pending.delete(id);
            const error = this.exitError(p.method);
            this.lastExit ??= error.message;
            p.reject(error);
          }
          resolve(info);
        });
      };
      this.child.once("exit", (code, signal) => settle({ code, signal }));
      this.child.once("error", (err) => {
        this.startError = err.message;
        settle({ code: null, signal: null });
      });
    });
    if (this.child.pid !== undefined) trackGroup(this.child.pid);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  /** Why this process can serve no more requests (it exited, hung, closed or flooded its stdout), or undefined while it can. */
  get fault(): string | undefined {
    if (this.brokenBy) return this.brokenBy;
    if (this.exitInfo) return this.lastExit ?? `the adapter exited ${describeExit(this.exitInfo)} (during ${this.during})`;
    return undefined;
  }

  private lastExit: string | undefined;

  /** Marks the process unusable: every request in flight, and every later one, fails at once with `cause`; the process is killed. */
  breakWith(cause: string): void {
    if (this.brokenBy || this.exitInfo) return;
    this.brokenBy = cause;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new SessionBrokenError(p.method, cause));
    }
    void this.kill();
  }

  stderrTail(): readonly string[] {
    return this.stderrLines;
  }

  /**
   * Sends a request and resolves with the reply (result or error); rejects on timeout, exit or a broken session. A timeout
   * breaks the session unless `judged` (the caller judges the silence itself, as the shutdown check does).
   */
  request(method: string, params: unknown, timeoutMs: number, { judged = false } = {}): Promise<Reply> {
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve, reject) => {
      if (this.brokenBy) {
        reject(new SessionBrokenError(method, this.brokenBy));
        return;
      }
      if (this.exitInfo) {
        reject(this.exitError(method));
        return;
      }
      const mark = this.violations.length;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.expired.add(id);
        const stray = this.violations.slice(mark).find((v) => v.kind === "unknown-id");
        const error = new NoAnswerError(method, timeoutMs, stray ? `; meanwhile a response matching no request arrived: ${stray.text}` : "");
        reject(error);
        // A process that lost a request cannot be trusted with the next: later checks get a fresh one.
        if (!judged) this.breakWith(error.message);
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      this.write({ jsonrpc: "2.0", id, method, params });
    });
    // A caller that stops waiting (a check that failed on another request) must not leave an unhandled rejection behind.
    reply.catch(() => undefined);
    return reply;
  }

  /** The id the next request will get. */
  peekId(): number {
    return this.nextId;
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: "2.0", method, params });
  }

  write(message: object): void {
    this.writeRaw(`${JSON.stringify(message)}\n`);
  }

  writeRaw(text: string): void {
    if (this.exitInfo || !this.child.stdin?.writable) return;
    this.child.stdin.write(text);
  }

  closeInput(): void {
    this.rememberDescendants();
    this.child.stdin?.end();
  }

  /** Resolves once `done()` holds, the process has exited, or `ms` have passed, whichever is first. */
  async waitFor(done: () => boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done() && this.alive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }

  /** Resolves with the exit, or undefined if the process is still running after `ms`. */
  async waitExit(ms: number): Promise<ExitInfo | undefined> {
    if (this.exitInfo) return this.exitInfo;
    return Promise.race([this.exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);
  }

  /** Notes the processes the adapter has started so far, so kill() can end them even after they re-parent. */
  rememberDescendants(): void {
    if (!this.alive || !canInspectProcesses()) return;
    for (const p of descendantsOf(this.pid)) this.descendants.set(`${p.pid}/${p.startTime}`, p);
  }

  /** SIGKILL to the process group and to every descendant seen (even one in a group of its own); settles once the process is gone. */
  async kill(): Promise<ExitInfo> {
    this.rememberDescendants();
    killGroup(this.pid);
    const info = await this.exited;
    killGroup(this.pid);
    const left = [...this.descendants.values()].filter(stillRunning);
    for (const p of left) killProcess(p);
    for (let i = 0; i < 50 && left.some(stillRunning); i++) await new Promise((r) => setTimeout(r, 20));
    untrackGroup(this.pid);
    return info;
  }

  private exitError(method: string): AdapterExitedError {
    const exit = this.startError ? `before it started (${this.startError})` : describeExit(this.exitInfo ?? { code: null, signal: null });
    return new AdapterExitedError(method, exit, this.stderrLines);
  }

  private onStderr(line: string): void {
    this.stderrLines.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
    if (this.stderrLines.length > 20) this.stderrLines.shift();
    this.logger?.debug({ adapter: this.launch.label, pid: this.pid, stream: "stderr" }, line);
  }

  private flushUnterminated(): void {
    const rest = this.lines.rest().toString("utf8");
    if (rest.trim() !== "") this.violate("unterminated-line", rest);
  }

  private violate(kind: StreamViolation["kind"], text: string): void {
    if (this.violations.length >= MAX_VIOLATIONS) this.violationsDropped++;
    else this.violations.push({ kind, text: preview(text), during: this.during });
  }

  private onLine(bytes: Buffer): void {
    const line = classifyLine(bytes);
    if (line.kind === "blank") return;
    if (line.kind === "invalid") return this.violate(line.reason, line.text);
    if (line.kind === "batch") {
      if (this.acceptBatches) this.batchReplies.push(line.items);
      else this.violate("not-jsonrpc", line.text);
      return;
    }
    const msg = line.message;
    if (typeof msg.method === "string") {
      if (msg.id !== undefined) this.problems.push({ method: msg.method, during: this.during, problem: "the adapter sent a request; adapters may only answer and notify" });
      else {
        this.notifications.push({ method: msg.method, params: msg.params });
        for (const problem of checkNotification(msg.method, msg.params)) this.problems.push({ method: msg.method, during: this.during, problem });
      }
      return;
    }
    const id = msg.id as WireId;
    const pending = typeof id === "number" ? this.pending.get(id) : undefined;
    if (!pending) {
      if (this.answered.has(id)) return this.violate("duplicate-id", line.text);
      // A late answer to a request that timed out is not a stream fault; the timeout was reported.
      if (this.expired.delete(id)) return;
      if (this.acceptNullIds && (id === null || id === 0 || this.probeIds.has(id))) {
        this.nullIdReplies.push({ id, message: msg });
        return;
      }
      return this.violate("unknown-id", line.text);
    }
    this.pending.delete(id as number);
    this.answered.add(id);
    clearTimeout(pending.timer);
    for (const problem of checkResponse(pending.method, msg)) this.problems.push({ method: pending.method, during: this.during, problem });
    pending.resolve({ id, message: msg });
  }
}
