import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sqlParserVersion } from "./check-model-sql.js";

/** Bumped whenever checkModelSql() accepts or rejects differently, so older caches are ignored. */
const FORMAT = 1;

/** Where a project keeps its caches, relative to rocky.toml's directory (like the default state path, under .rocky/). */
export const CACHE_DIR = join(".rocky", "cache");

/** The model SQL texts known to parse as one SELECT in a dialect, by content hash. Only successes are kept. */
export interface SqlParseCache {
  has(sql: string): boolean;
  add(sql: string): void;
  /** Writes the entries met since opening (hits and additions), when they differ from what was read. Never throws. */
  save(): void;
}

export interface OpenSqlParseCacheOptions {
  /** Cache directory (e.g. <project>/.rocky/cache). */
  readonly dir: string;
  /** What the entries are valid for: dialect and models directory, one file each. */
  readonly dialect: string;
  readonly modelsDir: string;
}

interface CacheFile {
  readonly format: number;
  readonly parser: string;
  readonly hashes: readonly string[];
}

/** Opens (or starts) the cache of one models directory; a missing, unreadable or outdated file is an empty cache. */
export function openSqlParseCache(options: OpenSqlParseCacheOptions): SqlParseCache {
  const file = join(options.dir, `parsed-sql-${options.dialect}-${hash(options.modelsDir).slice(0, 12)}.json`);
  const parser = `node-sql-parser ${sqlParserVersion()}`;
  const stored = readStored(file, parser);
  const met = new Set<string>();
  return {
    has(sql) {
      const key = hash(sql);
      if (!stored.has(key)) return false;
      met.add(key);
      return true;
    },
    add(sql) {
      met.add(hash(sql));
    },
    save() {
      if (met.size === stored.size && [...met].every((k) => stored.has(k))) return;
      const content: CacheFile = { format: FORMAT, parser, hashes: [...met].sort() };
      writeQuietly(file, `${JSON.stringify(content)}\n`);
    },
  };
}

/** Replaces `file` atomically (concurrent readers see the old or the new one); a cache that cannot be written (read-only checkout) only means parsing again. */
function writeQuietly(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more to clean up.
    }
  }
}

function readStored(file: string, parser: string): Set<string> {
  try {
    const content = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (content.format !== FORMAT || content.parser !== parser || !Array.isArray(content.hashes)) return new Set();
    return new Set(content.hashes.filter((h) => typeof h === "string"));
  } catch {
    return new Set();
  }
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 22);
}
