import { readdirSync, readFileSync } from "node:fs";

/** Pids of live processes whose command line contains `tag` (fixtures take it as an ignored argument). */
export function processesTagged(tag: string): number[] {
  return readdirSync("/proc").filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z" && readFileSync(`/proc/${d}/cmdline`, "utf8").includes(tag);
    } catch {
      return false;
    }
  }).map(Number);
}
