import { nowMs } from "./stats.js";

export type Call = () => Promise<unknown>;

/** Round-trip times in microseconds of `count` sequential calls, after `warmup` unmeasured ones. */
export async function latencySamples(call: Call, { warmup, count }: { warmup: number; count: number }): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const t0 = nowMs();
    await call();
    samples[i] = (nowMs() - t0) * 1000;
  }
  return samples;
}

/** Calls per second with `inflight` calls outstanding at all times until `count` have completed. */
export async function pipelinedThroughput(call: Call, { inflight, count }: { inflight: number; count: number }): Promise<number> {
  const pass = async (total: number) => {
    let started = 0;
    const lane = async () => {
      while (started < total) {
        started++;
        await call();
      }
    };
    await Promise.all(Array.from({ length: inflight }, lane));
  };
  await pass(Math.ceil(count / 4)); // warm-up: JIT, pipe buffers
  const t0 = nowMs();
  await pass(count);
  return count / ((nowMs() - t0) / 1000);
}
