/** A failed statement, with Snowflake's error code and SQLSTATE (https://docs.snowflake.com/en/developer-guide/sql-api/reference#queryfailurestatus). */
export class StatementFailure extends Error {
  constructor(
    readonly code: string,
    readonly sqlState: string,
    message: string,
    readonly kind: "error" | "canceled" | "timeout" = "error",
  ) {
    super(message);
  }
}

export const CANCELED = () => new StatementFailure("000604", "57014", "SQL execution canceled", "canceled");
