import { Redis, type RedisOptions } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export type RedisRole = 'worker' | 'producer';

/**
 * Workers block on Redis and must retry forever (BullMQ requires `maxRetriesPerRequest: null`);
 * producers sit in request paths and fail fast instead of queueing commands while Redis is down.
 */
export function createRedis(role: RedisRole, url: string = process.env.REDIS_URL ?? DEFAULT_REDIS_URL): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  return new Redis(url, options);
}

/** BullMQ only warns when Redis may evict keys; a lost job key is a lost job, so refuse to run. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
  if (policy !== 'noeviction') {
    throw new Error(`Redis maxmemory-policy is "${policy}"; queues need "noeviction" (CONFIG SET maxmemory-policy noeviction)`);
  }
}

/** Waits for a connection to be usable, so start-up fails with a clear message instead of hanging. */
export async function waitForRedis(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not reachable within ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
