import { RockyError } from "../errors.js";
import { findCycle, formatCycle } from "./find-cycle.js";

export interface DagNodeInput {
  readonly name: string;
  /** Upstream nodes: the ones that must finish before this one starts. */
  readonly deps: readonly string[];
}

/** A validated, acyclic dependency graph. */
export interface Dag {
  readonly upstream: ReadonlyMap<string, readonly string[]>;
  readonly downstream: ReadonlyMap<string, readonly string[]>;
  /** Every node, upstream before downstream; ties broken by name so the order is stable. */
  readonly order: readonly string[];
}

/** Builds the graph; throws DAG_MISSING_REF for an unknown dependency and DAG_CYCLE with the full cycle path. */
export function buildDag(nodes: readonly DagNodeInput[]): Dag {
  const upstream = new Map<string, string[]>();
  for (const node of nodes) {
    if (upstream.has(node.name)) throw new RockyError("PLAN_INVALID", `Node "${node.name}" is defined twice`);
    upstream.set(node.name, [...new Set(node.deps)].sort());
  }
  const downstream = new Map<string, string[]>([...upstream.keys()].map((n) => [n, []]));
  for (const [name, deps] of upstream) {
    for (const dep of deps) {
      const down = downstream.get(dep);
      if (!down) {
        throw new RockyError("DAG_MISSING_REF", `"${name}" depends on "${dep}", which does not exist`, {
          hint: `Add a model named "${dep}" or remove it from "${name}"'s dependencies`,
        });
      }
      down.push(name);
    }
  }
  const cycle = findCycle(upstream);
  if (cycle) {
    throw new RockyError("DAG_CYCLE", `Dependency cycle: ${formatCycle(cycle)}`, {
      hint: "Each model depends on the next one; remove one of these references or depends_on entries",
    });
  }
  for (const down of downstream.values()) down.sort();
  return { upstream, downstream, order: topologicalOrder(upstream, downstream) };
}

function topologicalOrder(upstream: ReadonlyMap<string, readonly string[]>, downstream: ReadonlyMap<string, readonly string[]>): string[] {
  const remaining = new Map([...upstream].map(([n, deps]) => [n, deps.length]));
  const ready = [...remaining].filter(([, n]) => n === 0).map(([name]) => name).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const name = ready.shift() as string;
    order.push(name);
    for (const down of downstream.get(name) ?? []) {
      const left = (remaining.get(down) ?? 0) - 1;
      remaining.set(down, left);
      if (left === 0) insertSorted(ready, down);
    }
  }
  return order;
}

function insertSorted(list: string[], value: string): void {
  const at = list.findIndex((v) => v > value);
  if (at === -1) list.push(value);
  else list.splice(at, 0, value);
}

/** Every node reachable from `start` following `edges`, excluding `start` itself. */
export function reachable(edges: ReadonlyMap<string, readonly string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return seen;
}
