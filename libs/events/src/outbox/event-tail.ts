import { serviceLogger } from '@polyplus/logger';
import { duplicateConnection, type RedisConnection } from '../redis';
import { eventStreamKey, fromStreamFields, type EventEnvelope } from './event-envelope';
import { decodeEvent, type ProductEvent } from '../contract/decode-event';
import type { EventDecoder } from '../contract/event-decoder';

export type TailEventsOptions<E extends EventEnvelope = ProductEvent> = {
  /** Any connection: it is duplicated for the blocking XREAD. */
  redis: RedisConnection;
  /** Called once per stream entry, in stream order; the next entry waits for it. */
  handler: (event: E) => Promise<void> | void;
  /** The event contract ({@link decodeEvent}) unless given; an event it refuses is logged and skipped. */
  decode?: EventDecoder<E>;
  /** Only events whose topic passes reach the handler. */
  accept?: (topic: string) => boolean;
  stream?: string;
  blockMs?: number;
  batchSize?: number;
  log?: (message: string) => void;
};

export type EventTail = {
  /** Resolves once the tail knows where the stream ends: events added from then on are seen. */
  ready: Promise<void>;
  stop(): Promise<void>;
};

type StreamReply = [string, [string, string[]][]][] | null;

/**
 * Follows the event stream without a consumer group (plain XREAD), from the entry that was last
 * when the tail started. For live fan-out such as GraphQL subscriptions: every process that tails
 * sees every event, nothing is acknowledged and no group state is left behind in Redis when the
 * process goes away. The tail remembers the last entry id, so a Redis outage or reconnect loses
 * nothing that is still in the stream. Delivery is at-least-once: a relay re-send appears as a
 * new entry with the same envelope id, which the handler should recognise.
 */
export function tailEvents<E extends EventEnvelope = ProductEvent>(options: TailEventsOptions<E>): EventTail {
  const stream = options.stream ?? eventStreamKey();
  const log = options.log ?? ((message: string) => serviceLogger('event-tail').error(message));
  // Only a ProductEvent tail may omit `decode` (the default's type): the contract decodes exactly those.
  const decode = options.decode ?? (decodeEvent as unknown as EventDecoder<E>);
  // Blocking reads need a connection of their own that waits out Redis outages.
  const blocking = duplicateConnection(options.redis, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  blocking.on('error', () => undefined); // failed reads are reported below, once per distinct failure
  let stopped = false;
  let lastError = '';

  const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
  const report = (message: string) => {
    // Logged once per distinct failure: a Redis outage must not flood the log.
    if (message !== lastError) log(`[events:tail] ${message}`);
    lastError = message;
  };

  // The newest entry id now ('0-0' for an empty stream): reading after it means "from now on".
  // Retried until Redis answers, so a process may start while Redis is still down.
  const ready = (async () => {
    while (!stopped) {
      try {
        const [last] = (await blocking.xrevrange(stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
        return last?.[0] ?? '0-0';
      } catch (error) {
        if (!stopped) report(`cannot reach the stream yet, retrying: ${(error as Error).message}`);
        await pause();
      }
    }
    return '0-0';
  })();

  const loop = async () => {
    let cursor = await ready;
    while (!stopped) {
      try {
        const reply = (await blocking.xread(
          'COUNT',
          options.batchSize ?? 100,
          'BLOCK',
          options.blockMs ?? 1_000,
          'STREAMS',
          stream,
          cursor,
        )) as StreamReply;
        if (stopped) return;
        lastError = '';
        for (const [entryId, fields] of reply?.[0]?.[1] ?? []) {
          cursor = entryId;
          const event = fromStreamFields(fields);
          if (options.accept && !options.accept(event.topic)) continue;
          const decoded = decode(event);
          // A live feed has no dead-letter stream: the event stays in the stream, named in the log.
          if (!decoded.ok) {
            log(`[events:tail] ${event.topic} ${event.id} undecodable, skipped: ${decoded.reason}`);
            continue;
          }
          try {
            await options.handler(decoded.event);
          } catch (error) {
            // A live feed moves on: one failed event must not hold back every later one.
            log(`[events:tail] ${event.topic} ${event.id} failed: ${String(error)}`);
          }
        }
      } catch (error) {
        if (stopped) return;
        report(`read failed, retrying: ${(error as Error).message}`);
        await pause();
      }
    }
  };
  const running = loop();

  return {
    ready: ready.then(() => undefined),
    async stop() {
      stopped = true;
      // Closing the connection ends a blocked XREAD (or a start-up retry) at once; the handler
      // does not use it, so an event being handled finishes first.
      blocking.disconnect();
      await running;
    },
  };
}
