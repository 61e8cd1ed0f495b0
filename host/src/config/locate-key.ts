/** A key's position in TOML source: 1-based line and column. */
export interface KeyPosition {
  readonly line: number;
  readonly column: number;
}

export type KeyPath = readonly (string | number)[];

const SEP = "\u0000";

/**
 * Maps every key path of an already-parsed TOML document to where it is written, so a
 * validation error on `/pipeline/x/source/adapter` can name its line. Lenient: smol-toml
 * has checked the syntax.
 */
export function indexKeyPositions(source: string): Map<string, KeyPosition> {
  const positions = new Map<string, KeyPosition>();
  const tableArrays = new Map<string, number>();
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  const peek = (n = 0) => source[pos + n] ?? "";
  const record = (path: KeyPath, at: KeyPosition) => {
    const key = path.join(SEP);
    if (!positions.has(key)) positions.set(key, at);
  };
  const here = (): KeyPosition => ({ line, column: pos - lineStart + 1 });
  const advance = () => {
    if (source[pos] === "\n") {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  };
  const skipSpaces = (newlines: boolean) => {
    for (;;) {
      const c = peek();
      if (c === " " || c === "\t" || c === "\r" || (newlines && c === "\n")) advance();
      else if (c === "#") while (pos < source.length && peek() !== "\n") advance();
      else return;
    }
  };
  const skipString = () => {
    const quote = peek();
    const triple = peek(1) === quote && peek(2) === quote;
    const close = triple ? quote.repeat(3) : quote;
    for (let i = 0; i < close.length; i++) advance();
    while (pos < source.length) {
      if (quote === '"' && peek() === "\\") {
        advance();
        advance();
      } else if (source.startsWith(close, pos)) {
        for (let i = 0; i < close.length; i++) advance();
        while (triple && peek() === quote) advance();
        return;
      } else advance();
    }
  };
  const parseKey = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      skipSpaces(false);
      const c = peek();
      if (c === '"' || c === "'") {
        const start = pos;
        skipString();
        const raw = source.slice(start, pos);
        parts.push(c === '"' ? (JSON.parse(raw) as string) : raw.slice(1, -1));
      } else {
        const start = pos;
        while (/[A-Za-z0-9_-]/.test(peek())) advance();
        parts.push(source.slice(start, pos));
      }
      skipSpaces(false);
      if (peek() !== ".") return parts;
      advance();
    }
  };
  const parseValue = (path: KeyPath): void => {
    skipSpaces(false);
    const c = peek();
    if (c === "{") {
      advance();
      for (;;) {
        skipSpaces(true);
        if (peek() === "}" || pos >= source.length) break;
        const at = here();
        const key = parseKey();
        key.forEach((_, i) => record([...path, ...key.slice(0, i + 1)], at));
        if (peek() === "=") advance();
        parseValue([...path, ...key]);
        skipSpaces(true);
        if (peek() === ",") advance();
      }
      advance();
    } else if (c === "[") {
      advance();
      for (let index = 0; ; index++) {
        skipSpaces(true);
        if (peek() === "]" || pos >= source.length) break;
        record([...path, index], here());
        parseValue([...path, index]);
        skipSpaces(true);
        if (peek() === ",") advance();
      }
      advance();
    } else if (c === '"' || c === "'") {
      skipString();
    } else {
      while (pos < source.length && !/[,\]}\n#]/.test(peek())) advance();
    }
  };

  let current: KeyPath = [];
  while (pos < source.length) {
    skipSpaces(true);
    if (pos >= source.length) break;
    const at = here();
    if (peek() === "[") {
      const isArray = peek(1) === "[";
      advance();
      if (isArray) advance();
      const key = parseKey();
      while (peek() === "]") advance();
      if (isArray) {
        const id = key.join(SEP);
        const index = (tableArrays.get(id) ?? -1) + 1;
        tableArrays.set(id, index);
        current = [...key, index];
      } else current = key;
      current.forEach((_, i) => record(current.slice(0, i + 1), at));
    } else {
      const key = parseKey();
      const full = [...current, ...key];
      full.forEach((_, i) => record(full.slice(0, i + 1), at));
      if (peek() === "=") advance();
      parseValue(full);
    }
    while (pos < source.length && peek() !== "\n") advance();
  }
  return positions;
}

/** Where `path` (or its nearest written ancestor) is in `positions`. */
export function locateKey(positions: ReadonlyMap<string, KeyPosition>, path: KeyPath): KeyPosition | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = positions.get(path.slice(0, n).join(SEP));
    if (found) return found;
  }
  return undefined;
}

/** `pipeline.bronze.metadata_columns[0].value` */
export function formatKeyPath(path: KeyPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${/^[A-Za-z0-9_-]+$/.test(p) ? p : JSON.stringify(p)}`)).join("");
}
