import type { TableRef } from "@rocky/protocol";
import { tableKey, type StateStore } from "../state/state-store.js";

/** The part of the state store models use: per-target watermarks and a namespace of completed partitions. */
export type ModelState = Pick<StateStore, "getWatermark" | "setWatermark" | "namespace">;

export interface PartitionRecord {
  readonly completed_at: string;
  readonly run_id: string;
}

/** Keys are [target table, partition key], so a renamed model keeps its target's partitions. */
const NAMESPACE = "partitions";

export function completedPartitions(state: ModelState | undefined, target: TableRef): Set<string> {
  if (!state) return new Set();
  const entries = state.namespace<PartitionRecord>(NAMESPACE).entries({ prefix: [tableKey(target)] });
  return new Set(entries.map((e) => (e.key as readonly string[])[1] as string));
}

/** Records partitions complete in one transaction. */
export async function recordPartitions(state: ModelState, target: TableRef, keys: readonly string[], runId: string): Promise<void> {
  const completed_at = new Date().toISOString();
  const table = tableKey(target);
  // The callback stays synchronous: lmdb commits what it wrote when it returns.
  await state.namespace<PartitionRecord>(NAMESPACE).transaction((tx) => {
    for (const key of keys) void tx.put([table, key], { completed_at, run_id: runId });
  });
}

export async function forgetPartition(state: ModelState, target: TableRef, key: string): Promise<void> {
  await state.namespace<PartitionRecord>(NAMESPACE).remove([tableKey(target), key]);
}
