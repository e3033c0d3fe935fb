import { randomUUID } from 'node:crypto';
import { anyEvent } from '../testing/any-event';
import type { TestDatabase } from '@polyplus/persistence';
import { outboxTestDatabase } from '../testing/outbox-test-database';
import { createRedis } from '../redis';
import { deleteKeysMatching } from '../delete-keys';
import { appendProbeEvent } from './append-to-outbox';
import { commitProbeEvents, republishAfterRelayCrash } from '../testing/probe-outbox';
import { eventStreamKey, type EventEnvelope } from './event-envelope';
import { startOutboxRelay } from './outbox-relay';
import { consumeEvents } from './event-consumer';
import { until } from '@polyplus/polling';

describe('event outbox', () => {
  const prefix = `test-outbox-${randomUUID()}`;
  const stream = eventStreamKey(prefix);
  const redis = createRedis('worker');
  const producer = createRedis('producer');
  let db: TestDatabase;

  beforeAll(async () => {
    db = await outboxTestDatabase('events_outbox');
  }, 180_000);

  afterAll(async () => {
    await deleteKeysMatching(redis, `${prefix}:*`);
    redis.disconnect();
    producer.disconnect();
    await db.drop();
  }, 60_000);

  // Every stream entry delivered to the group and acknowledged.
  async function groupSettled(group: string): Promise<boolean> {
    const groups = (await redis.xinfo('GROUPS', stream)) as (string | number)[][];
    const info = groups.map((fields) => Object.fromEntries(fields.flatMap((v, i) => (i % 2 === 0 ? [[v, fields[i + 1]]] : []))));
    const mine = info.find((g) => g.name === group);
    const [last] = await redis.xrevrange(stream, '+', '-', 'COUNT', 1);
    return Boolean(mine && last && mine['last-delivered-id'] === last[0] && Number(mine.pending) === 0);
  }

  const commitEvents = (count: number, label: string) => commitProbeEvents(db.dataSource, count, label);

  it('the outbox delivers every event exactly once to its consumer after a simulated crash between commit and publish', async () => {
    const applied: EventEnvelope[] = [];
    const consumer = await consumeEvents({
      redis,
      // Probe topics, not the product's: handed on as read.
      decode: anyEvent,
      stream,
      group: 'exactly-once',
      consumer: 'c1',
      blockMs: 200,
      handler: async (event) => {
        applied.push(event);
      },
    });
    // Committed, but the process died before any relay ran.
    const ids = await commitEvents(5, 'crash');
    // A relay published them (XADD) and crashed before marking them published; the restarted relay
    // finds them unpublished and sends them again.
    await republishAfterRelayCrash(db.dataSource, producer, stream, 'crash');

    expect(await redis.xlen(stream)).toBe(10);
    await until(() => groupSettled('exactly-once'), 'the consumer to read and acknowledge all ten entries');
    await consumer.stop();
    expect(applied.map((event) => event.id)).toEqual(ids);
    expect(applied.map((event) => event.payload)).toEqual([0, 1, 2, 3, 4].map((i) => ({ label: 'crash', i })));
    const unpublished = await db.dataSource.query('SELECT COUNT(*) AS n FROM outbox_event WHERE publishedAt IS NULL');
    expect(Number(unpublished[0].n)).toBe(0);
  });

  it('an event committed while Redis is unreachable waits in the outbox and is sent once Redis answers', async () => {
    const unreachable = createRedis('producer', 'redis://127.0.0.1:1');
    unreachable.on('error', () => undefined);
    const [id] = await commitEvents(1, 'outage');
    const down = startOutboxRelay({
      dataSource: db.dataSource,
      redis: unreachable,
      source: 'probe',
      stream,
      pollMs: 50,
      log: () => undefined,
    });
    await expect(down.drainOnce()).rejects.toThrow();
    await down.stop();
    unreachable.disconnect();
    const [row] = await db.dataSource.query('SELECT publishedAt FROM outbox_event WHERE id = ?', [id]);
    expect(row.publishedAt).toBeNull();

    const up = startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 50 });
    await up.drainOnce();
    await up.stop();
    const entries = await redis.xrange(stream, '-', '+');
    expect(entries.filter(([, fields]) => fields.includes(id))).toHaveLength(1);
  });

  it('a handler failure leaves the event pending and it is applied on the retry', async () => {
    let calls = 0;
    const applied: string[] = [];
    const consumer = await consumeEvents({
      redis,
      // Probe topics, not the product's: handed on as read.
      decode: anyEvent,
      stream,
      group: 'retrying',
      consumer: 'c1',
      blockMs: 200,
      topics: ['probe.happened'],
      onError: () => undefined,
      handler: async (event) => {
        calls++;
        if (calls === 1) throw new Error('transient');
        applied.push(event.id);
      },
    });
    const [id] = await commitEvents(1, 'retry');
    const relay = startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 50 });
    await until(async () => applied.length === 1, 'the retried event');
    await relay.stop();
    await consumer.stop();
    expect({ applied, calls }).toEqual({ applied: [id], calls: 2 });
  });
  it('a commit that appended events wakes the relay: they are published long before its next poll', async () => {
    // A poll interval no test waits for: only the wake-up at the commit can publish in time.
    const relay = startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 10 * 60_000 });
    await relay.drainOnce();
    for (const round of [1, 2, 3]) {
      const [id] = await commitEvents(1, `woken-${round}`);
      await until(
        async () => (await redis.xrange(stream, '-', '+')).some(([, fields]) => fields.includes(id)),
        `event ${round} on the stream`,
      );
    }
    // A rolled-back transaction's events were never committed: nothing to publish.
    await expect(
      db.dataSource.transaction(async (manager) => {
        await appendProbeEvent(manager, { topic: 'probe.happened', key: 'rolled-back', payload: {} });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await relay.stop();
    const published = await redis.xrange(stream, '-', '+');
    expect(published.filter(([, fields]) => fields.includes('rolled-back'))).toHaveLength(0);
  });

  it('two relays draining one outbox side by side publish every event exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(...(await commitEvents(25, `two-relays-${i}`)));
    const before = new Set((await redis.xrange(stream, '-', '+')).map(([entryId]) => entryId));
    // Small batches, so the relays contend for rows over many transactions.
    const relays = [1, 2].map(() =>
      startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 10, batchSize: 20 }),
    );
    await until(async () => {
      const [row] = await db.dataSource.query('SELECT COUNT(*) AS n FROM outbox_event WHERE publishedAt IS NULL');
      return Number(row.n) === 0;
    }, 'both relays to drain the outbox');
    await Promise.all(relays.map((relay) => relay.stop()));
    const published = (await redis.xrange(stream, '-', '+'))
      .filter(([entryId]) => !before.has(entryId))
      .map(([, fields]) => fields[fields.indexOf('id') + 1]);
    expect(published).toHaveLength(ids.length);
    expect([...published].sort()).toEqual([...ids].sort());
  });
});
