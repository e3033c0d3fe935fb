import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createRedis, DEFAULT_REDIS_URL } from '../redis';
import { eventStreamKey, toStreamFields, type EventEnvelope } from './event-envelope';
import { publishToStream } from './outbox-relay';
import { consumeEvents, redisProcessedEvents, type ConsumeEventsOptions, type EventConsumer } from './event-consumer';
import { anyEvent } from '../testing/any-event';
import { probeEvent } from '../testing/probe-event';
import { deleteKeysMatching } from '../delete-keys';
import type { ProductEvent } from '../contract/decode-event';
import { VISIT_CHANGED } from '../contract/event-topics';
import { sampleEventPayload } from '../testing/sample-payloads';
import { consumerGroupStatus } from './consumer-status';
import { deadLetterCounts, deadLetterStreamKey, readDeadLetters, redriveDeadLetters } from './dead-letter';
import { until } from '@polyplus/polling';

const ROOT = join(__dirname, '..', '..', '..', '..');

const envelope = (key: string, topic = 'probe.happened'): EventEnvelope => probeEvent(topic, key);

describe('consumer groups with several replicas', () => {
  const prefix = `test-consumer-${randomUUID()}`;
  const stream = eventStreamKey(prefix);
  const redis = createRedis('worker', DEFAULT_REDIS_URL);
  const consumers: EventConsumer[] = [];
  const children: ChildProcess[] = [];
  let groupSeq = 0;
  const newGroup = () => `group-${++groupSeq}`;

  // Probe topics, not the product's: handed on as read unless a test gives the contract's decoder.
  const start = async (options: ConsumeEventsOptions<EventEnvelope>) => {
    const consumer = await consumeEvents({ stream, blockMs: 100, log: () => undefined, decode: anyEvent, ...options });
    consumers.push(consumer);
    return consumer;
  };

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await deleteKeysMatching(redis, `*${prefix}*`);
    redis.disconnect();
  }, 60_000);

  /** A replica in its own process, which the test can kill -9. */
  async function startReplicaProcess(env: Record<string, string>): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'libs/events/src/testing/consumer-process.ts'], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: DEFAULT_REDIS_URL, STREAM: stream, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const output: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replica not ready:\n${output.join('')}`)), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output.push(chunk.toString());
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', (code) => reject(new Error(`replica exited with ${code}:\n${output.join('')}`)));
    });
    return child;
  }

  it('each replica has its own stable name in the group, and together they handle every event once', async () => {
    const group = newGroup();
    const handled: string[] = [];
    const handler = async (event: EventEnvelope) => void handled.push(event.id);
    const [a, b] = [await start({ redis, group, instance: 'pod-a', handler }), await start({ redis, group, instance: 'pod-b', handler })];
    expect([a.name, b.name]).toEqual([`${group}@pod-a`, `${group}@pod-b`]);
    const events = Array.from({ length: 40 }, (_, i) => envelope(`e${i}`));
    for (let i = 0; i < events.length; i += 5) await publishToStream(redis, stream, events.slice(i, i + 5));
    await until(() => handled.length >= events.length, 'every event');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...handled].sort()).toEqual(events.map((event) => event.id).sort());
    const status = await a.status();
    expect(status).toMatchObject({ group, pending: 0, lag: 0, deadLettered: 0 });
    expect(status?.consumers.map((consumer) => consumer.name).sort()).toEqual([a.name, b.name]);
  });

  it('a consumer killed holding entries: another replica claims them once they are idle and handles each exactly once', async () => {
    const group = newGroup();
    const record = `${prefix}:record:${group}`;
    // The replica reads the first batch, finishes two events, and is killed in the middle of the third.
    const events = [envelope('k1'), envelope('k2'), envelope('hang'), envelope('k4'), envelope('k5')];
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    const replica = await startReplicaProcess({ GROUP: group, RECORD_KEY: record, HANG_ON_KEY: 'hang', CLAIM_IDLE_MS: '1000' });
    await publishToStream(redis, stream, events);
    await until(async () => (await redis.llen(record)) === 3, 'the replica to start on the third event');
    const exited = new Promise((resolve) => replica.once('exit', resolve));
    replica.kill('SIGKILL');
    await exited;
    const pendingAtKill = (await redis.xpending(stream, group)) as [number, ...unknown[]];
    expect(pendingAtKill[0]).toBe(3);

    // The survivor: the same group, another process identity.
    const completed: string[] = [];
    await start({ redis, group, instance: 'survivor', claimIdleMs: 1_000, handler: async (event) => void completed.push(event.key) });
    const later = envelope('k6');
    await publishToStream(redis, stream, [later]);
    await until(() => completed.length >= 4, 'the survivor to handle the dead replica’s entries and the new one');
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const startedByReplica = (await redis.lrange(record, 0, -1)).map((line) => line.split(':')[1]);
    expect(startedByReplica).toEqual(events.slice(0, 3).map((event) => event.id));
    // k1, k2 were finished and acknowledged by the replica: the survivor never sees them again.
    expect(completed.sort()).toEqual(['hang', 'k4', 'k5', 'k6']);
    const [pending] = (await redis.xpending(stream, group)) as [number];
    expect(pending).toBe(0);
  }, 90_000);

  it('an entry the dead consumer applied but never acknowledged is acknowledged by the claimer without applying it again', async () => {
    const group = newGroup();
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    const done = envelope('applied-then-died');
    await publishToStream(redis, stream, [done]);
    // The dead consumer's last moves: it read the entry, applied it and remembered its id, then died before XACK.
    await redis.xreadgroup('GROUP', group, `${group}@dead-pod`, 'COUNT', 10, 'STREAMS', stream, '>');
    await redisProcessedEvents(redis, `${stream}:processed:${group}`).add(done.id);
    const applied: string[] = [];
    const survivor = await start({
      redis,
      group,
      instance: 'survivor',
      claimIdleMs: 300,
      handler: async (event) => void applied.push(event.id),
    });
    await until(async () => ((await redis.xpending(stream, group)) as [number])[0] === 0, 'the claimed entry to be acknowledged');
    expect(applied).toEqual([]);
    expect((await survivor.status())?.pending).toBe(0);
  });

  it('a live replica whose handler outlasts the claim idle time keeps its entry: no other replica starts it too', async () => {
    const group = newGroup();
    const starts: string[] = [];
    const handler = (who: string) => async (event: EventEnvelope) => {
      starts.push(`${who}:${event.key}`);
      if (event.key === 'slow') await new Promise((resolve) => setTimeout(resolve, 2_000));
    };
    await start({ redis, group, instance: 'pod-a', claimIdleMs: 300, handler: handler('a') });
    await start({ redis, group, instance: 'pod-b', claimIdleMs: 300, handler: handler('b') });
    await publishToStream(redis, stream, [envelope('slow'), envelope('after')]);
    await until(async () => ((await redis.xpending(stream, group)) as [number])[0] === 0 && starts.length >= 2, 'both events to finish');
    expect(starts.filter((entry) => entry.endsWith(':slow'))).toHaveLength(1);
    expect(starts.filter((entry) => entry.endsWith(':after'))).toHaveLength(1);
  }, 30_000);

  it('a poison event is moved to the dead-letter stream after N deliveries and counted, and the events after it are handled', async () => {
    const group = newGroup();
    const handled: string[] = [];
    let poisonAttempts = 0;
    const consumer = await start({
      redis,
      group,
      instance: 'pod-a',
      maxDeliveries: 3,
      retryBaseMs: 20,
      onError: () => undefined,
      handler: async (event) => {
        if (event.key === 'poison') {
          poisonAttempts++;
          throw new Error('cannot apply this one');
        }
        handled.push(event.key);
      },
    });
    const poison = envelope('poison');
    await publishToStream(redis, stream, [envelope('before'), poison, envelope('after-1'), envelope('after-2')]);
    await until(() => handled.length >= 3, 'the events around the poison one');
    expect(handled).toEqual(['before', 'after-1', 'after-2']);
    expect(poisonAttempts).toBe(3);
    const [letter] = await readDeadLetters(redis, { stream, group });
    expect(letter.event?.id).toBe(poison.id);
    expect(letter.info).toMatchObject({ group, consumer: consumer.name, deliveries: 3, reason: 'Error: cannot apply this one' });
    expect(await deadLetterCounts(redis, stream)).toMatchObject({ [group]: 1 });
    expect(await consumer.status()).toMatchObject({ pending: 0, deadLettered: 1 });
  });

  it('an entry that took down every consumer it reached is dead-lettered on its next claim without running the handler', async () => {
    const group = newGroup();
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    const poison = envelope('kills-its-consumer');
    await publishToStream(redis, stream, [poison]);
    const [[, [[entryId]]]] = (await redis.xreadgroup('GROUP', group, `${group}@pod-1`, 'COUNT', 1, 'STREAMS', stream, '>')) as [
      string,
      [string, string[]][],
    ][];
    // Three replicas in a row claimed it and died on it.
    await redis.xclaim(stream, group, `${group}@pod-3`, 0, entryId, 'RETRYCOUNT', 3);
    const calls: string[] = [];
    await start({
      redis,
      group,
      instance: 'survivor',
      claimIdleMs: 200,
      maxDeliveries: 3,
      handler: async (event) => void calls.push(event.id),
    });
    const [letter] = await until(async () => {
      const letters = (await readDeadLetters(redis, { stream, group })).filter((entry) => entry.event?.id === poison.id);
      return letters.length > 0 && letters;
    }, 'the dead letter');
    expect(calls).toEqual([]);
    expect(letter.info.deliveries).toBe(4);
    expect(letter.info.reason).toMatch(/not acknowledged after 3 deliveries/);
  });

  it('a malformed entry is dead-lettered at once', async () => {
    const group = newGroup();
    const handled: string[] = [];
    await start({ redis, group, instance: 'pod-a', handler: async (event) => void handled.push(event.key) });
    const fields = toStreamFields(envelope('broken'));
    fields[fields.indexOf('payload') + 1] = '{not json';
    await redis.xadd(stream, '*', ...fields);
    await publishToStream(redis, stream, [envelope('fine')]);
    await until(() => handled.length >= 1, 'the next event');
    const letters = await until(
      async () => (await redis.xlen(deadLetterStreamKey(stream, group))) === 1 && readDeadLetters(redis, { stream, group }),
      'the dead letter',
    );
    expect(letters[0].info.reason).toMatch(/malformed entry/);
    expect(handled).toEqual(['fine']);
  });

  it('an event the contract cannot decode is dead-lettered at once with one log line naming it, and the group goes on', async () => {
    const group = newGroup();
    const handled: string[] = [];
    const logged: string[] = [];
    const visit = (key: string, payload: Record<string, unknown>): EventEnvelope => ({ ...envelope(key, VISIT_CHANGED), payload });
    const broken = visit('no-visit-id', sampleEventPayload(VISIT_CHANGED, { visitId: undefined }));
    const fine = visit('fine', sampleEventPayload(VISIT_CHANGED));
    // The product's consumers decode by default: this one is started as they are.
    const consumer = await consumeEvents<ProductEvent>({
      redis,
      stream,
      group,
      instance: 'pod-a',
      blockMs: 100,
      log: (message) => void logged.push(message),
      handler: async (event) => void handled.push(event.key),
    });
    consumers.push(consumer);
    await publishToStream(redis, stream, [broken, fine]);
    await until(() => handled.length >= 1, 'the next event');
    const letters = await until(async () => {
      const found = await readDeadLetters(redis, { stream, group });
      return found.length === 1 && found;
    }, 'the dead letter');
    expect(handled).toEqual(['fine']);
    expect(letters[0].event?.id).toBe(broken.id);
    expect(letters[0].info).toMatchObject({ deliveries: 1, reason: expect.stringMatching(/^undecodable event: visitId: /) });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`visit.changed ${broken.id} moved to the dead-letter stream`);
    expect(logged[0]).toMatch(/undecodable event: visitId: /);
    expect((await deadLetterCounts(redis, stream))[group]).toBe(1);
  });

  it('a dead-lettered event redriven after the fix is handled by its group, once', async () => {
    const group = newGroup();
    let fixed = false;
    const handled: string[] = [];
    await start({
      redis,
      group,
      instance: 'pod-a',
      maxDeliveries: 1,
      onError: () => undefined,
      handler: async (event) => {
        if (!fixed) throw new Error('bug');
        handled.push(event.id);
      },
    });
    const event = envelope('redrive');
    await publishToStream(redis, stream, [event]);
    await until(async () => (await readDeadLetters(redis, { stream, group })).length === 1, 'the dead letter');
    fixed = true;
    expect(await redriveDeadLetters(redis, { stream, group })).toBe(1);
    await until(() => handled.length === 1, 'the redriven event');
    expect(handled).toEqual([event.id]);
    expect(await readDeadLetters(redis, { stream, group })).toEqual([]);
  });

  it('consumer lag is visible: events not yet delivered to the group, then none once it caught up', async () => {
    const group = newGroup();
    await redis.xgroup('CREATE', stream, group, '$', 'MKSTREAM');
    await publishToStream(redis, stream, [envelope('l1'), envelope('l2'), envelope('l3')]);
    expect(await consumerGroupStatus(redis, { stream, group })).toMatchObject({ group, lag: 3, pending: 0, consumers: [] });
    const handled: string[] = [];
    const consumer = await start({ redis, group, instance: 'pod-a', blockMs: 100, handler: async (event) => void handled.push(event.key) });
    await until(() => handled.length >= 3, 'the backlog');
    await until(async () => (await consumer.status())?.lag === 0, 'lag 0');
    expect(await consumer.status()).toMatchObject({ lag: 0, pending: 0 });
  });
});
