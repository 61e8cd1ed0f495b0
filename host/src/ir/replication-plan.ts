import type { SkippedSource, TableRef } from "@rocky/protocol";
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
}

export type SetupStep =
  | { readonly kind: "create_catalog"; readonly catalog: string; readonly via: "method" | "sql" }
  | { readonly kind: "create_schema"; readonly catalog: string; readonly schema: string; readonly via: "method" | "sql" };

/** A table that could not be planned (its source could not be described, ...). */
export interface UnplannedTable {
  readonly source: TableRef;
  readonly target: TableRef;
  readonly error: unknown;
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
