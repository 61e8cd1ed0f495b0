import type { StateStore } from "../state/state-store.js";

type TagKind = "catalog" | "schema" | "table";

/**
 * The tags Rocky last set on each securable, per adapter, in the state: the protocol cannot read tags back, so a tag is
 * sent again only when its configured value changes (or with --full-refresh, which forgets them).
 */
export interface TagMemory {
  get(kind: TagKind, target: string): Readonly<Record<string, string>> | undefined;
  remember(kind: TagKind, target: string, tags: Readonly<Record<string, string>>): Promise<void>;
}

export function createTagMemory(state: StateStore | undefined, adapter: string, options: { forget?: boolean } = {}): TagMemory {
  const ns = state?.namespace<Record<string, string>>("governance-tags");
  const forgotten = options.forget === true;
  return {
    get: (kind, target) => (forgotten ? undefined : ns?.get([adapter, kind, target])),
    async remember(kind, target, tags) {
      if (!ns) return;
      await ns.transaction((tx) => tx.put([adapter, kind, target], { ...(forgotten ? {} : tx.get([adapter, kind, target])), ...tags }));
    },
  };
}
