import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { eventStreamKey, fromStreamFields, type EventEnvelope } from './event-envelope';

/** Remembers which event ids a consumer has applied. Store them with the effect for exactly-once. */
export type ProcessedEvents = {
  has(eventId: string): Promise<boolean>;
  add(eventId: string): Promise<void>;
};

/**
 * Processed ids as Redis keys `<keyPrefix>:<eventId>`, each expiring after `ttlSeconds` (longer
 * than any re-send can lag). Enough for effects that are cheap to repeat after a crash between
 * the effect and `add`; for database effects, implement {@link ProcessedEvents} over a table
 * written in the effect's own transaction.
 */
export function redisProcessedEvents(redis: Redis, keyPrefix: string, ttlSeconds = 7 * 24 * 3600): ProcessedEvents {
  const key = (eventId: string) => `${keyPrefix}:${eventId}`;
  return {
    has: async (eventId) => (await redis.exists(key(eventId))) === 1,
    add: async (eventId) => {
      await redis.set(key(eventId), '1', 'EX', ttlSeconds);
    },
  };
}

export type ConsumeEventsOptions = {
  /** Any connection: it is duplicated for the blocking XREADGROUP and used as is for the processed-id store. */
  redis: Redis;
  /** Consumer group: each group receives every event once; consumers in a group share the work. */
  group: string;
  /** Stable per process, so entries it received before a crash are redelivered to it. */
  consumer?: string;
  handler: (event: EventEnvelope) => Promise<void>;
  /** Default: {@link redisProcessedEvents} under `<stream>:processed:<group>`. */
  processed?: ProcessedEvents;
  /** Only these topics reach the handler; the rest are acknowledged and skipped. */
  topics?: readonly string[];
  /** `new` (default) reads events added after the group was created; `start` replays the stream. */
  from?: 'new' | 'start';
  stream?: string;
  blockMs?: number;
  batchSize?: number;
  /** Called when the handler throws; the entry stays pending and is retried. */
  onError?: (error: unknown, event: EventEnvelope) => void;
};

export type EventConsumer = { stop(): Promise<void> };

type StreamReply = [string, [string, string[]][]][] | null;

/**
 * Reads the event stream in a consumer group and calls `handler` once per event id: an entry is
 * acknowledged (XACK) only after the handler succeeded and its id was remembered, and an id
 * already remembered (a relay re-send) is acknowledged without calling the handler. A handler
 * failure leaves the entry pending; it is retried from the consumer's pending list.
 */
export async function consumeEvents(options: ConsumeEventsOptions): Promise<EventConsumer> {
  const stream = options.stream ?? eventStreamKey();
  const consumer = options.consumer ?? `${hostname()}-${process.pid}`;
  const processed = options.processed ?? redisProcessedEvents(options.redis, `${stream}:processed:${options.group}`);
  // Blocking reads need a connection of their own that waits out Redis outages.
  const blocking = options.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  const onError = options.onError ?? ((error, event) => console.error(`[events:${options.group}] ${event.topic} ${event.id} failed:`, error));
  try {
    await blocking.xgroup('CREATE', stream, options.group, options.from === 'start' ? '0' : '$', 'MKSTREAM');
  } catch (error) {
    if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
  }

  let stopped = false;
  const handle = async (entryId: string, fields: string[]): Promise<boolean> => {
    const event = fromStreamFields(fields);
    try {
      const wanted = !options.topics || options.topics.includes(event.topic);
      if (wanted && !(await processed.has(event.id))) {
        await options.handler(event);
        await processed.add(event.id);
      }
      await blocking.xack(stream, options.group, entryId);
      return true;
    } catch (error) {
      // A failure caused by stopping is not the handler's: the entry is simply redelivered.
      if (!stopped) onError(error, event);
      return false;
    }
  };

  // Only a blocked read may be cut short on stop; a batch being handled finishes first.
  let reading = false;
  const loop = async () => {
    // '0' re-reads this consumer's pending entries (delivered, never acknowledged) before new ones.
    let cursor = '0';
    while (!stopped) {
      try {
        reading = true;
        const reply = (await blocking.xreadgroup(
          'GROUP', options.group, consumer,
          'COUNT', options.batchSize ?? 100,
          'BLOCK', options.blockMs ?? 1_000,
          'STREAMS', stream, cursor,
        )) as StreamReply;
        reading = false;
        // Stopped meanwhile: what was read stays pending and is redelivered to this consumer name.
        if (stopped) return;
        const entries = reply?.[0]?.[1] ?? [];
        let failed = false;
        for (const [entryId, fields] of entries) {
          // Keep order per stream: stop at a failure and retry from the pending list.
          if (!(await handle(entryId, fields))) {
            failed = true;
            break;
          }
        }
        if (failed) {
          cursor = '0';
          await new Promise((resolve) => setTimeout(resolve, 500));
        } else if (cursor === '0' && entries.length === 0) {
          cursor = '>';
        }
      } catch (error) {
        reading = false;
        if (stopped) return;
        console.error(`[events:${options.group}] read failed, retrying:`, (error as Error).message);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      // Closing the connection ends a blocked XREADGROUP at once.
      if (reading) blocking.disconnect();
      await running;
      blocking.disconnect();
    },
  };
}
