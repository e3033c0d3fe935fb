import { serviceLogger } from '@polyplus/logger';
import { hostname } from 'node:os';
import { clockGroup, readConfig } from '@polyplus/config';
import { createRedis, duplicateConnection, queuePrefix, waitForRedis, type RedisConnection } from '@polyplus/events';
import type { Clock } from './clock';
import {
  clockNow,
  parseState,
  sameState,
  stateFor,
  SYSTEM_TIME,
  TestClockError,
  type TestClockChange,
  type TestClockState,
} from './test-clock-state';

/** Redis keys of a stack's test clock, under its queue prefix (so each stack has its own). */
export function testClockKeys(prefix: string) {
  return {
    state: `${prefix}:test-clock`,
    version: `${prefix}:test-clock:version`,
    channel: `${prefix}:test-clock:changed`,
    applied: (version: number) => `${prefix}:test-clock:applied:${version}`,
  };
}

/** What a change reports: the new state and how many of the stack's processes confirmed it. */
export type TestClockChangeResult = {
  readonly state: TestClockState;
  /** Processes listening when the change was published (this one included). */
  readonly listening: number;
  /** Processes that applied it before the answer (all of them unless the wait timed out). */
  readonly applied: number;
};

/** A process's clock: system time in production; outside it, the stack's test clock. */
export type ServiceClock = Clock & {
  /** False in production: the clock is the system clock and cannot be changed. */
  readonly testable: boolean;
  /** Connects and loads the stack's clock; `now()` is system time until then. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** The state this process applies now. */
  state(): TestClockState;
  /** Called after this process applied a change (e.g. to re-evaluate timers); returns an unsubscribe. */
  onChange(listener: (state: TestClockState) => void): () => void;
  /** Moves the stack's clock; resolves once every listening process applied it (or the wait timed out). */
  set(change: TestClockChange, by: string): Promise<TestClockChangeResult>;
  /** Back to system time. */
  reset(by: string): Promise<TestClockChangeResult>;
};

export type ServiceClockOptions = {
  /** The stack's queue prefix; default `queuePrefix()`. */
  prefix?: string;
  redisUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Re-read period, for a process that missed a change message; default `TEST_CLOCK_REFRESH_MS` or 2 000. */
  refreshMs?: number;
  /** How long `set` waits for every process to confirm; default `TEST_CLOCK_ACK_TIMEOUT_MS` or 2 000. */
  ackTimeoutMs?: number;
  log?: (message: string) => void;
};

/** Whether this environment may move clocks: anything but `NODE_ENV=production`. */
export function testClockAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production';
}

/**
 * The clock every service of a stack reads "now" from. In production it is the system clock, full
 * stop: nothing connects, nothing can change it. Elsewhere it is system time moved by the stack's
 * test clock, stored in Redis under the stack's queue prefix: every process caches the state, so
 * `now()` stays synchronous, and applies a change as soon as the change message arrives (Redis
 * pub/sub), re-reading the key every `refreshMs` in case a message was missed. A change waits
 * until every listening process confirmed it, so the next request anywhere in the stack sees it.
 */
export function createServiceClock(options: ServiceClockOptions = {}): ServiceClock {
  const env = options.env ?? process.env;
  if (!testClockAllowed(env)) return productionClock();
  const prefix = options.prefix ?? queuePrefix(env);
  const keys = testClockKeys(prefix);
  const settings = readConfig(
    { TEST_CLOCK_REFRESH_MS: clockGroup.TEST_CLOCK_REFRESH_MS, TEST_CLOCK_ACK_TIMEOUT_MS: clockGroup.TEST_CLOCK_ACK_TIMEOUT_MS },
    env,
  );
  const refreshMs = options.refreshMs ?? settings.TEST_CLOCK_REFRESH_MS;
  const ackTimeoutMs = options.ackTimeoutMs ?? settings.TEST_CLOCK_ACK_TIMEOUT_MS;
  const log = options.log ?? ((message: string) => serviceLogger('clock').error(message));
  const me = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const listeners = new Set<(state: TestClockState) => void>();
  let current: TestClockState = SYSTEM_TIME;
  let commands: RedisConnection | undefined;
  let subscriber: RedisConnection | undefined;
  let refresh: NodeJS.Timeout | undefined;
  let lastError = '';

  const apply = (next: TestClockState) => {
    if (sameState(current, next)) return;
    current = next;
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (error) {
        log(`[clock] a listener failed: ${(error as Error).message}`);
      }
    }
  };
  const load = async () => {
    if (!commands) return;
    try {
      apply(parseState(await commands.get(keys.state)));
      lastError = '';
    } catch (error) {
      // Redis away: keep the last state; logged once per distinct failure.
      if ((error as Error).message !== lastError)
        log(`[clock] reading the test clock failed, keeping the last one: ${(error as Error).message}`);
      lastError = (error as Error).message;
    }
  };
  const started = () => {
    if (!commands) throw new TestClockError('NOT_STARTED', 'The test clock is not connected yet');
    return commands;
  };
  const publish = async (state: TestClockState): Promise<TestClockChangeResult> => {
    const redis = started();
    const results = await redis.multi().set(keys.state, JSON.stringify(state)).publish(keys.channel, String(state.version)).exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
    const listening = Number(results?.[1]?.[1] ?? 0);
    apply(state);
    const deadline = Date.now() + ackTimeoutMs;
    let applied = await redis.scard(keys.applied(state.version));
    while (applied < listening && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      applied = await redis.scard(keys.applied(state.version));
    }
    return { state: current, listening, applied };
  };
  const change = async (build: (version: number, setAt: Date) => TestClockState): Promise<TestClockChangeResult> => {
    const version = await started().incr(keys.version);
    return publish(build(version, new Date()));
  };

  return {
    testable: true,
    now: () => clockNow(current, Date.now()),
    state: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      if (commands) return;
      commands = createRedis('producer', options.redisUrl ?? env);
      commands.on('error', () => undefined); // reported by load()
      await waitForRedis(commands);
      subscriber = duplicateConnection(commands, { maxRetriesPerRequest: null, enableOfflineQueue: true });
      subscriber.on('error', () => undefined); // ioredis reconnects and re-subscribes
      subscriber.on('message', (_channel: string, message: string) => {
        void load().then(async () => {
          const version = Number(message);
          if (!commands || !Number.isInteger(version)) return;
          const ack = keys.applied(version);
          await commands
            .multi()
            .sadd(ack, me)
            .expire(ack, 60)
            .exec()
            .catch(() => undefined);
        });
      });
      await subscriber.subscribe(keys.channel);
      await load();
      refresh = setInterval(() => void load(), refreshMs);
      refresh.unref();
    },
    async close() {
      clearInterval(refresh);
      listeners.clear();
      subscriber?.disconnect();
      commands?.disconnect();
      subscriber = undefined;
      commands = undefined;
    },
    set: (requested, by) => change((version, setAt) => stateFor(requested, { version, setBy: by, setAt })),
    reset: (by) => change((version, setAt) => ({ ...SYSTEM_TIME, version, setBy: by, setAt: setAt.toISOString() })),
  };
}

function productionClock(): ServiceClock {
  const refuse = async (): Promise<never> => {
    throw new TestClockError('DISABLED', 'The test clock does not exist in production');
  };
  return {
    testable: false,
    now: () => new Date(),
    state: () => SYSTEM_TIME,
    onChange: () => () => undefined,
    start: async () => undefined,
    close: async () => undefined,
    set: refuse,
    reset: refuse,
  };
}
