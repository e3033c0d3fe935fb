import { randomUUID } from 'node:crypto';
import { anyEvent } from '../testing/any-event';
import { probeEvent } from '../testing/probe-event';
import { createRedis } from '../redis';
import { deleteKeysMatching } from '../delete-keys';
import { eventStreamKey } from './event-envelope';
import { publishToStream } from './outbox-relay';
import { tailEvents } from './event-tail';
import { until } from '@polyplus/polling';

describe('tailing the event stream without a consumer group', () => {
  const prefix = `test-tail-${randomUUID()}`;
  const stream = eventStreamKey(prefix);
  const redis = createRedis('worker');

  afterAll(async () => {
    await deleteKeysMatching(redis, `${prefix}:*`);
    redis.disconnect();
  }, 60_000);

  it('two tails each see every event added after they started, in stream order, and none from before', async () => {
    await publishToStream(redis, stream, [probeEvent('probe.before', 'old')]);
    const seen: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const tails = (['a', 'b'] as const).map((name) =>
      tailEvents({
        redis,
        // Probe topics, not the product's: handed on as read.
        decode: anyEvent,
        stream,
        blockMs: 100,
        accept: (topic) => topic.startsWith('probe.'),
        handler: (event) => void seen[name].push(event.key),
      }),
    );
    await Promise.all(tails.map((tail) => tail.ready));
    await publishToStream(redis, stream, [probeEvent('probe.x', '1'), probeEvent('other.y', 'skipped'), probeEvent('probe.x', '2')]);
    await publishToStream(redis, stream, [probeEvent('probe.x', '3')]);
    await until(() => seen.a.length >= 3 && seen.b.length >= 3, 'both tails');
    await Promise.all(tails.map((tail) => tail.stop()));
    expect(seen).toEqual({ a: ['1', '2', '3'], b: ['1', '2', '3'] });
    // A tail leaves no consumer group behind.
    expect(await redis.xinfo('GROUPS', stream)).toEqual([]);
  });

  it('a failing handler does not hold back the events after it', async () => {
    const seen: string[] = [];
    const failures: string[] = [];
    const tail = tailEvents({
      redis,
      // Probe topics, not the product's: handed on as read.
      decode: anyEvent,
      stream,
      blockMs: 100,
      log: (message) => failures.push(message),
      handler: (event) => {
        if (event.key === 'bad') throw new Error('boom');
        seen.push(event.key);
      },
    });
    await tail.ready;
    await publishToStream(redis, stream, [probeEvent('probe.x', 'bad'), probeEvent('probe.x', 'good')]);
    await until(() => seen.length >= 1, 'the good event');
    await tail.stop();
    expect(seen).toEqual(['good']);
    expect(failures.join('\n')).toContain('boom');
  });

  it('stop ends a blocked read at once and the handler is not called afterwards', async () => {
    const seen: string[] = [];
    const tail = tailEvents({ redis, stream, decode: anyEvent, blockMs: 60_000, handler: (event) => void seen.push(event.key) });
    await tail.ready;
    await tail.stop();
    await publishToStream(redis, stream, [probeEvent('probe.x', 'after-stop')]);
    expect(seen).toEqual([]);
  });
});
