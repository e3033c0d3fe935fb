import { randomUUID } from 'node:crypto';
import { anyEvent } from '../testing/any-event';
import { collectScrapeTime, metricsRegistry } from '@polyplus/metrics';
import type { TestDatabase } from '@polyplus/persistence';
import { outboxTestDatabase } from '../testing/outbox-test-database';
import { createRedis, DEFAULT_REDIS_URL } from '../redis';
import { deleteKeysMatching } from '../delete-keys';
import { appendProbeEvent } from './append-to-outbox';
import { eventStreamKey, type EventEnvelope } from './event-envelope';
import { consumeEvents } from './event-consumer';
import { watchOutboxOf } from './outbox-metrics';
import { publishToStream, startOutboxRelay } from './outbox-relay';
import { until } from '@polyplus/polling';

/** A gauge's value for these labels after a scrape-time reading, as Prometheus would get it. */
async function gauge(name: string, labels: Record<string, string>): Promise<number | undefined> {
  await collectScrapeTime();
  const metric = metricsRegistry().getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  return values.find((value) => Object.entries(labels).every(([key, expected]) => value.labels[key] === expected))?.value;
}

const envelope = (key: string): EventEnvelope => ({
  id: randomUUID(),
  topic: 'probe.happened',
  key,
  source: 'test',
  occurredAt: new Date().toISOString(),
  payload: { key },
});

describe('outbox and event-stream metrics', () => {
  const prefix = `test-events-metrics-${randomUUID()}`;
  const stream = eventStreamKey(prefix);
  const redis = createRedis('worker', DEFAULT_REDIS_URL);
  let db: TestDatabase;

  beforeAll(async () => {
    db = await outboxTestDatabase('events_metrics');
  }, 180_000);

  afterAll(async () => {
    await deleteKeysMatching(redis, `*${prefix}*`);
    redis.disconnect();
    await db?.drop();
  }, 60_000);

  it('the outbox backlog counts unpublished events, and is empty once the relay has drained them', async () => {
    const stopWatching = watchOutboxOf(db.dataSource);
    const labels = { database: db.database };
    try {
      expect(await gauge('polyplus_outbox_backlog_events', labels)).toBe(0);
      expect(await gauge('polyplus_outbox_oldest_age_seconds', labels)).toBe(0);
      await db.dataSource.transaction(async (manager) => {
        for (const key of ['a', 'b', 'c']) await appendProbeEvent(manager, { topic: 'probe.happened', key, payload: { key } });
      });
      expect(await gauge('polyplus_outbox_backlog_events', labels)).toBe(3);
      expect(await gauge('polyplus_outbox_oldest_age_seconds', labels)).toBeGreaterThanOrEqual(0);

      const relay = startOutboxRelay({ dataSource: db.dataSource, redis, source: 'test', stream, pollMs: 60_000 });
      await relay.drainOnce();
      await relay.stop();
      expect(await gauge('polyplus_outbox_backlog_events', labels)).toBe(0);
    } finally {
      stopWatching();
    }
    // Unwatched: nothing stale left behind.
    expect(await gauge('polyplus_outbox_backlog_events', labels)).toBeUndefined();
  });

  it('a consumer group’s lag counts entries not delivered yet, pending those delivered and not acknowledged', async () => {
    const group = `metrics-${randomUUID()}`;
    // A stream of its own: the three entries are all there is to read.
    const lagStream = `${stream}-lag`;
    await publishToStream(redis, lagStream, [envelope('1'), envelope('2'), envelope('3')]);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Stuck on the first of the three it read in one batch: the new entries wait undelivered.
    const consumer = await consumeEvents({
      redis,
      // Probe topics, not the product's: handed on as read.
      decode: anyEvent,
      stream: lagStream,
      group,
      from: 'start',
      blockMs: 100,
      log: () => undefined,
      handler: () => released,
    });
    try {
      await until(async () => (await gauge('polyplus_event_consumer_pending', { group })) === 3, 'three pending entries', {
        timeoutMs: Infinity,
      });
      await publishToStream(redis, lagStream, [envelope('4'), envelope('5')]);
      expect(await gauge('polyplus_event_consumer_lag', { group })).toBe(2);
      expect(await gauge('polyplus_event_consumer_pending', { group })).toBe(3);
      expect(await gauge('polyplus_event_dead_lettered_entries', { group })).toBe(0);

      release();
      await until(
        async () =>
          (await gauge('polyplus_event_consumer_lag', { group })) === 0 &&
          (await gauge('polyplus_event_consumer_pending', { group })) === 0,
        'lag and pending back to 0',
        { timeoutMs: Infinity },
      );
    } finally {
      release();
      await consumer.stop();
    }
    expect(await gauge('polyplus_event_consumer_lag', { group })).toBeUndefined();
  });
});
