import { randomUUID } from 'node:crypto';
import {
  anyEvent,
  commitProbeEvents,
  consumeEvents,
  createRedis,
  eventStreamKey,
  OutboxEvent,
  publishToStream,
  readDeadLetters,
  republishAfterRelayCrash,
  startLeasedSweep,
  startOutboxRelay,
  type EventConsumer,
  type EventEnvelope,
  type RedisConnection,
} from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { startPrivateRedisCluster, type PrivateRedisCluster } from '@polyplus/testing';
import { until } from '@polyplus/polling';

// The outbox, the consumer groups and the sweep lease on a 3-master Redis Cluster of the test's
// own (Debian's redis-server, joined with redis-cli --cluster create). The scheduler's and the rate
// limiter's cluster checks live beside their code (apps/scheduler, apps/gateway).
let cluster: PrivateRedisCluster;
let redis: RedisConnection;
let producer: RedisConnection;
let db: TestDatabase;
const prefix = `{test-cluster-${randomUUID()}}`;
const stream = eventStreamKey(prefix);
const consumers: EventConsumer[] = [];

beforeAll(async () => {
  cluster = await startPrivateRedisCluster(3);
  const env = { REDIS_CLUSTER_NODES: cluster.nodesEnv };
  redis = createRedis('worker', env);
  producer = createRedis('producer', env);
  db = await createTestDatabase('events_cluster', { entities: [OutboxEvent], migrations: [] });
  await db.dataSource.synchronize();
}, 180_000);

afterAll(async () => {
  await Promise.all(consumers.map((consumer) => consumer.stop()));
  redis?.disconnect();
  producer?.disconnect();
  await db?.drop();
  await cluster?.dispose();
}, 60_000);

const commitEvents = (count: number, label: string) => commitProbeEvents(db.dataSource, count, label);

const pendingOf = async (group: string) => ((await redis.xpending(stream, group)) as [number])[0];

describe('the event outbox on a Redis Cluster', () => {
  it('the outbox delivers every event exactly once to its consumer after a simulated crash between commit and publish', async () => {
    const applied: string[] = [];
    consumers.push(
      await consumeEvents({
        redis,
        // Probe topics, not the product's: handed on as read.
        decode: anyEvent,
        stream,
        group: 'exactly-once',
        instance: 'pod-a',
        blockMs: 200,
        handler: async (event) => void applied.push(event.id),
      }),
    );
    const ids = await commitEvents(5, 'crash');
    // Published, then the relay died before marking the rows: the next relay sends them again.
    await republishAfterRelayCrash(db.dataSource, producer, stream, 'crash');
    await until(
      async () => applied.length >= 5 && (await pendingOf('exactly-once')) === 0,
      'the consumer to apply and acknowledge the events',
      { timeoutMs: 20_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(applied).toEqual(ids);
  });

  it('two relays draining one outbox side by side publish every event exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(...(await commitEvents(20, `two-relays-${i}`)));
    const before = new Set((await redis.xrange(stream, '-', '+')).map(([entryId]) => entryId));
    const relays = [1, 2].map(() =>
      startOutboxRelay({ dataSource: db.dataSource, redis: producer, source: 'probe', stream, pollMs: 10, batchSize: 20 }),
    );
    await until(
      async () => Number((await db.dataSource.query('SELECT COUNT(*) AS n FROM outbox_event WHERE publishedAt IS NULL'))[0].n) === 0,
      'the relays to drain the outbox',
      { timeoutMs: 20_000 },
    );
    await Promise.all(relays.map((relay) => relay.stop()));
    const published = (await redis.xrange(stream, '-', '+'))
      .filter(([entryId]) => !before.has(entryId))
      .map(([, fields]) => fields[fields.indexOf('id') + 1]);
    expect([...published].sort()).toEqual([...ids].sort());
  });

  it('entries a dead consumer left pending are claimed by another replica and handled once; a poison event is dead-lettered and the rest go on', async () => {
    const group = 'survivors';
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    const envelope = (key: string): EventEnvelope => ({
      id: randomUUID(),
      topic: 'probe.happened',
      key,
      source: 'probe',
      occurredAt: new Date().toISOString(),
      payload: { key },
    });
    const left = [envelope('left-1'), envelope('left-2')];
    await publishToStream(producer, stream, left);
    // A replica read them and was killed before acknowledging anything.
    await redis.xreadgroup('GROUP', group, `${group}@dead-pod`, 'COUNT', 10, 'STREAMS', stream, '>');
    const handled: string[] = [];
    consumers.push(
      await consumeEvents({
        redis,
        // Probe topics, not the product's: handed on as read.
        decode: anyEvent,
        stream,
        group,
        instance: 'pod-b',
        blockMs: 100,
        claimIdleMs: 500,
        maxDeliveries: 2,
        retryBaseMs: 20,
        log: () => undefined,
        handler: async (event) => {
          if (event.key === 'poison') throw new Error('cannot apply');
          handled.push(event.key);
        },
      }),
    );
    await publishToStream(producer, stream, [envelope('poison'), envelope('after')]);
    await until(async () => handled.length >= 3 && (await pendingOf(group)) === 0, 'the claimed entries and the ones after the poison', {
      timeoutMs: 20_000,
    });
    expect([...handled].sort()).toEqual(['after', 'left-1', 'left-2']);
    const letters = await readDeadLetters(redis, { stream, group });
    expect(letters.map((letter) => letter.event?.key)).toEqual(['poison']);
  });
});

describe('sweeps on a Redis Cluster', () => {
  it('two sweepers ticking at the same moment: one runs, the other skips the period', async () => {
    const runs: string[] = [];
    const sweeps = ['a', 'b'].map((who) =>
      startLeasedSweep({ redis, prefix, name: 'cluster-sweep', everyMs: 60_000, run: async () => void runs.push(who) }),
    );
    try {
      const ran = await Promise.all(sweeps.map((sweep) => sweep.tick()));
      expect(ran.filter(Boolean)).toHaveLength(1);
      expect(runs).toHaveLength(1);
    } finally {
      await Promise.all(sweeps.map((sweep) => sweep.stop()));
    }
  });
});
