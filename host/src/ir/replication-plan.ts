import type { SchemaDrift, SkippedSource, TableRef } from "@rocky/protocol";
import type { Contract } from "../schema-change/contract.js";
import type { DroppedColumn } from "../schema-change/dropped-columns.js";
import type { MaterializationStrategy } from "./materialization-strategy.js";

/** A value generated for a metadata column; never SQL. */
export type MetadataValue =
  | { readonly kind: "load_time" }
  | { readonly kind: "source_catalog" | "source_schema" | "source_table" | "pipeline" | "run_id" }
  | { readonly kind: "literal"; readonly value: string };

export interface MetadataColumn {
  readonly name: string;
  readonly type: "string" | "timestamp";
  readonly value: MetadataValue;
}

export interface ColumnToAdd {
  readonly name: string;
  /** The source column's type, already checked to be safe to write into DDL. */
  readonly dataType: string;
}

/** Schema drift applied before an incremental copy (added columns are in addColumns), and dropped columns' bookkeeping. */
export interface SchemaChanges {
  /** Safe widenings the warehouse makes in place: the column and its new type. */
  readonly alterColumns: readonly ColumnToAdd[];
  /** Columns dropped from the source, kept in the target and NOT NULL there: made nullable so copies can leave them NULL. */
  readonly dropNotNull: readonly string[];
  /** Columns dropped from the source whose grace period is over. */
  readonly dropColumns: readonly string[];
  /** Columns dropped from the source within their grace period: a refresh recreates them as NULL. */
  readonly kept: readonly ColumnToAdd[];
  /** Every column gone from the source and still in the target, recorded in the state when the table is copied. */
  readonly missing: readonly DroppedColumn[];
}

/** Columns a contract says may not be NULL and the schema does not prove NOT NULL: the rows are checked before writing. */
export interface NullChecks {
  readonly columns: readonly string[];
  readonly contract: Contract;
}

/** Copying one source table into its target. */
export interface ReplicationTablePlan {
  readonly source: TableRef;
  readonly target: TableRef;
  readonly strategy: MaterializationStrategy;
  /** Why this strategy: "first run", "target table missing", "no \"_fivetran_synced\" column", ... */
  readonly reason: string;
  readonly notes: readonly string[];
  /** Source columns in order; an incremental copy names them. */
  readonly columns: readonly string[];
  /** Source columns missing in the target, added before an incremental copy. */
  readonly addColumns: readonly ColumnToAdd[];
  readonly metadata: readonly MetadataColumn[];
  /** The watermark column when the source has it; its max is stored after the copy. */
  readonly timestampColumn: string | null;
  /** How the source's columns differ from the existing target's, and what is done about each. */
  readonly drift?: readonly SchemaDrift[];
  readonly schemaChanges?: SchemaChanges;
  readonly nullChecks?: NullChecks;
}

export type SetupStep =
  | { readonly kind: "create_catalog"; readonly catalog: string; readonly via: "method" | "sql" }
  | { readonly kind: "create_schema"; readonly catalog: string; readonly schema: string; readonly via: "method" | "sql" };

/** A table that could not be planned (its source could not be described, ...). */
export interface UnplannedTable {
  readonly source: TableRef;
  readonly target: TableRef;
  readonly error: unknown;
  /** The drift that failed it (on_drift = "fail"). */
  readonly drift?: readonly SchemaDrift[];
}

/** A replication pipeline as data: what will be created and copied, before anything runs. */
export interface ReplicationPlan {
  readonly kind: "replication";
  readonly pipeline: string;
  readonly sourceAdapter: string;
  readonly targetAdapter: string;
  readonly setup: readonly SetupStep[];
  readonly tables: readonly ReplicationTablePlan[];
  readonly unplanned: readonly UnplannedTable[];
  readonly skipped: readonly SkippedSource[];
}
