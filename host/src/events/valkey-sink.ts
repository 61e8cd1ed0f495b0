import { Redis } from "ioredis";
import type { Logger } from "../log.js";
import { clientUrl, safeUrl } from "../valkey-url.js";
import type { EventSink } from "./run-events.js";

export interface ValkeySinkOptions {
  readonly url: string;
  readonly channel: string;
  readonly logger: Logger;
}

/**
 * PUBLISH of each event on one connection, so subscribers receive them in order. Valkey being down costs the watchers
 * their live view, never the run: one warning, then the events still go to the other sinks.
 */
export function createValkeySink(o: ValkeySinkOptions): EventSink {
  const redis = new Redis(clientUrl(o.url), {
    connectTimeout: 5000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => (times > 2 ? null : 200 * times),
  });
  let warned = false;
  const warn = (err: unknown) => {
    if (warned) return;
    warned = true;
    o.logger.warn({ err, url: safeUrl(o.url) }, `Cannot publish run events to ${safeUrl(o.url)} channel "${o.channel}"; the run goes on without them`);
  };
  redis.on("error", warn);
  return {
    name: `Valkey ${safeUrl(o.url)} channel "${o.channel}"`,
    write(event) {
      redis.publish(o.channel, JSON.stringify(event)).catch(warn);
    },
    async close() {
      await Promise.race([redis.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
      redis.disconnect();
    },
  };
}
