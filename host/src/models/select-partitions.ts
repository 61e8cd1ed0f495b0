import type { TimeIntervalStrategy } from "@rocky/protocol";
import { RockyError } from "../errors.js";
import type { PartitionBatch } from "../ir/index.js";
import { addPartitions, assertPartitionKey, parsePartitionKey, partitionKeyExample, partitionKeyOf, partitionKeysBetween, partitionRange, type Granularity } from "./partitions.js";

/** Which partitions of time_interval models a run builds (`--partition`, `--from`/`--to`, `--latest`, `--missing`). */
export interface PartitionSelection {
  readonly partition?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly latest?: boolean | undefined;
  readonly missing?: boolean | undefined;
}

export interface SelectPartitionsOptions {
  readonly model: string;
  readonly strategy: TimeIntervalStrategy;
  readonly selection: PartitionSelection;
  readonly now: Date;
  /** Partition keys recorded complete in the state store. */
  readonly completed: ReadonlySet<string>;
}

export function assertOneSelection(selection: PartitionSelection): void {
  const modes = [
    selection.partition !== undefined && "--partition",
    (selection.from !== undefined || selection.to !== undefined) && "--from/--to",
    selection.latest === true && "--latest",
    selection.missing === true && "--missing",
  ].filter((m): m is string => m !== false);
  if (modes.length > 1) {
    throw new RockyError("USAGE", `Options ${modes.join(" and ")} cannot be combined`, { hint: "Pick one way to choose partitions" });
  }
}

/**
 * The partition keys to build, in order. Default (--latest): the partition containing `now` and `lookback` before it.
 * --missing: every partition from first_partition to the latest complete one (the one before `now`'s) not yet recorded.
 */
export function selectPartitions(options: SelectPartitionsOptions): string[] {
  const { model, strategy, selection, now, completed } = options;
  const g: Granularity = strategy.granularity;
  assertOneSelection(selection);
  const key = (k: string, what: string) => {
    if (parsePartitionKey(k, g)) return k;
    throw new RockyError("USAGE", `Invalid ${what} "${k}" for the ${g} partitions of model "${model}"`, {
      hint: `Write ${g} partition keys like "${partitionKeyExample(g)}"`,
    });
  };
  const current = partitionKeyOf(now, g);
  const first = () => {
    if (strategy.first_partition === undefined) {
      throw new RockyError("USAGE", `Model "${model}" has no first_partition, so there is no start for --missing or --to`, {
        hint: 'Set [strategy] first_partition = "<key>" in the model\'s .toml, or use --from',
      });
    }
    return key(strategy.first_partition, "first_partition");
  };
  if (selection.partition !== undefined) return [key(selection.partition, "--partition")];
  if (selection.from !== undefined || selection.to !== undefined) {
    const from = selection.from !== undefined ? key(selection.from, "--from") : first();
    const to = selection.to !== undefined ? key(selection.to, "--to") : current;
    if (assertPartitionKey(from, g) > assertPartitionKey(to, g)) {
      throw new RockyError("USAGE", `--from ${from} is after --to ${to}`, { hint: "Swap them" });
    }
    return partitionKeysBetween(from, to, g);
  }
  if (selection.missing === true) {
    const start = first();
    const lastComplete = addPartitions(current, g, -1);
    if (assertPartitionKey(start, g) > assertPartitionKey(lastComplete, g)) return [];
    return partitionKeysBetween(start, lastComplete, g).filter((k) => !completed.has(k));
  }
  const lookback = strategy.lookback ?? 0;
  return partitionKeysBetween(addPartitions(current, g, -lookback), current, g);
}

/** Groups keys into batches of at most `batchSize` consecutive partitions; a gap always starts a new batch. */
export function batchPartitions(keys: readonly string[], granularity: Granularity, batchSize: number): PartitionBatch[] {
  const batches: { keys: string[] }[] = [];
  for (const k of keys) {
    const last = batches.at(-1);
    const prev = last?.keys.at(-1);
    if (last && prev !== undefined && last.keys.length < batchSize && addPartitions(prev, granularity, 1) === k) last.keys.push(k);
    else batches.push({ keys: [k] });
  }
  return batches.map((b) => ({
    keys: b.keys,
    range: { start: partitionRange(b.keys[0] as string, granularity).start, end: partitionRange(b.keys.at(-1) as string, granularity).end },
  }));
}
