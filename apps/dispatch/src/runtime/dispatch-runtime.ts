import type { DataSource } from 'typeorm';
import { assertNoEviction, consumeEvents, createRedis, eventStreamKey, startOutboxRelay, waitForRedis } from '@polyplus/events';
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
export async function startDispatchRuntime(options: DispatchRuntimeOptions): Promise<DispatchRuntime> {
  const producer = createRedis('producer', options.redisUrl);
  const worker = createRedis('worker', options.redisUrl);
  producer.on('error', () => undefined); // reported by the relay, which retries
  await assertNoEviction(worker);
  await waitForRedis(producer);
  const stream = eventStreamKey(options.prefix);
  const consumer = await consumeEvents({
    redis: worker,
    stream,
    group: 'dispatch-visit-intake',
    // Named per process; what a dead replica left pending is claimed by the others.
    consumer: 'dispatch',
    topics: CONSUMED_TOPICS,
    handler: dispatchEventHandler(options.intake),
    blockMs: options.pollMs ? Math.max(100, options.pollMs) : 1_000,
  });
  const relay = startOutboxRelay({ dataSource: options.dataSource, redis: producer, source: 'dispatch', stream, pollMs: options.pollMs });
  return {
    async close() {
      await consumer.stop();
      await relay.stop();
      worker.disconnect();
      producer.disconnect();
    },
  };
}
