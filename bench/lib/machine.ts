import { execFileSync } from "node:child_process";
import { cpus, totalmem, release } from "node:os";
import { readFileSync } from "node:fs";

export interface MachineInfo {
  readonly nproc: number;
  readonly memory: string;
  readonly cpu: string;
  readonly node: string;
  readonly python: string;
  readonly kernel: string;
  readonly commit: string;
}

function run(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return "unavailable";
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  } catch {
    return cpus()[0]?.model ?? "unknown";
  }
}

export function machineInfo(): MachineInfo {
  const free = run("free", ["-h"]).split("\n").find((l) => l.startsWith("Mem:"));
  return {
    nproc: Number(run("nproc", [])) || cpus().length,
    memory: free ? `${free.split(/\s+/)[1]} total (free -h)` : `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    cpu: cpuModel(),
    node: process.version,
    python: run("python3", ["--version"]),
    kernel: release(),
    commit: run("git", ["rev-parse", "--short", "HEAD"]),
  };
}
