import type { ColumnInfo, ReplicationPipelineConfig, SchemaDrift, TableRef } from "@rocky/protocol";
import type { AdapterClient } from "../adapter/types.js";
import type { Logger } from "../log.js";
import type { MaterializationStrategy } from "../ir/materialization-strategy.js";
import type { MetadataColumn, ReplicationPlan, ReplicationTablePlan, SetupStep, UnplannedTable } from "../ir/replication-plan.js";
import { RockyError, type SourceLocation } from "../errors.js";
import { isValidIdentifier } from "../sql/identifiers.js";
import { tableKey, type StateStore } from "../state/state-store.js";
import type { DiscoveredSources } from "./discover-sources.js";
import { mapConcurrent } from "./map-concurrent.js";
import { assertContract, checkContract } from "../schema-change/check-contract.js";
import { detectDrift, parseGracePeriod, SchemaDriftError } from "../schema-change/detect-drift.js";
import { readDroppedColumns, readSourceColumns } from "../schema-change/dropped-columns.js";
import type { TableContracts } from "../schema-change/table-contracts.js";
import { dialectFor } from "../sql/dialect.js";
import { compileSchemaPattern, matchSchemaName } from "./schema-pattern.js";
import { createTargetTables, type TargetTables } from "./target-tables.js";

export const DEFAULT_TIMESTAMP_COLUMN = "_fivetran_synced";
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_DROP_GRACE_PERIOD = "7d";
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
  /** The pipeline's table contracts ([pipeline.X] contracts): checked on every table before it is planned. */
  readonly contracts?: TableContracts | undefined;
  /** The clock of grace periods; tests pin it. */
  readonly now?: Date | undefined;
  /** The location of a key of this pipeline in rocky.toml, for errors. */
  readonly locate?: ((path: readonly string[]) => SourceLocation | undefined) | undefined;
}

export function metadataColumns(config: ReplicationPipelineConfig): MetadataColumn[] {
  return (config.metadata_columns ?? []).map((m) => {
    if (typeof m.value === "object") return { name: m.name, type: m.type ?? "string", value: { kind: "literal", value: m.value.literal } };
    return { name: m.name, type: m.value === "load_time" ? "timestamp" : "string", value: { kind: m.value } };
  });
}

const lower = (s: string) => s.toLowerCase();

type StrategyChoice = Pick<ReplicationTablePlan, "strategy" | "reason" | "notes" | "addColumns" | "drift" | "schemaChanges">;

interface TableFacts {
  readonly target: TableRef;
  readonly sourceColumns: readonly ColumnInfo[];
  readonly hasTimestamp: boolean;
  readonly targets: { exists(): Promise<boolean> };
  /** The target's columns, described once, when it exists. */
  readonly targetColumns: () => Promise<readonly ColumnInfo[] | undefined>;
}

async function chooseStrategy(o: PlanReplicationOptions, { target, sourceColumns, hasTimestamp, targets, targetColumns }: TableFacts): Promise<StrategyChoice> {
  const column = o.config.timestamp_column ?? DEFAULT_TIMESTAMP_COLUMN;
  const full = (reason: string, notes: string[] = []): StrategyChoice => ({ strategy: { kind: "full_refresh" }, reason, notes, addColumns: [] });
  if ((o.config.strategy ?? "incremental") === "full_refresh") return full("strategy full_refresh");
  if (o.fullRefresh) return full("--full-refresh");
  if (!hasTimestamp) return full(`no "${column}" column`, [`no "${column}" column: falls back to full refresh every run`]);
  const invalid = sourceColumns.find((c) => !isValidIdentifier(c.name));
  if (invalid) return full(`column "${invalid.name}" is not a valid identifier`, [`column "${invalid.name}" cannot be named in SQL: copied with SELECT *`]);
  if (!(await targets.exists())) return full("target table missing");
  const watermark = o.state?.getWatermark(target);
  if (!watermark) return full(NO_WATERMARK_REASON);

  const existing = (await targetColumns()) ?? [];
  const names = new Set(existing.map((c) => lower(c.name)));
  const missingMeta = metadataColumns(o.config).filter((m) => !names.has(lower(m.name)));
  if (missingMeta.length > 0) return full(`metadata column(s) ${missingMeta.map((m) => `"${m.name}"`).join(", ")} missing in target`);
  const decision = detectDrift({
    source: sourceColumns,
    target: existing,
    metadata: metadataColumns(o.config).map((m) => m.name),
    dialect: dialectFor(o.target.manifest.dialect).name,
    onDrift: o.config.on_drift ?? "refresh",
    onAdded: o.config.on_schema_drift ?? "add_columns",
    graceMs: parseGracePeriod(o.config.drop_grace_period ?? DEFAULT_DROP_GRACE_PERIOD),
    dropped: readDroppedColumns(o.state, target),
    previousSource: readSourceColumns(o.state, target),
    now: o.now ?? new Date(),
  });
  if (decision.fail.length > 0) throw new SchemaDriftError(tableKey(target), decision.drift, o.locate?.(["on_drift"]));
  const { drift } = decision;
  const schemaChanges = { alterColumns: decision.alterColumns, dropNotNull: decision.dropNotNull, dropColumns: decision.dropColumns, kept: decision.kept, missing: decision.missing };
  const notes = drift.map(driftNote);
  if (decision.refresh !== undefined) return { ...full(decision.refresh, notes), drift, schemaChanges };
  return { strategy: { kind: "incremental", timestampColumn: column, watermark: watermark.value }, reason: "watermark stored", notes, addColumns: decision.addColumns, drift, schemaChanges };
}

/** One line per drift for the human plan and run output: `schema drift: column "x" added (INTEGER): add_column`. */
function driftNote(d: SchemaDrift): string {
  const types = d.change === "added" ? `(${d.new_type ?? ""})` : d.change === "dropped" ? `(was ${d.old_type ?? ""})` : `${d.old_type ?? ""} -> ${d.new_type ?? ""}`;
  return `schema drift: column "${d.column}" ${d.change} ${types}: ${d.action}${d.drop_after ? ` until ${d.drop_after}` : ""}`;
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
  const dialect = dialectFor(o.target.manifest.dialect);
  const targets = createTargetTables(o.target, work.map((w) => w.target), o.logger);
  const planned = await mapConcurrent(work, o.config.concurrency ?? DEFAULT_CONCURRENCY, async ({ source, target, syncedAt }): Promise<ReplicationTablePlan | UnplannedTable> => {
    try {
      // Cached per source sync: a newer synced_at (new columns, perhaps) is a new question.
      const sourceColumns = await o.target.describeTable(source, { cache: "schemas", ...(syncedAt ? { cacheVersion: syncedAt } : {}) });
      const hasTimestamp = sourceColumns.some((c) => lower(c.name) === lower(column));
      // Asked once per table: whether the target exists (table_exists where no listing answers it) and its columns.
      let exists: Promise<boolean> | undefined;
      let described: Promise<readonly ColumnInfo[] | undefined> | undefined;
      const tableExists = { exists: () => (exists ??= targets.exists(target)) };
      const targetColumns = () => (described ??= tableExists.exists().then((e) => (e ? o.target.describeTable(target) : undefined)));
      const contract = o.contracts?.find(target);
      let nullChecks: ReplicationTablePlan["nullChecks"];
      if (contract) {
        const written = [...sourceColumns, ...metadata.map((m) => ({ name: m.name, data_type: m.type === "timestamp" ? dialect.timestampType() : dialect.stringType(), nullable: true }))];
        const check = checkContract(contract, { table: tableKey(target), columns: written, existing: await targetColumns(), dialect: dialect.name, exempt: metadata.map((m) => m.name) });
        assertContract(tableKey(target), check.violations);
        if (check.nullChecks.length > 0) nullChecks = { columns: check.nullChecks, contract };
      }
      const choice = await chooseStrategy(o, { target, sourceColumns, hasTimestamp, targets: tableExists, targetColumns });
      return {
        source,
        target,
        ...choice,
        columns: sourceColumns.map((c) => c.name),
        metadata,
        timestampColumn: hasTimestamp ? column : null,
        ...(nullChecks ? { nullChecks } : {}),
      };
    } catch (error) {
      return { source, target, error, ...(error instanceof SchemaDriftError ? { drift: error.drift } : {}) };
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
