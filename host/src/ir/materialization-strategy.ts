/**
 * How a target table is (re)built. Replication uses full_refresh and incremental;
 * transformation models add their kinds (merge, time_interval, ...) to this union.
 */
export type MaterializationStrategy = FullRefresh | Incremental;

export interface FullRefresh {
  readonly kind: "full_refresh";
}

/** Appends rows whose `timestampColumn` is beyond `watermark`; the watermark is always a bound parameter. */
export interface Incremental {
  readonly kind: "incremental";
  readonly timestampColumn: string;
  readonly watermark: string;
}
