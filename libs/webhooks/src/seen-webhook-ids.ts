/**
 * Where a receiver remembers the webhook ids it accepted. `remember` must be atomic: it records
 * the id and answers `false` when the id was already there (a replay or a duplicate delivery).
 */
export type SeenWebhookIds = {
  remember(id: string, ttlSeconds: number): Promise<boolean>;
};

/** For one receiver process (and tests): ids kept in memory until they expire. */
export function memorySeenWebhookIds(now: () => number = Date.now): SeenWebhookIds {
  const expiries = new Map<string, number>();
  return {
    async remember(id, ttlSeconds) {
      const at = now();
      for (const [seen, expiresAt] of expiries) if (expiresAt <= at) expiries.delete(seen);
      if (expiries.has(id)) return false;
      expiries.set(id, at + ttlSeconds * 1000);
      return true;
    },
  };
}

/** The one Redis command {@link redisSeenWebhookIds} needs (ioredis and node-redis both fit). */
export type RedisSetNx = {
  set(key: string, value: string, expiryMode: 'EX', seconds: number, setMode: 'NX'): Promise<unknown>;
};

/** Ids shared by several receiver processes: `SET key 1 EX ttl NX` is the atomic check-and-record. */
export function redisSeenWebhookIds(redis: RedisSetNx, keyPrefix = 'webhook-seen'): SeenWebhookIds {
  return {
    async remember(id, ttlSeconds) {
      return (await redis.set(`${keyPrefix}:${id}`, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
    },
  };
}
