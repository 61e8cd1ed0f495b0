import type { Argv } from "yargs";
import type { ModelRunOptions } from "./transformation-runner.js";
import { assertOneSelection } from "./select-partitions.js";

/** The flags `rocky plan` and `rocky run` take for transformation models. */
export interface ModelRunArgs {
  readonly select?: readonly string[] | undefined;
  readonly model?: readonly string[] | undefined;
  readonly partition?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly latest?: boolean | undefined;
  readonly missing?: boolean | undefined;
}

export function addModelRunOptions<T>(y: Argv<T>): Argv<T & ModelRunArgs> {
  return y
    .option("select", { type: "string", array: true, describe: "Models to build: name, +name (with upstream), name+ (with downstream), tag:x; repeat or comma-separate" })
    .option("model", { type: "string", array: true, describe: "Same as --select" })
    .option("partition", { type: "string", describe: "time_interval models: build this partition key (2024-01-15, 2024-01, 2024, 2024-01-15T13)" })
    .option("from", { type: "string", describe: "time_interval models: first partition key to build (inclusive)" })
    .option("to", { type: "string", describe: "time_interval models: last partition key to build (inclusive)" })
    .option("latest", { type: "boolean", describe: "time_interval models: the partition containing now, plus lookback (default)" })
    .option("missing", { type: "boolean", describe: "time_interval models: every partition from first_partition not yet recorded complete" }) as unknown as Argv<T & ModelRunArgs>;
}

export function modelRunOptionsFrom(args: ModelRunArgs): ModelRunOptions {
  const partitions = { partition: args.partition, from: args.from, to: args.to, latest: args.latest, missing: args.missing };
  assertOneSelection(partitions);
  return { select: [...(args.select ?? []), ...(args.model ?? [])], partitions };
}
