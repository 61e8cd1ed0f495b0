/**
 * The first cycle found, as a path that starts and ends at the same node (`[a, b, c, a]`: a depends on b, b on c, c on a),
 * rotated to start at its alphabetically smallest node; undefined when the graph is acyclic.
 */
export function findCycle(upstream: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, "active" | "done">();
  const path: string[] = [];

  const visit = (name: string): string[] | undefined => {
    state.set(name, "active");
    path.push(name);
    for (const dep of upstream.get(name) ?? []) {
      if (!upstream.has(dep)) continue;
      const seen = state.get(dep);
      if (seen === "active") return rotate(path.slice(path.indexOf(dep)));
      if (seen === undefined) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    path.pop();
    state.set(name, "done");
    return undefined;
  };

  for (const name of [...upstream.keys()].sort()) {
    if (state.has(name)) continue;
    const found = visit(name);
    if (found) return found;
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
