import type { ColumnInfo, ReplicationPipelineConfig, TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Logger } from "../log.js";
import type { MaterializationStrategy } from "../ir/materialization-strategy.js";
import type { ColumnToAdd, MetadataColumn, ReplicationPlan, ReplicationTablePlan, SetupStep, UnplannedTable } from "../ir/replication-plan.js";
import { RockyError } from "../errors.js";
import { isValidIdentifier } from "../sql/identifiers.js";
import { tableKey, type StateStore } from "../state/state-store.js";
import type { DiscoveredSources } from "./discover-sources.js";
import { mapConcurrent } from "./map-concurrent.js";
import { safeDataType } from "../schema-change/column-type.js";
import { compileSchemaPattern, matchSchemaName } from "./schema-pattern.js";
import { createTargetTables, type TargetTables } from "./target-tables.js";

export const DEFAULT_TIMESTAMP_COLUMN = "_fivetran_synced";
export const DEFAULT_CONCURRENCY = 4;
/** The reason of an existing target planned as a full refresh for want of a watermark (what a lost state causes). */
export const NO_WATERMARK_REASON = "no stored watermark";

export interface PlanReplicationOptions {
  readonly name: string;
  readonly config: ReplicationPipelineConfig;
  readonly sources: DiscoveredSources;
  /** The warehouse: copies run here, reading the source tables by name. */
  readonly target: AdapterClient;
  readonly state: StateStore | undefined;
  readonly logger: Logger;
  /** --full-refresh: every table is planned as a full refresh. */
  readonly fullRefresh?: boolean;
}

export function metadataColumns(config: ReplicationPipelineConfig): MetadataColumn[] {
  return (config.metadata_columns ?? []).map((m) => {
    if (typeof m.value === "object") return { name: m.name, type: m.type ?? "string", value: { kind: "literal", value: m.value.literal } };
    return { name: m.name, type: m.value === "load_time" ? "timestamp" : "string", value: { kind: m.value } };
  });
}

const lower = (s: string) => s.toLowerCase();

interface StrategyChoice {
  readonly strategy: MaterializationStrategy;
  readonly reason: string;
  readonly notes: string[];
  readonly addColumns: ColumnToAdd[];
}

interface TableFacts {
  readonly target: TableRef;
  readonly sourceColumns: readonly ColumnInfo[];
  readonly hasTimestamp: boolean;
  readonly targets: TargetTables;
}

async function chooseStrategy(o: PlanReplicationOptions, { target, sourceColumns, hasTimestamp, targets }: TableFacts): Promise<StrategyChoice> {
  const column = o.config.timestamp_column ?? DEFAULT_TIMESTAMP_COLUMN;
  const full = (reason: string, notes: string[] = []): StrategyChoice => ({ strategy: { kind: "full_refresh" }, reason, notes, addColumns: [] });
  if ((o.config.strategy ?? "incremental") === "full_refresh") return full("strategy full_refresh");
  if (o.fullRefresh) return full("--full-refresh");
  if (!hasTimestamp) return full(`no "${column}" column`, [`no "${column}" column: falls back to full refresh every run`]);
  const invalid = sourceColumns.find((c) => !isValidIdentifier(c.name));
  if (invalid) return full(`column "${invalid.name}" is not a valid identifier`, [`column "${invalid.name}" cannot be named in SQL: copied with SELECT *`]);
  if (!(await targets.exists(target))) return full("target table missing");
  const watermark = o.state?.getWatermark(target);
  if (!watermark) return full(NO_WATERMARK_REASON);

  const targetColumns = new Set((await o.target.describeTable(target)).map((c) => lower(c.name)));
  const missingMeta = metadataColumns(o.config).filter((m) => !targetColumns.has(lower(m.name)));
  if (missingMeta.length > 0) return full(`metadata column(s) ${missingMeta.map((m) => `"${m.name}"`).join(", ")} missing in target`);
  const missing = sourceColumns.filter((c) => !targetColumns.has(lower(c.name)));
  if (missing.length === 0) return { strategy: { kind: "incremental", timestampColumn: column, watermark: watermark.value }, reason: "watermark stored", notes: [], addColumns: [] };
  const names = missing.map((c) => `"${c.name}"`).join(", ");
  if ((o.config.on_schema_drift ?? "add_columns") === "full_refresh") return full(`schema drift: new source column(s) ${names}`);
  const adds = missing.map((c) => ({ name: c.name, dataType: safeDataType(c.data_type) }));
  const unsafe = adds.find((a) => a.dataType === undefined);
  if (unsafe) return full(`schema drift: cannot add column "${unsafe.name}" of type "${missing.find((c) => c.name === unsafe.name)?.data_type ?? ""}"`);
  return {
    strategy: { kind: "incremental", timestampColumn: column, watermark: watermark.value },
    reason: "watermark stored",
    notes: [`schema drift: adding column(s) ${adds.map((a) => `"${a.name}" ${a.dataType ?? ""}`).join(", ")}`],
    addColumns: adds.map((a) => ({ name: a.name, dataType: a.dataType ?? "" })),
  };
}

/**
 * Refuses a target that is one of the discovered source tables, or that lies in a schema the source pattern would
 * discover (next run, it would be copied onto itself or onto another target): Rocky must never write into landing tables.
 * Only when source and target are the same adapter; a target without a catalog is in the source's (default) catalog.
 */
export function refuseSelfTargets(o: Pick<PlanReplicationOptions, "name" | "config" | "sources">): void {
  if (o.config.source.adapter !== o.config.target.adapter) return;
  const pattern = compileSchemaPattern(o.config.source.schema_pattern);
  const key = (catalog: string, schema: string, table: string) => [catalog, schema, table].map(lower).join(".");
  const sources = new Set(o.sources.schemas.flatMap((s) => s.tables.map((t) => key(s.catalog, s.schema, t.name))));
  for (const s of o.sources.schemas) {
    const catalog = s.targetCatalog === "" ? s.catalog : s.targetCatalog;
    const sameCatalog = lower(catalog) === lower(s.catalog);
    for (const t of s.tables) {
      const target = tableKey({ catalog: s.targetCatalog, schema: s.targetSchema, table: t.name });
      const isSource = sources.has(key(catalog, s.targetSchema, t.name));
      if (!isSource && !(sameCatalog && matchSchemaName(s.targetSchema, pattern).matched)) continue;
      const why = isSource ? "which is a discovered source table" : `whose schema matches the source schema_pattern, so the next run would discover it as a source`;
      throw new RockyError("PLAN_INVALID", `Pipeline "${o.name}" would write source table "${tableKey({ catalog: s.catalog, schema: s.schema, table: t.name })}" into "${target}", ${why}`, {
        hint: `Change [pipeline.${o.name}.target] schema_template (or catalog_template) so that no target lands in a source schema`,
      });
    }
  }
}

/**
 * Builds the plan of one replication pipeline: describe each source table, then pick full refresh or incremental. Per table
 * that is one describe_table, plus one of the target when it may be copied incrementally; which targets exist is listed in bulk.
 */
export async function planReplication(o: PlanReplicationOptions): Promise<ReplicationPlan> {
  refuseSelfTargets(o);
  const setup: SetupStep[] = [];
  const seen = new Set<string>();
  for (const s of o.sources.schemas) {
    if (s.tables.length === 0) continue;
    if (s.targetCatalog !== "" && o.target.has("create_catalog") && !seen.has(s.targetCatalog)) {
      seen.add(s.targetCatalog);
      setup.push({ kind: "create_catalog", catalog: s.targetCatalog, via: "method" });
    }
    const key = `${s.targetCatalog}.${s.targetSchema}`;
    if (!seen.has(key)) {
      seen.add(key);
      setup.push({ kind: "create_schema", catalog: s.targetCatalog, schema: s.targetSchema, via: o.target.has("create_schema") ? "method" : "sql" });
    }
  }

  const work = o.sources.schemas.flatMap((s) =>
    s.tables.map((t) => ({
      source: { catalog: s.catalog, schema: s.schema, table: t.name },
      target: { catalog: s.targetCatalog, schema: s.targetSchema, table: t.name },
      syncedAt: s.syncedAt,
    })),
  );
  const column = o.config.timestamp_column ?? DEFAULT_TIMESTAMP_COLUMN;
  const metadata = metadataColumns(o.config);
  const targets = createTargetTables(o.target, work.map((w) => w.target), o.logger);
  const planned = await mapConcurrent(work, o.config.concurrency ?? DEFAULT_CONCURRENCY, async ({ source, target, syncedAt }): Promise<ReplicationTablePlan | UnplannedTable> => {
    try {
      // Cached per source sync: a newer synced_at (new columns, perhaps) is a new question.
      const sourceColumns = await o.target.describeTable(source, { cache: "schemas", ...(syncedAt ? { cacheVersion: syncedAt } : {}) });
      const hasTimestamp = sourceColumns.some((c) => lower(c.name) === lower(column));
      const choice = await chooseStrategy(o, { target, sourceColumns, hasTimestamp, targets });
      return {
        source,
        target,
        ...choice,
        columns: sourceColumns.map((c) => c.name),
        metadata,
        timestampColumn: hasTimestamp ? column : null,
      };
    } catch (error) {
      return { source, target, error };
    }
  });
  return {
    kind: "replication",
    pipeline: o.name,
    sourceAdapter: o.config.source.adapter,
    targetAdapter: o.config.target.adapter,
    setup,
    tables: planned.filter((p): p is ReplicationTablePlan => !("error" in p)),
    unplanned: planned.filter((p): p is UnplannedTable => "error" in p),
    skipped: o.sources.skipped,
  };
}
