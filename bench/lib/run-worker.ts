import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { BENCH, ROOT } from "./peers.js";

/** Runs a bench TypeScript file in a fresh Node process (tsx loader) and parses the last line of its stdout as JSON. */
export function runWorker<T>(file: string, args: readonly string[], { nodeArgs = [] as readonly string[], timeoutMs = 300_000 } = {}): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [...nodeArgs, "--import", "tsx", resolve(BENCH, file), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (err, stdout, stderr) => {
      if (err) {
        const cause = stderr.split("\n").find((l) => /^\w*Error\b/.test(l)) ?? err.message;
        return reject(new Error(`${file} ${args[0] ?? ""} failed: ${cause}\n${stderr.slice(-2000)}`));
      }
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        resolvePromise(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${file} printed no JSON result: ${stdout.slice(-500)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}
