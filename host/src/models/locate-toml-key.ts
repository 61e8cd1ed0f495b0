/**
 * The 1-based line of a key in TOML text, for messages: the line that sets `path` (["strategy", "unique_key"]),
 * else the nearest enclosing table or key that is written, else 1. smol-toml keeps no positions, so this reads the text.
 */
export function locateTomlKey(text: string, path: readonly string[]): number {
  let table: string[] = [];
  let best = { line: 1, depth: 0 };
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?/.exec(line);
    let full: string[] | undefined;
    if (header?.[1] !== undefined) {
      table = splitKey(header[1]);
      full = table;
    } else {
      const key = /^((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/.exec(line);
      if (key?.[1] !== undefined) full = [...table, ...splitKey(key[1])];
    }
    if (full === undefined) continue;
    const depth = commonPrefix(full, path);
    if (depth === path.length && full.length === path.length) return index + 1;
    if (depth === full.length && depth > best.depth) best = { line: index + 1, depth };
  }
  return best.line;
}

function splitKey(key: string): string[] {
  const parts: string[] = [];
  const re = /\s*("([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key)) !== null && m[0] !== "") parts.push(m[2] ?? m[3] ?? m[4] ?? "");
  return parts;
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
