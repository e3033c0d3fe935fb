import { serviceLogger } from '@polyplus/logger';
import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../redis';
import { eventStreamKey, toStreamFields, type EventEnvelope } from './event-envelope';
import { onOutboxCommit } from './outbox-commit-hook';

export type OutboxRelayOptions = {
  dataSource: DataSource;
  /** A fail-fast connection (`createRedis('producer')`): while Redis is down the rows stay unpublished. */
  redis: RedisConnection;
  /** The service whose outbox this is; stamped on every envelope. */
  source: string;
  /**
   * Pause between drains when the outbox is empty or Redis failed. Default 500 ms. A transaction
   * of `dataSource` that appended events wakes the relay at its commit; the poll is the safety net
   * for rows it did not see committed (another process's, or left by a failed publish).
   */
  pollMs?: number;
  /** Rows per transaction. Default 100. */
  batchSize?: number;
  /** Defaults to {@link eventStreamKey}. */
  stream?: string;
  /** Approximate cap on the stream's length (XADD MAXLEN ~). Default 100 000. */
  maxStreamLength?: number;
  log?: (message: string) => void;
};

export type OutboxRelay = {
  /** Publishes everything unpublished now; resolves with the number of events sent. */
  drainOnce(): Promise<number>;
  /** Stops polling and waits for the drain in progress. */
  stop(): Promise<void>;
};

type OutboxRow = {
  sequence: string;
  id: string;
  topic: string;
  aggregateKey: string;
  payload: string;
  occurredAt: Date;
  traceparent: string | null;
};

/** XADDs envelopes in order in one round trip; rejects if any of them failed. */
export async function publishToStream(
  redis: RedisConnection,
  stream: string,
  envelopes: EventEnvelope[],
  maxStreamLength = 100_000,
): Promise<void> {
  if (envelopes.length === 0) return;
  const pipeline = redis.pipeline();
  for (const envelope of envelopes) pipeline.xadd(stream, 'MAXLEN', '~', String(maxStreamLength), '*', ...toStreamFields(envelope));
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
}

/**
 * Drains `outbox_event` to the event stream, oldest first, then marks the rows published.
 * Rows are claimed with `SELECT … FOR UPDATE SKIP LOCKED`, so several relays on one database never
 * send the same row concurrently. A crash after XADD and before the UPDATE commits re-sends those
 * rows on the next drain with the same event ids: delivery is at-least-once, and consumers
 * ({@link consumeEvents}) deduplicate by id.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const pollMs = options.pollMs ?? 500;
  const batchSize = options.batchSize ?? 100;
  const stream = options.stream ?? eventStreamKey();
  const log = options.log ?? ((message: string) => serviceLogger('outbox-relay').error(message));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);
  let lastError = '';
  // A wake-up that came while a drain ran: that drain may have missed the new rows, so drain again.
  let wokenWhileDraining = false;
  let draining = false;

  const drainBatch = () =>
    options.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        'SELECT `sequence`, `id`, `topic`, `aggregateKey`, `payload`, `occurredAt`, `traceparent` FROM `outbox_event` WHERE `publishedAt` IS NULL ORDER BY `sequence` LIMIT ? FOR UPDATE SKIP LOCKED',
        [batchSize],
      );
      const envelopes = rows.map((row): EventEnvelope => ({
        id: row.id,
        topic: row.topic,
        key: row.aggregateKey,
        source: options.source,
        occurredAt: new Date(row.occurredAt).toISOString(),
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        ...(row.traceparent ? { traceparent: row.traceparent } : {}),
      }));
      await publishToStream(options.redis, stream, envelopes, options.maxStreamLength);
      if (rows.length > 0) {
        await manager.query('UPDATE `outbox_event` SET `publishedAt` = ? WHERE `sequence` IN (?)', [
          new Date(),
          rows.map((row) => row.sequence),
        ]);
      }
      return rows.length;
    });

  const drain = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const count = await drainBatch();
      sent += count;
      if (count < batchSize || stopped) return sent;
    }
  };

  const tick = () => {
    draining = true;
    running = drain().then(
      (sent) => {
        lastError = '';
        return sent;
      },
      (error: Error) => {
        // Logged once per distinct failure: a Redis outage must not flood the log every poll.
        if (error.message !== lastError) log(`[outbox:${options.source}] publish failed, will retry: ${error.message}`);
        lastError = error.message;
        return 0;
      },
    );
    void running.then(() => {
      draining = false;
      if (stopped) return;
      if (wokenWhileDraining && !lastError) {
        wokenWhileDraining = false;
        tick();
      } else timer = setTimeout(tick, pollMs);
    });
  };
  const wake = () => {
    if (stopped) return;
    if (draining) wokenWhileDraining = true;
    else {
      clearTimeout(timer);
      tick();
    }
  };
  const removeHook = onOutboxCommit(options.dataSource, wake);
  tick();

  return {
    async drainOnce() {
      await running;
      return drain();
    },
    async stop() {
      stopped = true;
      removeHook();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
