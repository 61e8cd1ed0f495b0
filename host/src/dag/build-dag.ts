import { RockyError } from "../errors.js";
import { findCycle, formatCycle } from "./find-cycle.js";
import { createPriorityQueue } from "./priority-queue.js";

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
  const ready = createPriorityQueue<string>(compareNames, [...remaining].filter(([, n]) => n === 0).map(([name]) => name));
  const order: string[] = [];
  for (let name = ready.pop(); name !== undefined; name = ready.pop()) {
    order.push(name);
    for (const down of downstream.get(name) ?? []) {
      const left = (remaining.get(down) ?? 0) - 1;
      remaining.set(down, left);
      if (left === 0) ready.push(down);
    }
  }
  return order;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every node reachable from `starts` following `edges` (a start only when another start reaches it); each edge is followed once. */
export function reachable(edges: ReadonlyMap<string, readonly string[]>, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const start of starts) stack.push(...(edges.get(start) ?? []));
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const n of edges.get(next) ?? []) if (!seen.has(n)) stack.push(n);
  }
  return seen;
}
