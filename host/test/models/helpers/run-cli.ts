import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI; tests that use it need `npx tsc -b host` first. */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "dist", "main.js");

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Runs `rocky <args>` in `cwd` as a real process. */
export function runCli(args: readonly string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ROCKY_LOG: "silent" } }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
      resolve({ stdout, stderr, exitCode: code });
    });
  });
}
