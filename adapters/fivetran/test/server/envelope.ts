// Every Fivetran REST response is an envelope: {code: "Success", data} on success, {code, message} on failure
// (https://fivetran.com/docs/rest-api/pagination shows the success envelope with data.items and data.next_cursor;
// https://fivetran.com/docs/rest-api/rate-limiting shows a failure body: {"code": "TooManyRequests", "message": ...}).

export interface RouteResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export const ok = (data: unknown): RouteResponse => ({ status: 200, body: { code: "Success", data } });

export const failure = (status: number, code: string, message: string, headers?: Record<string, string>): RouteResponse => ({
  status,
  body: { code, message },
  ...(headers ? { headers } : {}),
});

/** A paginated collection: `cursor` and `limit` (1..1000, default 100) as https://fivetran.com/docs/rest-api/pagination documents. */
export function page<T>(items: readonly T[], query: URLSearchParams): RouteResponse {
  const limitText = query.get("limit");
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return failure(400, "InvalidInput", `Invalid limit '${limitText ?? ""}': accepts a number in the range 1..1000`);
  const cursor = query.get("cursor");
  let skip = 0;
  if (cursor !== null) {
    try {
      skip = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { skip: number }).skip;
    } catch {
      return failure(400, "InvalidInput", `Invalid cursor '${cursor}'`);
    }
    if (!Number.isInteger(skip) || skip < 0) return failure(400, "InvalidInput", `Invalid cursor '${cursor}'`);
  }
  const slice = items.slice(skip, skip + limit);
  const next = skip + limit < items.length ? Buffer.from(JSON.stringify({ skip: skip + limit })).toString("base64url") : null;
  // The last page carries no next_cursor.
  return ok({ items: slice, ...(next !== null ? { next_cursor: next } : {}) });
}
