export { spawnAdapter } from "./spawn-adapter.js";
export { resolveAdapter, findOnPath, firstPartyAdapter, FIRST_PARTY_DIR, type ResolveAdapterOptions } from "./resolve-adapter.js";
export { AdapterError, isAdapterError } from "./adapter-error.js";
export type { AdapterClient, AdapterSpec, SpawnAdapterOptions, RequestOptions, ExitInfo, QueryBatch, BatchStatement, ExecuteBatchOptions } from "./types.js";
