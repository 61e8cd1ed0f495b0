/**
 * The first cycle found, as a path that starts and ends at the same node (`[a, b, c, a]`: a depends on b, b on c, c on a),
 * rotated to start at its alphabetically smallest node; undefined when the graph is acyclic.
 */
export function findCycle(upstream: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, "active" | "done">();
  // Depth-first with an explicit stack: a chain of thousands of models would overflow the call stack.
  const path: string[] = [];
  const next: number[] = [];
  for (const start of [...upstream.keys()].sort()) {
    if (state.has(start)) continue;
    state.set(start, "active");
    path.push(start);
    next.push(0);
    while (path.length > 0) {
      const top = path.length - 1;
      const deps = upstream.get(path[top] as string) ?? [];
      const i = next[top] as number;
      if (i === deps.length) {
        state.set(path.pop() as string, "done");
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const dep = deps[i] as string;
      if (!upstream.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === "active") return rotate(path.slice(path.indexOf(dep)));
      if (seen === undefined) {
        state.set(dep, "active");
        path.push(dep);
        next.push(0);
      }
    }
  }
  return undefined;
}

function rotate(cycle: string[]): string[] {
  const smallest = cycle.reduce((min, n) => (n < min ? n : min));
  const at = cycle.indexOf(smallest);
  const rotated = [...cycle.slice(at), ...cycle.slice(0, at)];
  return [...rotated, smallest];
}

export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(" → ");
}
