import { hashTagOf } from './keys';
import { DEFAULT_QUEUE_PREFIX, queuePrefix } from './queues';
import { redisTarget } from './redis';
import { eventStreamKey } from './outbox/event-envelope';
import { deadLetterStreamKey } from './outbox/dead-letter';

describe('Redis configuration for one server or a cluster', () => {
  it('REDIS_URL names one server; without it the local default', () => {
    expect(redisTarget({})).toEqual({ kind: 'node', url: 'redis://127.0.0.1:6379' });
    expect(redisTarget({ REDIS_URL: 'redis://cache:6380' })).toEqual({ kind: 'node', url: 'redis://cache:6380' });
  });

  it('REDIS_CLUSTER_NODES selects a cluster from host:port or redis:// seeds, credentials from the first', () => {
    expect(
      redisTarget({ REDIS_URL: 'redis://ignored:1', REDIS_CLUSTER_NODES: 'rediss://app:s%40cret@10.0.0.1:7000, 10.0.0.2:7001' }),
    ).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
      ],
      username: 'app',
      password: 's@cret',
      tls: true,
    });
  });

  it('a cluster seed without a port is refused, naming the variable', () => {
    expect(() => redisTarget({ REDIS_CLUSTER_NODES: 'redis-0' })).toThrow(/REDIS_CLUSTER_NODES: "redis-0"/);
  });

  it('the default queue prefix is hash-tagged, so the stream, its dead letters and every queue share a cluster slot', () => {
    expect(queuePrefix({})).toBe(DEFAULT_QUEUE_PREFIX);
    expect(hashTagOf(eventStreamKey(queuePrefix({})))).toBe('polyplus');
    expect(hashTagOf(deadLetterStreamKey(eventStreamKey(queuePrefix({})), 'dispatch-visit-intake'))).toBe('polyplus');
  });

  it('in a cluster a prefix without a hash tag is refused at start-up; on one server any prefix will do', () => {
    expect(() => queuePrefix({ REDIS_CLUSTER_NODES: '127.0.0.1:7000', QUEUE_PREFIX: 'acme' })).toThrow(
      /QUEUE_PREFIX "acme" has no hash tag/,
    );
    expect(queuePrefix({ REDIS_CLUSTER_NODES: '127.0.0.1:7000', QUEUE_PREFIX: '{acme}' })).toBe('{acme}');
    expect(queuePrefix({ QUEUE_PREFIX: 'acme' })).toBe('acme');
  });

  it('an untagged stream keeps its dead letters in its own slot', () => {
    // `{s}:x` hashes like the key `s`.
    expect(hashTagOf(deadLetterStreamKey('acme:events', 'g'))).toBe('acme:events');
  });
});
