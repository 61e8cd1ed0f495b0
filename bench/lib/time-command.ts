import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { nowMs } from "./stats.js";

export interface TimedCommand {
  readonly wallMs: number;
  /** Peak RSS of the command (its largest process), from /usr/bin/time -v; undefined without GNU time. */
  readonly peakMiB: number | undefined;
  /** Null when it was stopped at the time limit. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs a command to completion in its own process group; wall time is measured here, peak RSS by GNU time when installed.
 * At `timeoutMs` the group gets SIGTERM (the rocky CLI then stops its adapters), SIGKILL 3 s later.
 */
export function timeCommand(command: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<TimedCommand> {
  const useTime = existsSync(GNU_TIME);
  const [file, ...args] = (useTime ? [GNU_TIME, "-v", ...command] : command) as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const child = spawn(file, args, { cwd: options.cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    let timedOut = false;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid as number), signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill("SIGTERM");
      setTimeout(() => kill("SIGKILL"), 3000).unref();
    }, options.timeoutMs ?? 300_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      const wallMs = nowMs() - t0;
      const stderr = Buffer.concat(err).toString("utf8");
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const ownStderr = useTime ? stderr.replace(/\n?\s*Command (being timed|exited with non-zero status)[\s\S]*$/, "") : stderr;
      resolve({ wallMs, peakMiB: rss ? Number(rss[1]) / 1024 : undefined, exitCode: timedOut ? null : code, timedOut, stdout: Buffer.concat(out).toString("utf8"), stderr: ownStderr });
    });
  });
}
