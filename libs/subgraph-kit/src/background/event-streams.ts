import type { DataSource } from 'typeorm';
import {
  assertNoEviction,
  consumeEvents,
  createRedis,
  eventStreamKey,
  startOutboxRelay,
  waitForRedis,
  type ConsumeEventsOptions,
  type EventConsumer,
  type OutboxRelay,
  type RedisConnection,
} from '@polyplus/events';
import { backgroundPart, type BackgroundPart } from './background-part';

export type EventStreamsOptions = {
  /** Key prefix of the stream (tests isolate theirs). */
  prefix: string;
  /** Names this process's consumers in their groups (`<consumer>@<instance>`) and its relayed events' source. */
  service: string;
  redisUrl?: string;
  /** Outbox poll interval; consumers block at most this long (at least 100 ms, default 1 s). */
  pollMs?: number;
};

/** The group-specific part of a consumer; connection, stream, consumer name and block time are the process's. */
export type GroupOptions = Omit<ConsumeEventsOptions, 'redis' | 'stream' | 'consumer' | 'blockMs'>;

export type EventStreams = {
  /** Commands, relay writes and leases; its errors are reported by the relay, which retries. */
  readonly producer: RedisConnection;
  /** Consumers, queues and workers. */
  readonly worker: RedisConnection;
  readonly stream: string;
  readonly blockMs: number;
  consume(group: GroupOptions): Promise<EventConsumer>;
  /** Relays this database's outbox to the stream: start it after the groups exist, so they see every event. */
  relayOutbox(dataSource: DataSource): OutboxRelay;
  disconnect(): void;
};

/**
 * A process's two Redis connections to the event stream, checked before any work starts: the
 * worker's server must not evict keys, and the producer is ready (a fail-fast connection refuses
 * commands until then, so the relay's first drain finds it ready).
 */
export async function connectEventStreams(options: EventStreamsOptions): Promise<EventStreams> {
  const producer = createRedis('producer', options.redisUrl);
  const worker = createRedis('worker', options.redisUrl);
  producer.on('error', () => undefined); // reported by the relay, which retries
  try {
    await assertNoEviction(worker);
    await waitForRedis(producer);
  } catch (error) {
    worker.disconnect();
    producer.disconnect();
    throw error;
  }
  const stream = eventStreamKey(options.prefix);
  const blockMs = options.pollMs ? Math.max(100, options.pollMs) : 1_000;
  return {
    producer,
    worker,
    stream,
    blockMs,
    // Named per process; what a dead replica left pending is claimed by the others.
    consume: (group) => consumeEvents({ ...group, redis: worker, stream, consumer: options.service, blockMs }),
    relayOutbox: (dataSource) => startOutboxRelay({ dataSource, redis: producer, source: options.service, stream, pollMs: options.pollMs }),
    disconnect() {
      worker.disconnect();
      producer.disconnect();
    },
  };
}

/** The outbox relay of a process that consumes nothing: its own producer connection, opened at start. */
export function outboxRelayPart(
  dataSource: DataSource,
  options: Omit<EventStreamsOptions, 'prefix'> & { prefix?: string },
): BackgroundPart {
  return backgroundPart('outbox relay', async () => {
    const producer = createRedis('producer', options.redisUrl);
    producer.on('error', () => undefined); // reported by the relay, which retries
    await waitForRedis(producer).catch((error: unknown) => {
      producer.disconnect();
      throw error;
    });
    const relay = startOutboxRelay({
      dataSource,
      redis: producer,
      source: options.service,
      stream: options.prefix === undefined ? undefined : eventStreamKey(options.prefix),
      pollMs: options.pollMs,
    });
    return async () => {
      await relay.stop();
      producer.disconnect();
    };
  });
}

/** The connections as the first of a process's event parts; the later parts reach them through `streams` once it started. */
export function eventStreamsPart(options: EventStreamsOptions): BackgroundPart & { readonly streams: EventStreams } {
  let open: EventStreams | undefined;
  return {
    name: 'event stream connections',
    async start() {
      open = await connectEventStreams(options);
    },
    async stop() {
      open?.disconnect();
      open = undefined;
    },
    get streams() {
      if (!open) throw new Error('the event stream connections are not open');
      return open;
    },
  };
}
