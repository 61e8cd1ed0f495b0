import { RockyError } from "../errors.js";
import type { Granularity, TimeRange } from "../ir/index.js";

export type { Granularity } from "../ir/index.js";

const KEY_PATTERNS: Readonly<Record<Granularity, RegExp>> = {
  hour: /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  year: /^(\d{4})$/,
};
const KEY_EXAMPLES: Readonly<Record<Granularity, string>> = { hour: "2024-01-15T13", day: "2024-01-15", month: "2024-01", year: "2024" };

/** The UTC instant a partition key starts at, or undefined when the key does not fit the granularity. */
export function parsePartitionKey(key: string, granularity: Granularity): Date | undefined {
  const m = KEY_PATTERNS[granularity].exec(key);
  if (!m) return undefined;
  const [y, mo, d, h] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0)];
  const date = new Date(Date.UTC(y, mo - 1, d, h));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h;
  return valid ? date : undefined;
}

export function partitionKeyExample(granularity: Granularity): string {
  return KEY_EXAMPLES[granularity];
}

export function assertPartitionKey(key: string, granularity: Granularity, what = "partition key"): Date {
  const date = parsePartitionKey(key, granularity);
  if (!date) {
    throw new RockyError("USAGE", `Invalid ${what} "${key}" for ${granularity} partitions`, {
      hint: `Write ${granularity} partition keys like "${KEY_EXAMPLES[granularity]}"`,
    });
  }
  return date;
}

/** The key of the partition containing `date`. */
export function partitionKeyOf(date: Date, granularity: Granularity): string {
  const iso = date.toISOString();
  if (granularity === "year") return iso.slice(0, 4);
  if (granularity === "month") return iso.slice(0, 7);
  if (granularity === "day") return iso.slice(0, 10);
  return iso.slice(0, 13);
}

export function addPartitions(key: string, granularity: Granularity, count: number): string {
  const d = assertPartitionKey(key, granularity);
  if (granularity === "year") d.setUTCFullYear(d.getUTCFullYear() + count);
  else if (granularity === "month") d.setUTCMonth(d.getUTCMonth() + count);
  else if (granularity === "day") d.setUTCDate(d.getUTCDate() + count);
  else d.setUTCHours(d.getUTCHours() + count);
  return partitionKeyOf(d, granularity);
}

/** [start, end) of a partition as 'YYYY-MM-DD HH:MM:SS' UTC timestamps. */
export function partitionRange(key: string, granularity: Granularity): TimeRange {
  return { start: formatTimestamp(assertPartitionKey(key, granularity)), end: formatTimestamp(assertPartitionKey(addPartitions(key, granularity, 1), granularity)) };
}

/** Every key from `from` to `to`, both included, in order. */
export function partitionKeysBetween(from: string, to: string, granularity: Granularity): string[] {
  const keys: string[] = [];
  const last = assertPartitionKey(to, granularity).getTime();
  for (let key = from; assertPartitionKey(key, granularity).getTime() <= last; key = addPartitions(key, granularity, 1)) {
    keys.push(key);
    if (keys.length > 1_000_000) throw new RockyError("USAGE", `Partition range ${from}..${to} is too large`, { hint: "Narrow --from/--to" });
  }
  return keys;
}

export function formatTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}
