import { serviceLogger } from '@polyplus/logger';
import { randomUUID } from 'node:crypto';
import { waitForRedis, type RedisConnection } from './redis';
import { queuePrefix } from './queues';

// Only the owner may extend or release: a lease that expired and was taken by another is theirs.
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export type Lease = {
  key: string;
  owner: string;
  /** Pushes the expiry out by `ttlMs` again; false when the lease was lost (expired and taken). */
  extend(ttlMs?: number): Promise<boolean>;
  /** Gives the lease up before it expires (only if still held). */
  release(): Promise<void>;
};

/**
 * A Redis lock with an expiry (`SET key owner NX PX ttl`): held by one process at a time, and
 * freed by itself when its holder dies. Null when someone else holds it.
 */
export async function tryAcquireLease(
  redis: RedisConnection,
  key: string,
  ttlMs: number,
  owner: string = randomUUID(),
): Promise<Lease | null> {
  const taken = await redis.set(key, owner, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
  if (taken !== 'OK') return null;
  return {
    key,
    owner,
    extend: async (extendMs = ttlMs) => Number(await redis.eval(EXTEND, 1, key, owner, Math.max(1, Math.round(extendMs)))) === 1,
    release: async () => {
      await redis.eval(RELEASE, 1, key, owner);
    },
  };
}

export type LeasedSweepOptions = {
  /** Any connection; a fail-fast one is fine (a tick that cannot reach Redis skips that period). */
  redis: RedisConnection;
  /** Names the sweep: replicas with the same name share one lease, `<prefix>:lease:<name>`. */
  name: string;
  /** Default `queuePrefix()`. */
  prefix?: string;
  /** The period: across all replicas the sweep runs about once per period. */
  everyMs: number;
  run: () => Promise<unknown>;
  /** Also try at start (a replica starting after an outage re-arms at once when no one else just did). */
  runAtStart?: boolean;
  log?: (message: string) => void;
};

export type LeasedSweep = {
  /** Tries now: runs when the lease is free, resolving true when this replica ran it (false after a logged failure). */
  tick(): Promise<boolean>;
  /** Stops ticking and waits for a run in progress. */
  stop(): Promise<void>;
};

/**
 * A periodic job that must run once per period however many replicas start it. Every replica
 * ticks every `everyMs`; a tick runs the job only if it takes the lease, which is held for 90 % of
 * the period (extended while a long run lasts) and then left to expire rather than released, so no
 * other replica runs the job again within the period. If the holder dies, the lease lapses and a
 * surviving replica runs the job in the next period.
 */
export function startLeasedSweep(options: LeasedSweepOptions): LeasedSweep {
  const key = `${options.prefix ?? queuePrefix()}:lease:${options.name}`;
  const ttlMs = Math.max(1, Math.floor(options.everyMs * 0.9));
  const log = options.log ?? ((message: string) => serviceLogger('lease').error(message));
  let stopped = false;
  let current: Promise<boolean> = Promise.resolve(false);

  const attempt = async (): Promise<boolean> => {
    const lease = await tryAcquireLease(options.redis, key, ttlMs);
    if (!lease) return false;
    // Keep the lease while a run outlasts it, so no one starts a second run beside this one.
    const keep = setInterval(() => void lease.extend().catch(() => undefined), Math.max(10, Math.floor(ttlMs / 3)));
    try {
      await options.run();
      return true;
    } finally {
      clearInterval(keep);
    }
  };
  // Ticks queue behind each other; a failed one (Redis away, the job threw) is logged and skipped.
  const tick = () => {
    if (stopped) return Promise.resolve(false);
    current = current.then(attempt).catch((error: Error) => {
      log(`[sweep:${options.name}] ${error.message}`);
      return false;
    });
    return current;
  };
  const timer = setInterval(() => void tick(), options.everyMs);
  timer.unref();
  // A connection made just before is still connecting, and a fail-fast one refuses commands until it is
  // ready: the start's try waits for it (a while), then tries whatever its state, logging a failure.
  if (options.runAtStart)
    void waitForRedis(options.redis)
      .catch(() => undefined)
      .then(tick);
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
