import type { DataSource } from 'typeorm';
import { backgroundPart, eventStreamsPart, startBackground, type BackgroundPart } from '@polyplus/subgraph-kit';
import { dispatchEventHandler } from '../intake/dispatch-event-handler';
import { CONSUMED_TOPICS } from '../intake/dispatch-topics';
import type { VisitIntakeService } from '../intake/visit-intake.service';

export type DispatchRuntimeOptions = {
  dataSource: DataSource;
  intake: VisitIntakeService;
  prefix: string;
  redisUrl?: string;
  pollMs?: number;
};

export type DispatchRuntime = { close(): Promise<void> };

/**
 * The dispatch process's background work: the intake consumer (replacement and case events →
 * visits) and the outbox relay (`visit.changed` → the event stream).
 */
export function dispatchBackground(options: DispatchRuntimeOptions): BackgroundPart[] {
  const events = eventStreamsPart({ prefix: options.prefix, service: 'dispatch', redisUrl: options.redisUrl, pollMs: options.pollMs });
  return [
    events,
    backgroundPart('visit intake consumer', async () => {
      const consumer = await events.streams.consume({
        group: 'dispatch-visit-intake',
        topics: CONSUMED_TOPICS,
        handler: dispatchEventHandler(options.intake),
      });
      return () => consumer.stop();
    }),
    // After the group exists, so the intake sees every event this process publishes.
    backgroundPart('outbox relay', () => {
      const relay = events.streams.relayOutbox(options.dataSource);
      return () => relay.stop();
    }),
  ];
}

/** The background work on its own, without the server (tests, benchmarks). */
export async function startDispatchRuntime(options: DispatchRuntimeOptions): Promise<DispatchRuntime> {
  return { close: await startBackground(dispatchBackground(options)) };
}
