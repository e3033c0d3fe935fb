import type { Queue } from 'bullmq';
import { serviceLogger } from '@polyplus/logger';
import { watchQueue } from '@polyplus/metrics';
import { startLeasedSweep, type LeasedSweep } from '../lease';
import { queuePrefix } from '../queues';
import { assertNoEviction, createRedis, waitForRedis, type RedisConnection } from '../redis';
import { openTimerQueue, type TimerQueue } from './timer-queues';
import { TimerSet, type TimerArming, type TimerSetOptions } from './timer-set';
import { startTimerWorker, type TimerWorker, type TimerWorkerOptions } from './timer-worker';

export type DurableTimersOptions<T> = TimerSetOptions & {
  queue: TimerQueue;
  /** Default `queuePrefix()`. */
  prefix?: string;
  /** Default `REDIS_URL` / `REDIS_CLUSTER_NODES`. */
  redisUrl?: string;
  /** The service's clock, which due instants are on (default system time). */
  now?: () => Date;
  handle: TimerWorkerOptions<T>['handle'];
  onFailed?: TimerWorkerOptions<T>['onFailed'];
  concurrency?: number;
  /** Every timer that should be armed, read from the database: re-armed at start, periodically and on `rearm()`. */
  pending: () => Promise<Iterable<TimerArming<T>>>;
  /** The periodic re-arming: one run per period across replicas (a lease named `name`). */
  sweep: { name: string; everyMs: number };
  /** Names the logger of a failed sweep. */
  logName: string;
};

/**
 * A service's durable timers of one kind, all in one: the queue, the worker that runs them, and
 * re-arming from the database at start and periodically (Redis may have been down or lost them).
 * Timers are armed on a fail-fast connection, so a caller whose arming fails while Redis is down
 * answers at once and the next sweep arms the timer. Connections open in `start`.
 */
export class DurableTimers<T extends object> {
  private producer?: RedisConnection;
  private workerConnection?: RedisConnection;
  private opened?: Queue<T>;
  private timers?: TimerSet<T>;
  private worker?: TimerWorker<T>;
  private sweep?: LeasedSweep;
  private unwatchQueue?: () => void;
  private readonly now: () => Date;

  constructor(private readonly options: DurableTimersOptions<T>) {
    this.now = options.now ?? (() => new Date());
  }

  /** The timers' queue once started (a consumer may arm on it through a `TimerSet` of the same options; tests read its jobs). */
  get queue(): Queue<T> {
    if (!this.opened) throw new Error(`The ${this.options.queue} timers are not started`);
    return this.opened;
  }

  private get started(): TimerSet<T> {
    if (!this.timers) throw new Error(`The ${this.options.queue} timers are not started`);
    return this.timers;
  }

  /** Arms the key's timer for `dueAt` on the service's clock (see `TimerSet.arm`). */
  async arm(key: string, dueAt: Date | null, data: T): Promise<void> {
    await this.started.arm(key, dueAt, data, this.now());
  }

  async disarm(key: string): Promise<void> {
    await this.started.disarm(key);
  }

  /** Arms every pending timer against the service's clock now (a moved test clock, a Redis that lost them). */
  async rearm(): Promise<void> {
    await this.started.rearm(await this.options.pending(), this.now());
  }

  async start(): Promise<void> {
    const prefix = this.options.prefix ?? queuePrefix();
    this.workerConnection = createRedis('worker', this.options.redisUrl);
    await assertNoEviction(this.workerConnection);
    this.producer = createRedis('producer', this.options.redisUrl);
    this.producer.on('error', () => undefined); // a failed arming is reported to its caller
    await waitForRedis(this.producer);
    this.opened = openTimerQueue<T>(this.options.queue, { connection: this.producer, prefix });
    this.unwatchQueue = watchQueue(this.opened);
    this.timers = new TimerSet(this.opened, this.options);
    this.worker = await startTimerWorker<T>({
      queue: this.options.queue,
      connection: this.workerConnection,
      prefix,
      handle: this.options.handle,
      onFailed: this.options.onFailed,
      concurrency: this.options.concurrency,
    });
    this.sweep = startLeasedSweep({
      redis: this.producer,
      prefix,
      name: this.options.sweep.name,
      everyMs: this.options.sweep.everyMs,
      run: () => this.rearm(),
      log: (message) => serviceLogger(this.options.logName).error(`re-arming ${this.options.queue} timers: ${message}`),
    });
    await this.sweep.tick();
  }

  /** Stops the sweep, then the worker within `graceMs` (running timers finish or are retried elsewhere), then the connections. */
  async close(graceMs?: number): Promise<void> {
    await this.sweep?.stop();
    await this.worker?.close(graceMs);
    this.unwatchQueue?.();
    await this.opened?.close();
    this.producer?.disconnect();
    this.workerConnection?.disconnect();
  }
}
