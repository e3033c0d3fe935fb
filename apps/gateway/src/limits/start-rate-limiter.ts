import { createRedis, queuePrefix, waitForRedis } from '@polyplus/events';
import { serviceLogger } from '@polyplus/logger';
import { trustedProxiesFromEnv } from './client-address';
import { rateLimitsFromEnv, redisRateLimiter, type RateLimiter } from './rate-limiter';

export type RunningRateLimiter = { limiter?: RateLimiter; close(): void };

/**
 * The gateway's limiter on its own fail-fast Redis connection. A gateway whose Redis is down still
 * starts and serves (unlimited, warned about once a minute): limiting must not take the API down.
 */
export async function startRateLimiter(env: NodeJS.ProcessEnv): Promise<RunningRateLimiter> {
  const limits = rateLimitsFromEnv(env);
  const trustedProxies = trustedProxiesFromEnv(env);
  if (!limits.customer && !limits.staff && !limits.anonymous) return { close: () => undefined };
  const redis = createRedis('producer', env);
  redis.on('error', () => undefined); // reported through `warn` by the limiter
  let warnedAt = 0;
  const warn = (error: unknown) => {
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    serviceLogger('rate-limiter').warn({ err: error }, 'rate limiter unavailable, requests pass unlimited');
  };
  // A fail-fast connection refuses commands until it is ready.
  await waitForRedis(redis, 3_000).catch(warn);
  return { limiter: redisRateLimiter(redis, queuePrefix(env), limits, warn, trustedProxies), close: () => redis.disconnect() };
}
