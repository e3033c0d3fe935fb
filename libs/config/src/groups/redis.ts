import { integer, list, text, url } from '../entries';
import type { Rule } from '../service-schema';

const HOST_PORT = /^(rediss?:\/\/)?([^@/\s]+@)?[^:/\s]+:\d{1,5}$/;

/** Redis: one server or a cluster, its TLS, and the key prefix of queues and streams. */
export const redisGroup = {
  REDIS_URL: url({
    protocols: ['redis', 'rediss'],
    default: 'redis://127.0.0.1:6379',
    description: 'One Redis server (rediss:// for TLS); ignored when REDIS_CLUSTER_NODES is set.',
  }),
  REDIS_CLUSTER_NODES: list({
    form: 'comma-separated host:port or redis://[user:password@]host:port',
    item: { test: (entry) => HOST_PORT.test(entry), is: 'host:port or redis://host:port' },
    description: 'Seed nodes of a Redis Cluster; credentials and rediss:// come from the first.',
  }),
  REDIS_TLS_CA_FILE: text({ form: 'a file path', description: 'PEM CA of the Redis servers (rediss://).' }),
  REDIS_TLS_CERT_FILE: text({ form: 'a file path', description: 'PEM client certificate for Redis (with REDIS_TLS_KEY_FILE).' }),
  REDIS_TLS_KEY_FILE: text({ form: 'a file path', description: 'PEM key of the Redis client certificate.' }),
  QUEUE_PREFIX: text({
    pattern: /^\S+$/,
    form: 'text without spaces',
    default: '{polyplus}',
    description: 'Prefix of every queue, stream and lease key (a Redis Cluster hash tag keeps them on one slot).',
  }),
} as const;

// A Redis Cluster places keys by their hash tag (`{...}`, not empty): a queue's keys must share one slot.
const HASH_TAG = /\{[^}]+\}/;

export const redisRules: Rule<typeof redisGroup>[] = [
  (config) =>
    Boolean(config.REDIS_TLS_CERT_FILE) !== Boolean(config.REDIS_TLS_KEY_FILE)
      ? 'REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE go together'
      : undefined,
  (config) =>
    config.REDIS_CLUSTER_NODES?.length && !HASH_TAG.test(config.QUEUE_PREFIX)
      ? `QUEUE_PREFIX="${config.QUEUE_PREFIX}" has no hash tag, which a Redis Cluster (REDIS_CLUSTER_NODES) needs; expected e.g. "{${config.QUEUE_PREFIX}}"`
      : undefined,
];

/** How a service consumes the domain event stream. */
export const eventConsumerGroup = {
  EVENTS_CLAIM_IDLE_MS: integer({
    min: 100,
    unit: 'milliseconds',
    default: 60_000,
    description: 'How long an event stays with a consumer that went quiet before another takes it over.',
  }),
  EVENTS_MAX_DELIVERIES: integer({ min: 1, default: 10, description: 'Deliveries of one event before it is dead-lettered.' }),
  EVENTS_RETRY_BASE_MS: integer({
    min: 1,
    unit: 'milliseconds',
    default: 1_000,
    description: 'First retry delay of a failed event, doubling after.',
  }),
} as const;
