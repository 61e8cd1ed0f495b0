import type { Dag } from "./build-dag.js";
import { createPriorityQueue } from "./priority-queue.js";

export type NodeOutcome<T> =
  | { readonly name: string; readonly status: "succeeded"; readonly value: T }
  | { readonly name: string; readonly status: "failed"; readonly error: unknown }
  | { readonly name: string; readonly status: "skipped"; readonly reason: "upstream_failed"; readonly upstream: string }
  | { readonly name: string; readonly status: "skipped"; readonly reason: "cancelled" };

export interface RunDagOptions<T> {
  readonly dag: Dag;
  /** The nodes to run (default: all). Dependencies outside this set count as already satisfied. */
  readonly nodes?: readonly string[];
  /** Most nodes running at once (at least 1). */
  readonly concurrency: number;
  readonly execute: (name: string, signal: AbortSignal) => Promise<T>;
  /** Stops starting new nodes; running ones get the abort through their own signal. */
  readonly signal?: AbortSignal;
  readonly onOutcome?: (outcome: NodeOutcome<T>) => void;
}

/**
 * Runs nodes upstream-first, independent ones concurrently up to the limit. A failure skips everything downstream of it
 * (naming the failed node) and lets unrelated branches finish. Outcomes come back in DAG order.
 */
export async function runDag<T>(options: RunDagOptions<T>): Promise<NodeOutcome<T>[]> {
  const { dag, execute, signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const selected = new Set(options.nodes ?? dag.order);
  const order = dag.order.filter((n) => selected.has(n));
  const position = new Map(order.map((n, i) => [n, i]));
  const waitingOn = new Map(order.map((n) => [n, (dag.upstream.get(n) ?? []).filter((d) => selected.has(d)).length]));
  const outcomes = new Map<string, NodeOutcome<T>>();
  const byPosition = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  const ready = createPriorityQueue(byPosition, order.filter((n) => waitingOn.get(n) === 0));
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", forward, { once: true });
  let running = 0;

  const record = (outcome: NodeOutcome<T>) => {
    outcomes.set(outcome.name, outcome);
    options.onOutcome?.(outcome);
  };

  // Depth-first with an explicit stack: below a failure may hang a chain of thousands of models.
  const skipDownstream = (failed: string) => {
    const stack = [{ downs: dag.downstream.get(failed) ?? [], next: 0 }];
    for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
      if (top.next === top.downs.length) {
        stack.pop();
        continue;
      }
      const down = top.downs[top.next++] as string;
      if (!selected.has(down) || outcomes.has(down)) continue;
      record({ name: down, status: "skipped", reason: "upstream_failed", upstream: failed });
      stack.push({ downs: dag.downstream.get(down) ?? [], next: 0 });
    }
  };

  const release = (name: string) => {
    for (const down of dag.downstream.get(name) ?? []) {
      if (!selected.has(down) || outcomes.has(down)) continue;
      const left = (waitingOn.get(down) ?? 0) - 1;
      waitingOn.set(down, left);
      if (left === 0) ready.push(down);
    }
  };

  const inFlight = new Set<string>();
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (controller.signal.aborted) {
        ready.clear();
        for (const n of order) if (!outcomes.has(n) && !inFlight.has(n)) record({ name: n, status: "skipped", reason: "cancelled" });
      }
      while (running < concurrency && ready.size > 0) {
        const name = ready.pop() as string;
        if (outcomes.has(name)) continue;
        running++;
        inFlight.add(name);
        Promise.resolve()
          .then(() => execute(name, controller.signal))
          .then(
            (value) => finish(name, { name, status: "succeeded", value }),
            (error: unknown) => finish(name, { name, status: "failed", error }),
          );
      }
      if (running === 0 && (ready.size === 0 || controller.signal.aborted)) resolve();
    };
    const finish = (name: string, outcome: NodeOutcome<T>) => {
      running--;
      inFlight.delete(name);
      record(outcome);
      if (outcome.status === "succeeded") release(name);
      else skipDownstream(name);
      pump();
    };
    pump();
  });
  signal?.removeEventListener("abort", forward);
  return order.map((n) => outcomes.get(n) ?? { name: n, status: "skipped", reason: "cancelled" });
}
