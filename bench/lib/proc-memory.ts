import { readFileSync } from "node:fs";

/** Peak resident set size (VmHWM) of a live process, in MiB; undefined once it is gone. */
export function peakRssMiB(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak RSS of this process so far, in MiB. */
export const selfPeakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;
