import type { ColumnInfo, SchemaDrift } from "@rocky/protocol";
import { RockyError, type SourceLocation } from "../errors.js";
import type { ColumnToAdd } from "../ir/replication-plan.js";
import type { DialectName } from "../sql/dialect.js";
import { safeDataType } from "./column-type.js";
import { alterableInPlace, compareTypes } from "./compare-types.js";
import type { DroppedColumn } from "./dropped-columns.js";

export type OnDrift = "refresh" | "fail" | "ignore";

export interface DetectDriftOptions {
  readonly source: readonly ColumnInfo[];
  readonly target: readonly ColumnInfo[];
  /** Columns Rocky adds to every copy: never "dropped from the source". */
  readonly metadata: readonly string[];
  readonly dialect: DialectName;
  readonly onDrift: OnDrift;
  /** on_schema_drift: "full_refresh" recreates the table for an added column instead of adding it. */
  readonly onAdded: "add_columns" | "full_refresh";
  readonly graceMs: number;
  /** Columns already known to be gone from the source, by lower-case name. */
  readonly dropped: ReadonlyMap<string, DroppedColumn>;
  /** The source's columns at the last copy; a target column never among them (added to the target by hand) is left alone. */
  readonly previousSource?: ReadonlySet<string> | undefined;
  readonly now: Date;
}

/** What drift means for one copy: the changes found, and what to run before copying (or why to refresh or fail). */
export interface DriftDecision {
  readonly drift: SchemaDrift[];
  /** Why the table must be recreated from the source instead; undefined when the changes are applied in place. */
  readonly refresh?: string;
  /** on_drift = "fail": the changes that fail the table. */
  readonly fail: SchemaDrift[];
  readonly addColumns: ColumnToAdd[];
  readonly alterColumns: ColumnToAdd[];
  /** Kept columns that are NOT NULL in the target: copies must be able to leave them NULL. */
  readonly dropNotNull: string[];
  readonly dropColumns: string[];
  /** Dropped from the source, kept in the target within their grace period (NULL in copies), with the target's type. */
  readonly kept: ColumnToAdd[];
  /** Every column gone from the source and still in the target, with when it was first seen gone. */
  readonly missing: DroppedColumn[];
}

const lower = (s: string) => s.toLowerCase();

/** `7d`, `12h`, `30m`, `0s` in milliseconds. */
export function parseGracePeriod(text: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(text);
  if (!m) throw new Error(`Invalid grace period "${text}"`);
  return Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s" | "m" | "h" | "d"];
}

/** Compares source and target columns (case-insensitively) and decides, per the config, what each difference becomes. */
export function detectDrift(o: DetectDriftOptions): DriftDecision {
  const target = new Map(o.target.map((c) => [lower(c.name), c]));
  const source = new Set(o.source.map((c) => lower(c.name)));
  const meta = new Set(o.metadata.map(lower));
  const drift: SchemaDrift[] = [];
  const refreshFor: string[] = [];
  const d: Omit<DriftDecision, "drift" | "refresh"> = { fail: [], addColumns: [], alterColumns: [], dropNotNull: [], dropColumns: [], kept: [], missing: [] };

  for (const s of o.source) {
    const t = target.get(lower(s.name));
    if (!t) {
      const type = safeDataType(s.data_type);
      const inPlace = type !== undefined && o.onAdded === "add_columns";
      drift.push({ column: s.name, change: "added", old_type: null, new_type: s.data_type, action: inPlace ? "add_column" : "full_refresh" });
      if (inPlace) d.addColumns.push({ name: s.name, dataType: type });
      else refreshFor.push(`new column "${s.name}"${type === undefined ? ` of type ${s.data_type}, which cannot be written into DDL` : ""}`);
      continue;
    }
    const change = compareTypes(t.data_type, s.data_type, o.dialect);
    if (change === "same") continue;
    const entry = { column: s.name, old_type: t.data_type, new_type: s.data_type };
    if (change === "narrowing") {
      drift.push({ ...entry, change: "narrowed", action: "keep" });
    } else if (change === "widening") {
      const type = safeDataType(s.data_type);
      const inPlace = type !== undefined && alterableInPlace(t.data_type, s.data_type, o.dialect);
      drift.push({ ...entry, change: "widened", action: inPlace ? "alter_type" : "full_refresh" });
      if (inPlace) d.alterColumns.push({ name: t.name, dataType: type });
      else refreshFor.push(`column "${s.name}" widened from ${t.data_type} to ${s.data_type}, which the warehouse cannot alter in place`);
    } else {
      const action = o.onDrift === "refresh" ? "full_refresh" : o.onDrift;
      const item: SchemaDrift = { ...entry, change: "type_changed", action };
      drift.push(item);
      if (action === "fail") d.fail.push(item);
      if (action === "full_refresh") refreshFor.push(`column "${s.name}" changed type from ${t.data_type} to ${s.data_type}`);
    }
  }
  for (const t of o.target) {
    const key = lower(t.name);
    if (source.has(key) || meta.has(key)) continue;
    if (o.previousSource && !o.previousSource.has(key) && !o.dropped.has(key)) continue;
    const since = o.dropped.get(key)?.first_missing_at ?? o.now.toISOString();
    const dropAfter = new Date(Date.parse(since) + o.graceMs);
    d.missing.push({ column: t.name, data_type: t.data_type, first_missing_at: since });
    const type = safeDataType(t.data_type);
    if (o.now >= dropAfter) {
      drift.push({ column: t.name, change: "dropped", old_type: t.data_type, new_type: null, action: "drop_column" });
      d.dropColumns.push(t.name);
      continue;
    }
    drift.push({ column: t.name, change: "dropped", old_type: t.data_type, new_type: null, action: "keep", drop_after: dropAfter.toISOString() });
    // A type outside the grammar cannot be recreated by a refresh's CAST(NULL AS type); incremental copies keep it anyway.
    if (type !== undefined) d.kept.push({ name: t.name, dataType: type });
    if (t.nullable === false) d.dropNotNull.push(t.name);
  }
  if (refreshFor.length === 0) return { drift, ...d };
  // A refresh recreates the table from the source: additions and widenings come with it.
  const refreshed = drift.map((x) => (x.action === "add_column" || x.action === "alter_type" ? { ...x, action: "full_refresh" as const } : x));
  return { drift: refreshed, refresh: `schema drift: ${refreshFor.join("; ")}`, ...d, addColumns: [], alterColumns: [], dropNotNull: [] };
}

/** on_drift = "fail": the table fails before anything is written, naming each change. */
export class SchemaDriftError extends RockyError {
  constructor(
    table: string,
    readonly drift: readonly SchemaDrift[],
    location?: SourceLocation,
  ) {
    const changes = drift.filter((x) => x.action === "fail").map((x) => `column "${x.column}" changed type from ${x.old_type ?? "?"} to ${x.new_type ?? "?"}`);
    super("SCHEMA_DRIFT", `Schema drift in "${table}", nothing written: ${changes.join("; ")} (on_drift = "fail")`, {
      hint: 'Recreate the table with `rocky run --full-refresh`, or set on_drift = "refresh" to let Rocky recreate it',
      ...(location ? { location } : {}),
    });
  }
}
