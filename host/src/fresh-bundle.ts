import { statSync } from "node:fs";

function modified(file: URL): number | undefined {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}

/** Whether `bundle` exists and was written after each of `inputs` that exists (a missing input has nothing newer to offer). */
export function bundleIsFresh(bundle: URL, inputs: readonly URL[]): boolean {
  const built = modified(bundle);
  return built !== undefined && inputs.every((input) => (modified(input) ?? 0) < built);
}
