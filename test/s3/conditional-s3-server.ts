import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

// An S3-compatible server that enforces conditional writes, as S3 does, for the code paths s3rver (which accepts and
// ignores If-None-Match on PutObject) cannot reach. Path-style requests; PutObject, GetObject, DeleteObject only.
// Conditional writes: https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
// PutObject (If-Match, If-None-Match, 412 PreconditionFailed): https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
// Error responses (XML Error with Code and Message): https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html

export interface ConditionalS3Server {
  readonly endpoint: string;
  readonly objects: Map<string, { body: Buffer; etag: string }>;
  /** Requests seen, as "METHOD /bucket/key", for assertions. */
  readonly requests: string[];
  close(): Promise<void>;
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startConditionalS3Server(bucket: string): Promise<ConditionalS3Server> {
  const objects = new Map<string, { body: Buffer; etag: string }>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const [, name, ...rest] = url.pathname.split("/");
      const key = decodeURIComponent(rest.join("/"));
      requests.push(`${req.method ?? ""} /${name ?? ""}/${key}`);
      if (name !== bucket) return error(res, 404, "NoSuchBucket", "The specified bucket does not exist");
      const current = objects.get(key);
      const ifMatch = req.headers["if-match"];
      const ifNoneMatch = req.headers["if-none-match"];
      if (req.method === "GET" || req.method === "HEAD") {
        if (!current) return error(res, 404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, { etag: current.etag, "content-length": current.body.length });
        return res.end(req.method === "GET" ? current.body : undefined);
      }
      if (req.method === "PUT") {
        const data = await body(req);
        if (ifNoneMatch === "*" && current) return error(res, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        if (ifMatch !== undefined && !current) return error(res, 404, "NoSuchKey", "The specified key does not exist.");
        if (ifMatch !== undefined && ifMatch !== current?.etag) return error(res, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        const etag = `"${createHash("md5").update(data).digest("hex")}"`;
        objects.set(key, { body: data, etag });
        res.writeHead(200, { etag });
        return res.end();
      }
      if (req.method === "DELETE") {
        if (ifMatch !== undefined && current && ifMatch !== current.etag) return error(res, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      return error(res, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
