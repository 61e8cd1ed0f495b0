import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { nowMs } from "./stats.js";

export interface TimedCommand {
  readonly wallMs: number;
  /** Peak RSS of the command (its largest process), from /usr/bin/time -v; undefined without GNU time. */
  readonly peakMiB: number | undefined;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = "/usr/bin/time";

/** Runs a command to completion; wall time is measured here, peak RSS by GNU time when it is installed. */
export function timeCommand(command: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<TimedCommand> {
  const useTime = existsSync(GNU_TIME);
  const [file, ...args] = (useTime ? [GNU_TIME, "-v", ...command] : command) as [string, ...string[]];
  return new Promise((resolve) => {
    const t0 = nowMs();
    execFile(file, args, { cwd: options.cwd, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 300_000 }, (err, stdout, stderr) => {
      const wallMs = nowMs() - t0;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exitCode = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      const ownStderr = useTime ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, "") : stderr;
      resolve({ wallMs, peakMiB: rss ? Number(rss[1]) / 1024 : undefined, exitCode, stdout, stderr: ownStderr });
    });
  });
}
