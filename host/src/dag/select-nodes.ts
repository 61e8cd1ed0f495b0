import { RockyError } from "../errors.js";
import { reachable, type Dag } from "./build-dag.js";

/** One `--select` term: `name`, `+name` (with upstream), `name+` (with downstream), `tag:x`, or combinations like `+tag:x+`. */
export interface Selector {
  readonly text: string;
  readonly kind: "name" | "tag";
  readonly value: string;
  readonly upstream: boolean;
  readonly downstream: boolean;
}

export function parseSelector(text: string): Selector {
  const trimmed = text.trim();
  const upstream = trimmed.startsWith("+");
  const downstream = trimmed.endsWith("+") && trimmed.length > 1;
  const core = trimmed.slice(upstream ? 1 : 0, downstream ? -1 : undefined);
  const isTag = core.startsWith("tag:");
  const value = isTag ? core.slice(4) : core;
  if (value === "" || !/^[a-zA-Z0-9_.:-]+$/.test(value)) {
    throw new RockyError("USAGE", `Invalid selector "${text}"`, {
      hint: 'Use "name", "+name" (with upstream), "name+" (with downstream) or "tag:x"',
    });
  }
  return { text: trimmed, kind: isTag ? "tag" : "name", value, upstream, downstream };
}

/** Splits `--select a,b --select "c d"` into terms. */
export function parseSelectors(values: readonly string[]): Selector[] {
  return values.flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== "").map(parseSelector);
}

/** The nodes the selectors pick, in DAG order; an unknown name or a tag on no node is a usage error. */
export function selectNodes(dag: Dag, selectors: readonly Selector[], tagsOf: (name: string) => readonly string[] = () => []): string[] {
  if (selectors.length === 0) return [...dag.order];
  const picked = new Set<string>();
  for (const sel of selectors) {
    const roots = sel.kind === "name" ? [sel.value] : dag.order.filter((n) => tagsOf(n).includes(sel.value));
    if (sel.kind === "name" && !dag.upstream.has(sel.value)) {
      throw new RockyError("USAGE", `Selector "${sel.text}" names no model: "${sel.value}" does not exist`, {
        hint: "Run `rocky compile` to list the models",
      });
    }
    if (roots.length === 0) {
      throw new RockyError("USAGE", `Selector "${sel.text}" matches no model: no model has tag "${sel.value}"`, {
        hint: "Tags come from the `tags` list in each model's .toml",
      });
    }
    for (const root of roots) picked.add(root);
    if (sel.upstream) for (const n of reachable(dag.upstream, roots)) picked.add(n);
    if (sel.downstream) for (const n of reachable(dag.downstream, roots)) picked.add(n);
  }
  return dag.order.filter((n) => picked.has(n));
}
