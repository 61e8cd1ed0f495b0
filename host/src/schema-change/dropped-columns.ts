import type { TableRef } from "@rocky/protocol";
import { tableKey, type StateStore } from "../state/state-store.js";

/** A column gone from a source table and still in its target, since when: its grace period runs from then. */
export interface DroppedColumn {
  readonly column: string;
  readonly data_type: string;
  /** ISO 8601: the first run that saw it gone. */
  readonly first_missing_at: string;
}

const NAMESPACE = "dropped_columns";

/** The target's columns known gone from its source, by lower-case name; empty before the first run. */
export function readDroppedColumns(state: StateStore | undefined, target: TableRef): Map<string, DroppedColumn> {
  const entries = state?.namespace<DroppedColumn>(NAMESPACE).entries({ prefix: [tableKey(target)] }) ?? [];
  return new Map(entries.map((e) => [e.value.column.toLowerCase(), e.value]));
}

/** Makes the records exactly `missing`: new ones keep their first sighting, reappeared or dropped columns are forgotten. */
export async function writeDroppedColumns(state: StateStore, target: TableRef, missing: readonly DroppedColumn[]): Promise<void> {
  const ns = state.namespace<DroppedColumn>(NAMESPACE);
  const key = tableKey(target);
  const known = ns.entries({ prefix: [key] });
  const wanted = new Map(missing.map((m) => [m.column.toLowerCase(), m]));
  if (known.length === 0 && wanted.size === 0) return;
  await ns.transaction((tx) => {
    for (const e of known) if (!wanted.has(e.value.column.toLowerCase())) void tx.remove(e.key);
    for (const [name, m] of wanted) if (tx.get([key, name]) === undefined) void tx.put([key, name], m);
  });
}

const SOURCE_COLUMNS = "source_columns";

/** The source's columns (lower case) at the table's last copy; undefined before one was recorded. */
export function readSourceColumns(state: StateStore | undefined, target: TableRef): ReadonlySet<string> | undefined {
  const names = state?.namespace<string[]>(SOURCE_COLUMNS).get(tableKey(target));
  return names === undefined ? undefined : new Set(names);
}

/** Records the source's columns after a copy, when they changed: a target column never among them is not the source's to drop. */
export async function writeSourceColumns(state: StateStore, target: TableRef, columns: readonly string[]): Promise<void> {
  const names = columns.map((c) => c.toLowerCase());
  const known = state.namespace<string[]>(SOURCE_COLUMNS).get(tableKey(target));
  if (known?.length === names.length && known.every((n, i) => n === names[i])) return;
  await state.namespace<string[]>(SOURCE_COLUMNS).put(tableKey(target), names);
}
