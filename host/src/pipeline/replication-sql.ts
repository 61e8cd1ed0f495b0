import type { PlannedStatement, SqlParam, TableRef } from "@rocky/protocol";
import type { MetadataColumn, ReplicationTablePlan, SetupStep } from "../ir/replication-plan.js";
import type { Statement } from "../ir/statement.js";
import type { Dialect, TableName } from "../sql/dialect.js";
import { isValidIdentifier } from "../sql/identifiers.js";

export interface RenderContext {
  readonly dialect: Dialect;
  readonly pipeline: string;
  readonly runId: string;
}

export function toTableName(ref: TableRef): TableName {
  return ref.catalog === "" ? { schema: ref.schema, table: ref.table } : { catalog: ref.catalog, schema: ref.schema, table: ref.table };
}

function metadataValue(column: MetadataColumn, table: ReplicationTablePlan, ctx: RenderContext): SqlParam {
  switch (column.value.kind) {
    case "source_catalog":
      return table.source.catalog;
    case "source_schema":
      return table.source.schema;
    case "source_table":
      return table.source.table;
    case "pipeline":
      return ctx.pipeline;
    case "run_id":
      return ctx.runId;
    case "literal":
      return column.value.value;
    case "load_time":
      return null;
  }
}

/** Metadata columns as SELECT expressions; every value is a bound parameter except the warehouse's clock. */
function metadataSelect(table: ReplicationTablePlan, ctx: RenderContext): { exprs: string[]; aliases: string[]; params: SqlParam[] } {
  const d = ctx.dialect;
  const exprs: string[] = [];
  const params: SqlParam[] = [];
  for (const m of table.metadata) {
    if (m.value.kind === "load_time") {
      exprs.push(`CAST(${d.currentTimestamp()} AS ${d.timestampType()})`);
      continue;
    }
    exprs.push(m.type === "timestamp" ? d.timestampParam() : `CAST(? AS ${d.stringType()})`);
    params.push(metadataValue(m, table, ctx));
  }
  return { exprs, aliases: table.metadata.map((m) => d.quote(m.name, "metadata column name")), params };
}

/**
 * CREATE OR REPLACE ... AS SELECT for a full refresh; for an incremental copy, INSERT ... WHERE ts > (the target's own
 * MAX(ts), or the stored watermark while the target is empty). Either is one statement, atomic on any warehouse, and
 * idempotent: rerun after a crash at any point, it copies nothing twice (docs/design/exactly-once.md).
 */
export function copyStatement(table: ReplicationTablePlan, ctx: RenderContext): Statement {
  const d = ctx.dialect;
  const source = d.tableRef(toTableName(table.source));
  const target = toTableName(table.target);
  const meta = metadataSelect(table, ctx);
  if (table.strategy.kind === "full_refresh") {
    // Columns dropped from the source within their grace period stay, NULL, when the table is recreated.
    const kept = (table.schemaChanges?.kept ?? []).map((c) => `CAST(NULL AS ${c.dataType}) AS ${d.quote(c.name, "column name")}`);
    const select = `SELECT ${["*", ...kept, ...meta.exprs.map((e, i) => `${e} AS ${meta.aliases[i] ?? ""}`)].join(", ")}\nFROM ${source}`;
    return { sql: d.createOrReplaceTableAs(target, select), params: meta.params };
  }
  const columns = table.columns.map((c) => d.quote(c, "column name"));
  const select = `SELECT ${[...columns, ...meta.exprs].join(", ")}\nFROM ${source}\n${d.watermarkPastTarget(table.strategy.timestampColumn, target)}`;
  return {
    sql: d.insertInto(target, select, [...table.columns, ...table.metadata.map((m) => m.name)]),
    params: [...meta.params, table.strategy.watermark],
  };
}

export function addColumnStatement(target: TableRef, column: { name: string; dataType: string }, dialect: Dialect): Statement {
  return { sql: `ALTER TABLE ${dialect.tableRef(toTableName(target))} ADD COLUMN ${dialect.quote(column.name, "column name")} ${column.dataType}`, params: [] };
}

/**
 * The schema drift applied before an incremental copy: added columns, widened types, kept columns made nullable, expired
 * ones dropped. Each is one statement; a run killed between them and the copy re-derives what is left from the describes.
 */
export function schemaChangeStatements(table: ReplicationTablePlan, dialect: Dialect): Statement[] {
  if (table.strategy.kind !== "incremental") return [];
  const ref = dialect.tableRef(toTableName(table.target));
  const col = (name: string) => dialect.quote(name, "column name");
  const changes = table.schemaChanges;
  const alters = changes?.alterColumns ?? [];
  const sql = [
    ...table.addColumns.map((c) => addColumnStatement(table.target, c, dialect).sql),
    // Delta changes a column's type in place only with type widening enabled (original Rocky's drift prelude).
    ...(alters.length > 0 && dialect.name === "databricks" ? [`ALTER TABLE ${ref} SET TBLPROPERTIES ('delta.enableTypeWidening' = 'true')`] : []),
    ...alters.map((c) => `ALTER TABLE ${ref} ALTER COLUMN ${col(c.name)} TYPE ${c.dataType}`),
    ...(changes?.dropNotNull ?? []).map((c) => `ALTER TABLE ${ref} ALTER COLUMN ${col(c)} DROP NOT NULL`),
    ...(changes?.dropColumns ?? []).map((c) => `ALTER TABLE ${ref} DROP COLUMN ${col(c)}`),
  ];
  return sql.map((s) => ({ sql: s, params: [] }));
}

/** Every statement that copies one table, in order. */
export function tableStatements(table: ReplicationTablePlan, ctx: RenderContext): Statement[] {
  return [...schemaChangeStatements(table, ctx.dialect), copyStatement(table, ctx)];
}

/**
 * Counts, per column, the rows about to be copied that hold a NULL where the contract forbids one: the same rows the copy
 * selects (past the target's own maximum for an incremental copy), read before anything is written.
 */
export function nullRowsQuery(table: ReplicationTablePlan, columns: readonly string[], dialect: Dialect): Statement {
  const counts = columns.map((c) => `count(CASE WHEN ${dialect.quote(c, "column name")} IS NULL THEN 1 END)`).join(", ");
  const source = dialect.tableRef(toTableName(table.source));
  if (table.strategy.kind !== "incremental") return { sql: `SELECT ${counts}\nFROM ${source}`, params: [] };
  const past = dialect.watermarkPastTarget(table.strategy.timestampColumn, toTableName(table.target));
  return { sql: `SELECT ${counts}\nFROM ${source}\n${past}`, params: [table.strategy.watermark] };
}

/**
 * After a copy: the new high-water mark, the target's MAX(ts) (what the next copy starts past), and the rows copied: all
 * of them after a full refresh, those past the stored watermark after an incremental copy (used only when the adapter
 * does not report rows_affected; it also counts rows an earlier, crashed run committed).
 */
export function copiedRowsQuery(table: ReplicationTablePlan, dialect: Dialect): Statement {
  const target = dialect.tableRef(toTableName(table.target));
  if (table.timestampColumn === null) return { sql: `SELECT count(*) AS rows_copied, NULL AS watermark\nFROM ${target}`, params: [] };
  const ts = dialect.quote(table.timestampColumn, "watermark column");
  if (table.strategy.kind === "full_refresh") return { sql: `SELECT count(*) AS rows_copied, max(${ts}) AS watermark\nFROM ${target}`, params: [] };
  return {
    sql: `SELECT count(CASE WHEN ${ts} > ${dialect.timestampParam()} THEN 1 END) AS rows_copied, max(${ts}) AS watermark\nFROM ${target}`,
    params: [table.strategy.watermark],
  };
}

/** A setup step as an adapter method call or a SQL statement. */
export function setupStatement(step: SetupStep, dialect: Dialect): PlannedStatement {
  if (step.kind === "create_catalog") {
    return step.via === "method" ? { method: "catalog/create", params: { catalog: step.catalog } } : { sql: dialect.createCatalog(step.catalog), params: [] };
  }
  return step.via === "method"
    ? { method: "schema/create", params: { catalog: step.catalog, schema: step.schema } }
    : { sql: dialect.createSchema(step.catalog === "" ? undefined : step.catalog, step.schema), params: [] };
}
