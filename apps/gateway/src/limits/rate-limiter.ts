import type { IncomingMessage } from 'node:http';
import { gatewayEdgeGroup, readConfig } from '@polyplus/config';
import type { RedisConnection } from '@polyplus/events';
import { isAnonymous, isCustomerScoped, type Principal } from '@polyplus/auth';
import { clientAddress, rateLimitKeyOf, type TrustedProxies } from './client-address';

export type RateLimit = {
  /** Sustained requests per minute a principal may make. */
  perMinute: number;
  /** Requests a principal may make at once before the sustained rate applies. */
  burst: number;
};

/**
 * Customers and partners share one budget per principal; vendor staff and services get their own,
 * larger one; anonymous callers (no token) a small one per client address.
 */
export type RateLimits = { customer: RateLimit | null; staff: RateLimit | null; anonymous: RateLimit | null };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The request tells anonymous callers apart (by client address); principals with a token are their own key. */
export type RateLimitedRequest = Pick<IncomingMessage, 'headers' | 'socket'>;

export type RateLimiter = { take(principal: Principal, request?: RateLimitedRequest): Promise<RateDecision> };

/**
 * GCRA (a token bucket kept as one "theoretical arrival time" per key): one key per principal,
 * one round trip, Redis's own clock so every gateway instance judges by the same time.
 */
const GCRA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local allowAt = tat + interval - tolerance
if allowAt > now then return allowAt - now end
redis.call('SET', KEYS[1], tat + interval, 'PX', math.ceil(tat + interval - now))
return 0
`;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  customer: { perMinute: 600, burst: 100 },
  staff: { perMinute: 6_000, burst: 1_000 },
  anonymous: { perMinute: 120, burst: 60 },
};

/** A class's limit; 0 per minute turns the class off. */
function limitOf(perMinute: number, burst: number): RateLimit | null {
  return perMinute === 0 ? null : { perMinute, burst };
}

/**
 * `RATE_LIMIT_PER_MINUTE`/`RATE_LIMIT_BURST` (customers, partners), `RATE_LIMIT_STAFF_*` and
 * `RATE_LIMIT_ANONYMOUS_*` (callers without a token, per client address) of the gateway's schema,
 * whose defaults are {@link DEFAULT_RATE_LIMITS}; 0 per minute turns a class off. @throws ConfigError
 */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const config = readConfig(gatewayEdgeGroup, env);
  return {
    customer: limitOf(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST),
    staff: limitOf(config.RATE_LIMIT_STAFF_PER_MINUTE, config.RATE_LIMIT_STAFF_BURST),
    anonymous: limitOf(config.RATE_LIMIT_ANONYMOUS_PER_MINUTE, config.RATE_LIMIT_ANONYMOUS_BURST),
  };
}

/** The budget a principal draws on, and the key it is kept under. */
function bucketOf(
  principal: Principal,
  request: RateLimitedRequest | undefined,
  limits: RateLimits,
  trustedProxies: TrustedProxies,
): { limit: RateLimit | null; key: string } {
  // Every anonymous caller has the same subject: the client address is what tells them apart.
  if (isAnonymous(principal))
    return { limit: limits.anonymous, key: `PUBLIC:${request ? rateLimitKeyOf(clientAddress(request, trustedProxies)) : 'unknown'}` };
  return { limit: isCustomerScoped(principal) ? limits.customer : limits.staff, key: `${principal.role}:${principal.subject}` };
}

/**
 * Per-principal limits shared by every gateway instance through Redis. When Redis cannot answer,
 * requests pass (and `onError` hears of it): the limiter protects the service, it must not take
 * it down with it.
 */
export function redisRateLimiter(
  redis: RedisConnection,
  keyPrefix: string,
  limits: RateLimits,
  onError: (error: unknown) => void = () => undefined,
  trustedProxies: TrustedProxies = new Set(),
): RateLimiter {
  return {
    async take(principal, request) {
      const { limit, key: bucket } = bucketOf(principal, request, limits, trustedProxies);
      if (!limit) return { allowed: true };
      const intervalMs = 60_000 / limit.perMinute;
      const key = `${keyPrefix}:rate:${bucket}`;
      try {
        const waitMs = Number(await redis.eval(GCRA, 1, key, intervalMs, intervalMs * limit.burst));
        return waitMs > 0 ? { allowed: false, retryAfterMs: waitMs } : { allowed: true };
      } catch (error) {
        onError(error);
        return { allowed: true };
      }
    },
  };
}
