/** The format of the store this rocky writes; a store with a higher format was written by a newer rocky. */
export const STATE_FORMAT = 1;

/** meta["header"]: written when a session that changed data closes (sealed) and cleared at its first change. */
export interface StateHeader {
  readonly format: number;
  /** True when the last writer closed cleanly; then `checksum` covers every sub-database but meta. */
  readonly sealed: boolean;
  readonly checksum: string | null;
  readonly written_at: string;
}

export const HEADER_KEY = "header";
/** meta["first_write"]: set when a run first passes the missing-state check and is about to write to a warehouse. */
export const FIRST_WRITE_KEY = "first_write";

/** What the probe child reports on stdout. */
export interface ProbeReport {
  readonly header?: StateHeader | undefined;
  readonly checksum?: string;
  /** Recorded runs. */
  readonly runs?: number;
  /** Whether a run ever started writing to a warehouse with this store (meta["first_write"]). */
  readonly started?: boolean;
  readonly error?: string;
}
