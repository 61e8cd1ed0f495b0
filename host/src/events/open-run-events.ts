import type { EventsConfig } from "@rocky/protocol";
import type { Logger } from "../log.js";
import { readPipesBootstrap } from "../pipes/pipes-params.js";
import { createPipesSink } from "../pipes/pipes-sink.js";
import { createJsonLinesSink } from "./json-lines-sink.js";
import { createRunEvents, type EventSink, type RunEvents } from "./run-events.js";
import { createValkeySink } from "./valkey-sink.js";

export interface OpenRunEventsOptions {
  readonly runId: string;
  /** --events FILE */
  readonly eventsFile?: string | undefined;
  /** Where DAGSTER_PIPES_CONTEXT and DAGSTER_PIPES_MESSAGES are read. */
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** [events] of rocky.toml. */
  readonly config?: EventsConfig | undefined;
}

/** Every sink the run reports to; throws before anything runs when one that was asked for cannot be opened. */
export function openRunEvents(o: OpenRunEventsOptions): RunEvents {
  const sinks: EventSink[] = [];
  try {
    const pipes = readPipesBootstrap(o.env);
    if (pipes) {
      sinks.push(createPipesSink(pipes));
      o.logger.debug({ channel: pipes.channel.kind, dagster_run_id: pipes.context.runId }, "Dagster Pipes mode");
    }
    if (o.eventsFile !== undefined) sinks.push(createJsonLinesSink(o.eventsFile));
    if (o.config?.valkey_url) sinks.push(createValkeySink({ url: o.config.valkey_url, channel: o.config.channel ?? "rocky:events", logger: o.logger }));
  } catch (err) {
    for (const sink of sinks) void sink.close(err);
    throw err;
  }
  return createRunEvents({ runId: o.runId, sinks, logger: o.logger });
}
