import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { type LeaseHolder, type RemoteSnapshot, type RemoteState, RemoteVersionConflict } from "./remote-state.js";

// Conditional writes: PutObject with If-None-Match: * creates only when the key is absent, with If-Match: <ETag> replaces
// only that version; a failed condition is 412 Precondition Failed (409 ConditionalRequestConflict while another
// conditional write of the key is in flight).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html

export interface S3RemoteOptions {
  readonly bucket: string;
  readonly prefix: string;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly forcePathStyle: boolean;
  readonly timeoutMs: number;
  /** false: uploads and the lease are unconditional (last writer wins), for servers that do not enforce conditions. */
  readonly conditional: boolean;
}

export interface S3Remote extends RemoteState {
  /** Whether the server enforces If-None-Match on PutObject (some S3-compatible servers accept and ignore it). */
  probeConditionalWrites(): Promise<boolean>;
}

function status(err: unknown): number | undefined {
  return err instanceof S3ServiceException ? err.$metadata.httpStatusCode : (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

const conflicted = (err: unknown) => status(err) === 412 || status(err) === 409;

interface LeaseRecord extends LeaseHolder {
  readonly expires_at: string;
}

export function createS3Remote(o: S3RemoteOptions): S3Remote {
  // The SDK writes a NodeVersionSupportWarning to stderr (its 2027 releases will need Node 22). Rocky supports Node 20.19+
  // with the SDK version its lockfile pins, so that notice is for Rocky's maintainers, not for every run's stderr.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const client = new S3Client({
    region: o.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    forcePathStyle: o.forcePathStyle,
    maxAttempts: 3,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
  });
  const key = { data: `${o.prefix}state.mdb`, lease: `${o.prefix}lease.json` };
  const send = <T>(command: object) => client.send(command as never, { abortSignal: AbortSignal.timeout(o.timeoutMs) }) as Promise<T>;
  let leaseTag: string | undefined;

  async function get(name: string): Promise<{ bytes: Buffer; etag: string } | undefined> {
    try {
      const r = await send<{ Body?: { transformToByteArray(): Promise<Uint8Array> }; ETag?: string }>(new GetObjectCommand({ Bucket: o.bucket, Key: name }));
      return { bytes: Buffer.from((await r.Body?.transformToByteArray()) ?? new Uint8Array()), etag: r.ETag ?? "" };
    } catch (err) {
      if (status(err) === 404) return undefined;
      throw err;
    }
  }

  async function put(name: string, body: Buffer | string, condition: { ifMatch?: string; ifNoneMatch?: "*" }): Promise<string> {
    const r = await send<{ ETag?: string }>(
      new PutObjectCommand({
        Bucket: o.bucket, Key: name, Body: body,
        ...(o.conditional && condition.ifMatch ? { IfMatch: condition.ifMatch } : {}),
        ...(o.conditional && condition.ifNoneMatch ? { IfNoneMatch: condition.ifNoneMatch } : {}),
      }),
    );
    return r.ETag ?? "";
  }

  const leaseBody = (holder: LeaseHolder, ttlMs: number) => JSON.stringify({ ...holder, expires_at: new Date(Date.now() + ttlMs).toISOString() } satisfies LeaseRecord);

  return {
    describe: `s3://${o.bucket}/${o.prefix}${o.endpoint ? ` at ${o.endpoint}` : ""}`,
    async download(): Promise<RemoteSnapshot | undefined> {
      const found = await get(key.data);
      return found ? { bytes: found.bytes, version: found.etag } : undefined;
    },
    async upload(bytes, expected) {
      try {
        return await put(key.data, bytes, expected === null ? { ifNoneMatch: "*" } : { ifMatch: expected });
      } catch (err) {
        if (conflicted(err)) throw new RemoteVersionConflict(expected, (await get(key.data).catch(() => undefined))?.etag ?? null);
        throw err;
      }
    },
    async tryAcquireLease(holder, ttlMs) {
      if (!o.conditional) return undefined;
      try {
        leaseTag = await put(key.lease, leaseBody(holder, ttlMs), { ifNoneMatch: "*" });
        return undefined;
      } catch (err) {
        if (!conflicted(err)) throw err;
      }
      const current = await get(key.lease);
      if (!current) return this.tryAcquireLease(holder, ttlMs);
      const record = JSON.parse(current.bytes.toString("utf8")) as LeaseRecord;
      if (Date.parse(record.expires_at) > Date.now()) return { run_id: record.run_id, host: record.host, pid: record.pid, started_at: record.started_at };
      try {
        leaseTag = await put(key.lease, leaseBody(holder, ttlMs), { ifMatch: current.etag });
        return undefined;
      } catch (err) {
        if (conflicted(err)) return this.tryAcquireLease(holder, ttlMs);
        throw err;
      }
    },
    async renewLease(holder, ttlMs) {
      if (!o.conditional || leaseTag === undefined) return true;
      try {
        leaseTag = await put(key.lease, leaseBody(holder, ttlMs), { ifMatch: leaseTag });
        return true;
      } catch (err) {
        if (conflicted(err)) return false;
        throw err;
      }
    },
    async releaseLease() {
      if (!o.conditional || leaseTag === undefined) return;
      await send(new DeleteObjectCommand({ Bucket: o.bucket, Key: key.lease, IfMatch: leaseTag })).catch(() => undefined);
      leaseTag = undefined;
    },
    async leaseHolder() {
      const current = await get(key.lease);
      if (!current) return undefined;
      const record = JSON.parse(current.bytes.toString("utf8")) as LeaseRecord;
      return Date.parse(record.expires_at) > Date.now() ? { run_id: record.run_id, host: record.host, pid: record.pid, started_at: record.started_at } : undefined;
    },
    async probeConditionalWrites() {
      const probe = `${o.prefix}.rocky-conditional-probe-${process.pid}-${Date.now()}`;
      const attempt = () => send(new PutObjectCommand({ Bucket: o.bucket, Key: probe, Body: "probe", IfNoneMatch: "*" }));
      try {
        await attempt();
        try {
          await attempt();
          return false;
        } catch (err) {
          if (conflicted(err)) return true;
          throw err;
        }
      } catch (err) {
        if (status(err) === 501 || status(err) === 400) return false;
        throw err;
      } finally {
        await send(new DeleteObjectCommand({ Bucket: o.bucket, Key: probe })).catch(() => undefined);
      }
    },
    async close() {
      client.destroy();
    },
  };
}
