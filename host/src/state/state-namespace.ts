import type { Database, Key, RootDatabase } from "lmdb";
import { redactDeep } from "../redact.js";

/** A key: a string, a number, or an array of them (ordered element by element, e.g. ["orders", "2024-01-15"]). */
export type StateKey = string | number | readonly (string | number)[];

export interface StateEntry<V> {
  readonly key: StateKey;
  readonly value: V;
}

export interface NamespaceRangeOptions {
  /** Only keys that are arrays starting with these elements. */
  readonly prefix?: readonly (string | number)[];
  readonly reverse?: boolean;
  readonly limit?: number;
}

/** A namespaced key/value sub-database of the state store. Values are JSON. */
export interface StateNamespace<V = unknown> {
  get(key: StateKey): V | undefined;
  put(key: StateKey, value: V): Promise<void>;
  remove(key: StateKey): Promise<void>;
  entries(options?: NamespaceRangeOptions): StateEntry<V>[];
  /** Runs `fn` in one write transaction: its put/remove calls commit together or not at all. */
  transaction<T>(fn: (tx: Pick<StateNamespace<V>, "get" | "put" | "remove">) => T): Promise<T>;
}

const toKey = (key: StateKey): Key => (Array.isArray(key) ? [...key] : key) as Key;

/** `db` is undefined for a namespace never written, in a read-only store; `beforeWrite` runs before every change. */
export function createNamespace<V>(root: RootDatabase, db: Database<V, Key> | undefined, beforeWrite: () => void): StateNamespace<V> {
  const writable = (): Database<V, Key> => {
    beforeWrite();
    return db as Database<V, Key>;
  };
  const ns: StateNamespace<V> = {
    get: (key) => db?.get(toKey(key)),
    async put(key, value) {
      await writable().put(toKey(key), redactDeep(value));
    },
    async remove(key) {
      await writable().remove(toKey(key));
    },
    entries(options = {}) {
      if (!db) return [];
      // Array keys sort element-wise; [...prefix, MAX] bounds every key extending the prefix.
      const range = options.prefix
        ? options.reverse
          ? { start: [...options.prefix, "\uffff"], end: [...options.prefix] }
          : { start: [...options.prefix], end: [...options.prefix, "\uffff"] }
        : {};
      const all = [...db.getRange({ ...range, ...(options.reverse ? { reverse: true } : {}), ...(options.limit !== undefined ? { limit: options.limit } : {}) })];
      return all.map(({ key, value }) => ({ key: key as StateKey, value }));
    },
    transaction(fn) {
      const target = writable();
      return root.transaction(() =>
        fn({
          get: ns.get,
          put: (key, value) => {
            void target.put(toKey(key), redactDeep(value));
            return Promise.resolve();
          },
          remove: (key) => {
            void target.remove(toKey(key));
            return Promise.resolve();
          },
        }),
      );
    },
  };
  return ns;
}
