import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, resolve } from "node:path";

const ROCKY = join(resolve(import.meta.dirname, "..", ".."), "host", "dist", "main.js");

export interface RockyRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunRockyOptions {
  /** faulty.toml puts the fault proxy in front of DuckDB; FAULT_* in env arm it. */
  readonly config?: "rocky.toml" | "faulty.toml";
  /** Partition selection; `--missing` by default. */
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** SIGKILL this long after the start: the host itself, or its adapter process(es). */
  readonly killAfterMs?: number;
  readonly kill?: "host" | "adapter";
}

/** Every live process below `pid`, from /proc (Linux). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // The command name may hold spaces and parentheses: fields resume after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** SIGKILL, ignoring a process that has already exited. */
function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}

/** Processes whose working directory is `dir`: the host and the adapters it started there (their cwd is the project's). */
export function processesIn(dir: string): number[] {
  return readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return false;
    try {
      return readlinkSync(`/proc/${entry}/cwd`) === dir;
    } catch {
      return false;
    }
  }).map(Number);
}

/** Waits until no process runs in `dir` any more (an orphaned adapter finishing its last request and exiting on stdin close). */
export async function waitIdle(dir: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let left = processesIn(dir); left.length > 0; left = processesIn(dir)) {
    if (Date.now() > deadline) throw new Error(`Processes ${left.join(", ")} still run in ${dir} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `rocky run` in `dir`, optionally killed; resolves once the host and every process it started are gone. */
export function runRocky(dir: string, o: RunRockyOptions = {}): Promise<RockyRun> {
  const child = spawn(process.execPath, [ROCKY, "run", ...(o.args ?? ["--missing"]), "--config", o.config ?? "rocky.toml", "--output", "json"], {
    cwd: dir,
    env: { ...process.env, ROCKY_LOG: "warn", NO_COLOR: "1", ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let timer: NodeJS.Timeout | undefined;
  if (o.killAfterMs !== undefined) {
    timer = setTimeout(() => {
      const pid = child.pid as number;
      if (o.kill === "adapter") {
        for (const p of descendants(pid)) killQuietly(p);
        return;
      }
      killQuietly(pid);
    }, o.killAfterMs);
  }
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // Adapters run in their own process groups and outlive a killed host until their stdin closes.
      waitIdle(dir).then(() => done({ code, signal, stdout, stderr }), fail);
    });
  });
}
