import type { RunEvent } from "@rocky/protocol";
import type { Logger } from "../log.js";

/** An event as a runner reports it; the run's id, its sequence number and the time are added by RunEvents. */
export type RunEventInput = Omit<RunEvent, "run_id" | "seq" | "at">;

/** Where events go: the --events file, a Valkey channel, Dagster Pipes. */
export interface EventSink {
  readonly name: string;
  write(event: RunEvent): void;
  /** Flushes and releases; `failure` is set when the run ended by an error rather than a result. */
  close(failure?: unknown): Promise<void>;
}

/** What runners report to: numbered, timestamped and fanned out to every sink, in order. */
export interface RunEvents {
  emit(event: RunEventInput): void;
  close(failure?: unknown): Promise<void>;
}

export const SILENT_EVENTS: RunEvents = { emit: () => undefined, close: async () => undefined };

export interface CreateRunEventsOptions {
  readonly runId: string;
  readonly sinks: readonly EventSink[];
  readonly logger: Logger;
}

/** A sink that fails is reported once and dropped: events are for watchers, and never fail the run they describe. */
export function createRunEvents(o: CreateRunEventsOptions): RunEvents {
  let seq = 0;
  const live = new Set(o.sinks);
  return {
    emit(input) {
      const event = { ...input, run_id: o.runId, seq: ++seq, at: new Date().toISOString() } as RunEvent;
      for (const sink of live) {
        try {
          sink.write(event);
        } catch (err) {
          live.delete(sink);
          o.logger.warn({ err, sink: sink.name }, `Cannot write run events to ${sink.name}; the run goes on without them`);
        }
      }
    },
    async close(failure) {
      await Promise.all(
        o.sinks.map(async (sink) => {
          try {
            await sink.close(failure);
          } catch (err) {
            o.logger.warn({ err, sink: sink.name }, `Cannot close run events sink ${sink.name}`);
          }
        }),
      );
    },
  };
}
