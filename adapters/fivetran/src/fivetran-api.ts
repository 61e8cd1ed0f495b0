import { createHttpClient, type HttpClient, type Redactor, type RetryEvent } from "@rocky/adapter-kit";

// Shapes from Fivetran's REST API reference: https://fivetran.com/docs/rest-api/pagination (envelope, cursor paging),
// https://fivetran.com/docs/rest-api/api-reference/groups/list-all-connectors-in-group (connections),
// https://fivetran.com/docs/rest-api/api-reference/connection-schema/connection-schema-config (schema config),
// https://fivetran.com/docs/rest-api/destinations (destination).

export interface ApiConnection {
  readonly id: string;
  readonly group_id?: string;
  readonly service?: string;
  /** Destination schema, or the destination schema prefix of a database connector. */
  readonly schema: string;
  readonly paused?: boolean;
  readonly succeeded_at?: string | null;
  readonly failed_at?: string | null;
  readonly config?: { readonly schema_prefix?: string };
}

export interface ApiTableConfig {
  readonly name_in_destination?: string;
  readonly enabled?: boolean;
}

export interface ApiSchemaConfig {
  readonly name_in_destination?: string;
  readonly enabled?: boolean;
  readonly tables?: Readonly<Record<string, ApiTableConfig>>;
}

export interface ApiDestination {
  readonly id: string;
  readonly service?: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

interface Envelope<T> {
  readonly code?: string;
  readonly data?: T;
}

export interface FivetranApiOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly redactor: Redactor;
  readonly maxAttempts: number;
  readonly timeoutMs: number;
  readonly onRetry: (event: RetryEvent) => void;
}

export interface FivetranApi {
  /** Every connection of a group, following next_cursor page after page. */
  listConnections(groupId: string, pageSize: number, signal?: AbortSignal): Promise<ApiConnection[]>;
  /** `onRetry` sees this request's retries only (to feed rate limits to the concurrency bound). */
  schemaConfig(connectionId: string, signal?: AbortSignal, onRetry?: (event: RetryEvent) => void): Promise<Readonly<Record<string, ApiSchemaConfig>>>;
  destination(id: string, signal?: AbortSignal): Promise<ApiDestination>;
  readonly http: HttpClient;
}

export function createFivetranApi(o: FivetranApiOptions): FivetranApi {
  const basic = `Basic ${Buffer.from(`${o.apiKey}:${o.apiSecret}`).toString("base64")}`;
  const http = createHttpClient({
    baseUrl: o.baseUrl,
    service: "Fivetran",
    auth: { method: "HTTP Basic (api_key:api_secret)", headers: () => Promise.resolve({ authorization: basic }), invalidate: () => undefined },
    redactor: o.redactor,
    retry: { maxAttempts: o.maxAttempts },
    timeoutMs: o.timeoutMs,
    onRetry: o.onRetry,
  });
  const get = async <T>(path: string, query: Record<string, string | number | undefined>, signal?: AbortSignal, onRetry?: (e: RetryEvent) => void): Promise<T> => {
    const { body } = await http.request<Envelope<T>>({ method: "GET", path, query, ...(signal ? { signal } : {}), ...(onRetry ? { onRetry } : {}) });
    if (body?.data === undefined) throw new Error(`GET ${path} answered without "data" (code ${JSON.stringify(body?.code)})`);
    return body.data;
  };
  return {
    http,
    async listConnections(groupId, pageSize, signal) {
      const items: ApiConnection[] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      do {
        const path = `/v1/groups/${encodeURIComponent(groupId)}/connectors`;
        const page = await get<{ items?: ApiConnection[]; next_cursor?: string | null }>(path, { limit: pageSize, cursor }, signal);
        items.push(...(page.items ?? []));
        cursor = page.next_cursor ?? undefined;
        if (cursor !== undefined && seen.has(cursor)) throw new Error(`GET ${path} returned cursor "${cursor}" twice: the listing does not advance`);
        if (cursor !== undefined) seen.add(cursor);
      } while (cursor !== undefined);
      return items;
    },
    async schemaConfig(connectionId, signal, onRetry) {
      const data = await get<{ schemas?: Record<string, ApiSchemaConfig> }>(`/v1/connectors/${encodeURIComponent(connectionId)}/schemas`, {}, signal, onRetry);
      return data.schemas ?? {};
    },
    destination: (id, signal) => get<ApiDestination>(`/v1/destinations/${encodeURIComponent(id)}`, {}, signal),
  };
}
