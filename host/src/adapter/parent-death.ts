import { platform } from "node:process";
import { findOnPath } from "./resolve-adapter.js";

let setpriv: string | null | undefined;

/** util-linux setpriv, when this is Linux and it is installed; looked up once. */
function findSetpriv(): string | undefined {
  if (setpriv === undefined) setpriv = (platform === "linux" && process.env.ROCKY_NO_PDEATHSIG === undefined ? findOnPath("setpriv", `/usr/bin:/bin:${process.env.PATH ?? ""}`) : undefined) ?? null;
  return setpriv ?? undefined;
}

/**
 * The command that starts `file` with the kernel's parent-death signal set to SIGKILL (setpriv sets it, then execs
 * `file` in the same process): however the host dies, kill -9 included, the adapter is killed with it. Without
 * setpriv the command is unchanged and the adapter kits' parent watchdog is the only guard.
 */
export function withParentDeathSignal(file: string, args: readonly string[]): { file: string; args: string[]; guarded: boolean } {
  const wrapper = findSetpriv();
  if (!wrapper) return { file, args: [...args], guarded: false };
  return { file: wrapper, args: ["--pdeathsig", "KILL", "--", file, ...args], guarded: true };
}
