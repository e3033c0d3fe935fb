import { serviceLogger, withLogContext } from '@polyplus/logger';
import { hostname } from 'node:os';
import { eventConsumerGroup, readConfig } from '@polyplus/config';
import { watchConsumerGroup } from '@polyplus/metrics';
import { duplicateConnection, type RedisConnection } from '../redis';
import { eventStreamKey, fromStreamFields, type EventEnvelope } from './event-envelope';
import { moveToDeadLetter, type DeadLetterInfo } from './dead-letter';
import { inEventSpan } from './event-trace';
import { consumerGroupStatus, fieldsToRecord, type ConsumerGroupStatus } from './consumer-status';
import { decodeEvent, type ProductEvent } from '../contract/decode-event';
import type { EventDecoder } from '../contract/event-decoder';

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
export function redisProcessedEvents(redis: RedisConnection, keyPrefix: string, ttlSeconds = 7 * 24 * 3600): ProcessedEvents {
  const key = (eventId: string) => `${keyPrefix}:${eventId}`;
  return {
    has: async (eventId) => (await redis.exists(key(eventId))) === 1,
    add: async (eventId) => {
      await redis.set(key(eventId), '1', 'EX', ttlSeconds);
    },
  };
}

export type ConsumeEventsOptions<E extends EventEnvelope = ProductEvent> = {
  /** Any connection: it is duplicated for the blocking XREADGROUP and used as is for the processed-id store. */
  redis: RedisConnection;
  /** Consumer group: each group receives every event once; consumers in a group share the work. */
  group: string;
  /**
   * Names this consumer in the group, together with the process: the name is
   * `<consumer>@<instance>`, stable for the process's life and never shared by two processes.
   * Default: the group's name.
   */
  consumer?: string;
  /** Tells this process from its replicas (default `<hostname>-<pid>`: a pod's name in Kubernetes). */
  instance?: string;
  /** Receives each event decoded: its payload checked against its topic's schema. */
  handler: (event: E) => Promise<void>;
  /**
   * Checks an event before the handler sees it: the event contract ({@link decodeEvent}) unless
   * given. An event it refuses is moved to the group's dead-letter stream, never handled.
   */
  decode?: EventDecoder<E>;
  /** Default: {@link redisProcessedEvents} under `<stream>:processed:<group>`. */
  processed?: ProcessedEvents;
  /** Only these topics reach the handler; the rest are acknowledged and skipped. */
  topics?: readonly E['topic'][];
  /** `new` (default) reads events added after the group was created; `start` replays the stream. */
  from?: 'new' | 'start';
  stream?: string;
  blockMs?: number;
  batchSize?: number;
  /**
   * Entries another consumer of the group has held this long without acknowledging them (it died,
   * or hangs) are claimed (XAUTOCLAIM) and handled here. A live consumer keeps the entries it is
   * working on fresh, so only a dead or stuck one loses them. Default `EVENTS_CLAIM_IDLE_MS` or 60 s.
   */
  claimIdleMs?: number;
  /**
   * Deliveries after which an entry whose handling keeps failing (or keeps killing its consumer)
   * is moved to the group's dead-letter stream, so it never blocks the group. Default
   * `EVENTS_MAX_DELIVERIES` or 10.
   */
  maxDeliveries?: number;
  /** First retry delay after a failure, doubling per delivery up to half the claim idle time. Default `EVENTS_RETRY_BASE_MS` or 1 s. */
  retryBaseMs?: number;
  /** Called when the handler throws; the entry stays pending and is retried. */
  onError?: (error: unknown, event: EventEnvelope) => void;
  /** Called when an entry was moved to the dead-letter stream. */
  onDeadLetter?: (info: DeadLetterInfo, event: EventEnvelope | null) => void;
  log?: (message: string) => void;
};

export type EventConsumer = {
  /** This process's consumer name in the group. */
  readonly name: string;
  /** The group as Redis sees it: consumers, pending entries, lag, dead-lettered count. */
  status(): Promise<ConsumerGroupStatus | null>;
  stop(): Promise<void>;
};

type Entry = [id: string, fields: string[] | null];
type StreamReply = [string, Entry[]][] | null;

/** The consumer settings an operator tunes (`EVENTS_*` of every subgraph's schema). @throws ConfigError */
export function consumerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): {
  claimIdleMs: number;
  maxDeliveries: number;
  retryBaseMs: number;
} {
  const config = readConfig(eventConsumerGroup, env);
  return {
    claimIdleMs: config.EVENTS_CLAIM_IDLE_MS,
    maxDeliveries: config.EVENTS_MAX_DELIVERIES,
    retryBaseMs: config.EVENTS_RETRY_BASE_MS,
  };
}

/** The stable name of this process among replicas. */
export function processInstance(): string {
  return `${hostname()}-${process.pid}`;
}

// Creates the group with its read counter set, so Redis can tell the group's lag (XINFO GROUPS);
// without ENTRIESREAD a group created at '$' reports no lag once it has read. One script: no
// event can slip in between counting and creating.
const CREATE_GROUP = `
local added = 0
local info = redis.pcall('XINFO', 'STREAM', KEYS[1])
if type(info) == 'table' and not info.err then
  for i = 1, #info, 2 do
    if info[i] == 'entries-added' then added = info[i + 1] end
  end
end
if ARGV[2] == 'start' then
  return redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM', 'ENTRIESREAD', 0)
end
return redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[1], '$', 'MKSTREAM', 'ENTRIESREAD', added)
`;

// Resets the idle time of the given entries that are still this consumer's (JUSTID: the delivery
// count stays), and returns those: an entry another consumer claimed meanwhile is no longer ours.
const KEEP_FRESH = `
local mine = {}
for i = 3, #ARGV do
  local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])
  if #pending == 1 then
    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
    table.insert(mine, ARGV[i])
  end
end
return mine
`;

// Removes a consumer from the group only when it holds nothing: deleting one with pending entries would drop them.
const PRUNE_IF_EMPTY = `
if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) == 0 then
  return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
end
return -1
`;

/**
 * Reads the event stream in a consumer group and calls `handler` once per event id: an entry is
 * acknowledged (XACK) only after the handler succeeded and its id was remembered, and an id
 * already remembered (a relay re-send, or an entry handled by a consumer that died before its
 * XACK) is acknowledged without calling the handler.
 *
 * Replicas share the group, each under its own name. What a dead replica left pending is claimed
 * by the others once idle for `claimIdleMs`; a failing entry is retried with backoff from this
 * consumer's pending list and, after `maxDeliveries`, moved to the group's dead-letter stream and
 * counted, so one poison event never blocks the events after it.
 */
export async function consumeEvents<E extends EventEnvelope = ProductEvent>(options: ConsumeEventsOptions<E>): Promise<EventConsumer> {
  const settings = consumerSettingsFromEnv();
  const stream = options.stream ?? eventStreamKey();
  const group = options.group;
  const name = `${options.consumer ?? group}@${options.instance ?? processInstance()}`;
  const claimIdleMs = options.claimIdleMs ?? settings.claimIdleMs;
  const maxDeliveries = options.maxDeliveries ?? settings.maxDeliveries;
  const retryBaseMs = options.retryBaseMs ?? settings.retryBaseMs;
  const batchSize = options.batchSize ?? 100;
  const log = options.log ?? ((message: string) => serviceLogger('event-consumer').error(message));
  const processed = options.processed ?? redisProcessedEvents(options.redis, `${stream}:processed:${group}`);
  const commands = options.redis;
  // Only a ProductEvent consumer may omit `decode` (the default's type): the contract decodes exactly those.
  const decode = options.decode ?? (decodeEvent as unknown as EventDecoder<E>);
  // Blocking reads need a connection of their own that waits out Redis outages.
  const blocking = duplicateConnection(options.redis, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  blocking.on('error', () => undefined); // failed reads are reported by the loop
  const onError = options.onError ?? ((error, event) => log(`[events:${group}] ${event.topic} ${event.id} failed: ${String(error)}`));
  try {
    await blocking.eval(CREATE_GROUP, 1, stream, group, options.from === 'start' ? 'start' : 'new');
  } catch (error) {
    if (!String((error as Error).message).includes('BUSYGROUP')) {
      blocking.disconnect();
      throw error;
    }
  }

  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** Delivery counts of entries this consumer holds (fresh reads are delivery 1). */
  const deliveryCounts = async (ids: string[]): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    if (ids.length === 0) return counts;
    const sorted = [...ids].sort(compareIds);
    // Other entries of this consumer may lie in the range too: ask for enough to see all of ours.
    const pending = (await commands.xpending(stream, group, sorted[0], sorted[sorted.length - 1], ids.length + 10_000, name)) as [
      string,
      string,
      number,
      number,
    ][];
    for (const [id, , , deliveries] of pending) counts.set(id, Number(deliveries));
    return counts;
  };

  const deadLetter = async (entryId: string, fields: string[], deliveries: number, reason: string, event: EventEnvelope | null) => {
    const info: DeadLetterInfo = { group, consumer: name, entryId, deliveries, reason, deadLetteredAt: new Date().toISOString() };
    await moveToDeadLetter(commands, stream, entryId, fields, info);
    log(
      `[events:${group}] ${event ? `${event.topic} ${event.id}` : `entry ${entryId}`} moved to the dead-letter stream after ${deliveries} deliveries: ${reason}`,
    );
    options.onDeadLetter?.(info, event);
  };

  type Outcome = 'done' | 'failed';

  const handle = async (
    entryId: string,
    fields: string[] | null,
    deliveries: number,
  ): Promise<{ outcome: Outcome; deliveries: number }> => {
    // Trimmed from the stream while pending: nothing left to handle.
    if (!fields) {
      await blocking.xack(stream, group, entryId);
      return { outcome: 'done', deliveries };
    }
    let event: EventEnvelope;
    try {
      event = fromStreamFields(fields);
    } catch (error) {
      await deadLetter(entryId, fields, deliveries, `malformed entry: ${(error as Error).message}`, null);
      return { outcome: 'done', deliveries };
    }
    // Delivered this often before without an acknowledgement: the earlier attempts failed or took
    // their consumer down with them. Set it aside unhandled.
    if (deliveries > maxDeliveries) {
      await deadLetter(
        entryId,
        fields,
        deliveries,
        `not acknowledged after ${deliveries - 1} deliveries (its consumers failed or died)`,
        event,
      );
      return { outcome: 'done', deliveries };
    }
    try {
      const wanted = !options.topics || options.topics.includes(event.topic);
      if (wanted && !(await processed.has(event.id))) {
        const decoded = decode(event);
        // Retrying cannot make a payload readable: set it aside at once, with what failed.
        if (!decoded.ok) {
          await deadLetter(entryId, fields, deliveries, `undecodable event: ${decoded.reason}`, event);
          return { outcome: 'done', deliveries };
        }
        // Every line the handler logs names the event it is applying.
        await withLogContext({ eventId: event.id, topic: event.topic }, () =>
          inEventSpan(group, event, () => options.handler(decoded.event)),
        );
        await processed.add(event.id);
      }
      await blocking.xack(stream, group, entryId);
      return { outcome: 'done', deliveries };
    } catch (error) {
      // A failure caused by stopping is not the handler's: the entry is simply redelivered.
      if (stopped) return { outcome: 'failed', deliveries };
      if (deliveries >= maxDeliveries) {
        await deadLetter(entryId, fields, deliveries, String(error), event).catch((moveError: Error) =>
          log(`[events:${group}] dead-lettering ${entryId} failed: ${moveError.message}`),
        );
        return { outcome: 'done', deliveries };
      }
      onError(error, event);
      return { outcome: 'failed', deliveries };
    }
  };

  /**
   * Handles a batch in stream order. While it runs, the entries still to do are kept fresh so no
   * replica claims them from a live consumer; one another replica did claim (this process was
   * stalled past the idle time) is left to it.
   */
  const handleBatch = async (entries: Entry[], redelivered: boolean): Promise<{ failedDeliveries: number } | null> => {
    if (entries.length === 0) return null;
    const counts = redelivered ? await deliveryCounts(entries.map(([id]) => id)) : new Map<string, number>();
    const mine = new Set(entries.map(([id]) => id));
    let lastFresh = Date.now();
    const keepFresh = async () => {
      const ids = [...mine];
      if (ids.length === 0) return;
      const still = new Set((await commands.eval(KEEP_FRESH, 1, stream, group, name, ...ids)) as string[]);
      for (const id of ids) if (!still.has(id)) mine.delete(id);
      lastFresh = Date.now();
    };
    const timer = setInterval(() => void keepFresh().catch(() => undefined), Math.max(50, Math.floor(claimIdleMs / 3)));
    try {
      for (const [entryId, fields] of entries) {
        if (stopped) return null;
        if (Date.now() - lastFresh > claimIdleMs / 2) await keepFresh();
        if (!mine.has(entryId)) continue;
        const deliveries = redelivered ? counts.get(entryId) : 1;
        // No longer pending for this consumer (claimed by another, or acknowledged): not ours to handle.
        if (deliveries === undefined) continue;
        const result = await handle(entryId, fields, deliveries);
        mine.delete(entryId);
        // Keep order per stream: stop at a failure and retry from the pending list.
        if (result.outcome === 'failed') return { failedDeliveries: result.deliveries };
      }
      return null;
    } finally {
      clearInterval(timer);
    }
  };

  let claimCursor = '0-0';
  let lastClaimAt = 0;
  let lastPruneAt = Date.now();
  const claimEveryMs = Math.max(100, Math.floor(claimIdleMs / 3));
  /** Entries other consumers left idle (they died): claimed for this consumer. */
  const claimIdle = async (): Promise<Entry[]> => {
    lastClaimAt = Date.now();
    const [next, entries, deleted] = (await commands.xautoclaim(stream, group, name, claimIdleMs, claimCursor, 'COUNT', batchSize)) as [
      string,
      Entry[],
      string[]?,
    ];
    claimCursor = next;
    if (deleted?.length) log(`[events:${group}] ${deleted.length} pending entries were trimmed from the stream before anyone handled them`);
    if (entries.length > 0) log(`[events:${group}] ${name} claimed ${entries.length} entries left pending by another consumer`);
    return entries;
  };

  /** Consumers that hold nothing and have not read for a long time (dead replicas) leave the group. */
  const pruneDeadConsumers = async () => {
    lastPruneAt = Date.now();
    const pruneAfterMs = Math.max(3_600_000, claimIdleMs * 10);
    const consumers = (await commands.xinfo('CONSUMERS', stream, group)) as (string | number)[][];
    for (const fields of consumers) {
      const info = fieldsToRecord(fields);
      if (info.name === name || Number(info.pending) > 0 || Number(info.idle) < pruneAfterMs) continue;
      await commands.eval(PRUNE_IF_EMPTY, 1, stream, group, String(info.name));
    }
  };

  // Only a blocked read may be cut short on stop; a batch being handled finishes first.
  let reading = false;
  let lastError = '';
  const loop = async () => {
    // '0' re-reads this consumer's pending entries (delivered, never acknowledged) before new ones.
    let cursor = '0';
    while (!stopped) {
      try {
        if (Date.now() - lastClaimAt >= claimEveryMs) {
          const claimed = await claimIdle();
          if (stopped) return;
          const failure = await handleBatch(claimed, true);
          if (failure) {
            cursor = '0';
            await pause(backoff(failure.failedDeliveries));
            continue;
          }
          if (Date.now() - lastPruneAt > 60_000) await pruneDeadConsumers();
        }
        reading = true;
        const reply = (await blocking.xreadgroup(
          'GROUP',
          group,
          name,
          'COUNT',
          batchSize,
          'BLOCK',
          options.blockMs ?? 1_000,
          'STREAMS',
          stream,
          cursor,
        )) as StreamReply;
        reading = false;
        lastError = '';
        // Stopped meanwhile: what was read stays pending and is handled by this or another consumer.
        if (stopped) return;
        const entries = reply?.[0]?.[1] ?? [];
        const failure = await handleBatch(entries, cursor === '0');
        if (failure) {
          cursor = '0';
          await pause(backoff(failure.failedDeliveries));
        } else if (cursor === '0' && entries.length === 0) {
          cursor = '>';
        }
      } catch (error) {
        reading = false;
        if (stopped) return;
        const message = (error as Error).message;
        // Logged once per distinct failure: a Redis outage must not flood the log.
        if (message !== lastError) log(`[events:${group}] read failed, retrying: ${message}`);
        lastError = message;
        cursor = '0';
        await pause(500);
      }
    }
  };
  const backoff = (deliveries: number) =>
    Math.min(retryBaseMs * 2 ** Math.max(0, deliveries - 1), 60_000, Math.max(retryBaseMs, claimIdleMs / 2));
  const running = loop();
  // Lag, pending and dead letters of this group, read from Redis when Prometheus scrapes.
  const unwatch = watchConsumerGroup(() => consumerGroupStatus(commands, { stream, group }));

  return {
    name,
    status: () => consumerGroupStatus(commands, { stream, group }),
    async stop() {
      unwatch();
      stopped = true;
      wake?.();
      // Closing the connection ends a blocked XREADGROUP at once.
      if (reading) blocking.disconnect();
      await running;
      blocking.disconnect();
    },
  };
}

/** Stream ids compare as (milliseconds, sequence). */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}
