import { Queue, Worker } from 'bullmq';
import {
  assertNoEviction,
  closeWorkerWithin,
  createRedis,
  queuePrefix,
  RETURN_DEADLINE_QUEUE,
  startLeasedSweep,
  waitForRedis,
  type LeasedSweep,
  type RedisConnection,
} from '@polyplus/events';
import { watchQueue } from '@polyplus/metrics';
import { serviceLogger, withJobLogContext } from '@polyplus/logger';
import { inJobSpan, withTraceparent } from '@polyplus/telemetry';
import type { ReturnsService } from './returns.service';

export { RETURN_DEADLINE_QUEUE };

type ReturnDeadlineJob = { returnId: string };

const jobId = (returnId: string) => `return-${returnId}`;

export type ReturnDeadlinesOptions = {
  redisUrl?: string;
  prefix?: string;
  now?: () => Date;
  /** How often every open return's timer is re-armed (default `RETURN_DEADLINE_REARM_MS` or 10 min). */
  rearmEveryMs?: number;
};

/**
 * Return deadlines as BullMQ delayed jobs: they live in Redis, so they survive restarts. One job
 * per return (the return id is the job id); the handler is idempotent because a job can run twice.
 * Jobs are added on a fail-fast connection, so a delivery recorded while Redis is down answers at
 * once; the timer it could not arm is armed by the next periodic sweep over open returns.
 * Connections open in `start`, so building the schema (e.g. to print SDL) needs no Redis.
 */
export class ReturnDeadlines {
  private redis?: RedisConnection;
  private producer?: RedisConnection;
  private queue?: Queue<ReturnDeadlineJob>;
  private worker?: Worker<ReturnDeadlineJob>;
  private sweep?: LeasedSweep;
  private unwatchQueue?: () => void;
  private readonly prefix: string;
  private readonly now: () => Date;

  constructor(
    private readonly returns: ReturnsService,
    private readonly options: ReturnDeadlinesOptions = {},
  ) {
    this.prefix = options.prefix ?? queuePrefix();
    this.now = options.now ?? (() => new Date());
  }

  private get started(): Queue<ReturnDeadlineJob> {
    if (!this.queue) throw new Error('Return deadlines are not started');
    return this.queue;
  }

  /**
   * Arms the return's timer for `lateFrom` on the service's clock. A timer already waiting is moved
   * to the delay that is left now (BullMQ counts delays in real time; a test clock may have moved);
   * one that gave up is armed again.
   */
  async schedule(returnId: string, lateFrom: Date): Promise<void> {
    const delay = Math.max(0, lateFrom.getTime() - this.now().getTime());
    const existing = await this.started.getJob(jobId(returnId));
    const state = existing ? await existing.getState() : 'missing';
    if (existing && state === 'delayed') {
      // A job turning active meanwhile re-checks the deadline itself.
      await existing.changeDelay(delay).catch(() => undefined);
      return;
    }
    if (existing && state === 'failed') await existing.remove().catch(() => undefined);
    await this.started.add('invoice-if-late', withTraceparent({ returnId }), {
      jobId: jobId(returnId),
      delay,
      attempts: 10,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    });
  }

  async cancel(returnId: string): Promise<void> {
    await this.started.remove(jobId(returnId));
  }

  /** Arms every open return's timer against the service's clock (same job id: never a second timer). */
  async rearm(): Promise<void> {
    for (const pending of await this.returns.expectedReturns()) await this.schedule(pending.id, pending.lateFrom);
  }

  /**
   * Starts the worker, arms every open return's timer now and then periodically (Redis may have
   * been down or lost them); with several replicas, one of them sweeps per period.
   */
  async start(): Promise<void> {
    this.redis = createRedis('worker', this.options.redisUrl);
    await assertNoEviction(this.redis);
    this.producer = createRedis('producer', this.options.redisUrl);
    this.producer.on('error', () => undefined); // a failed add is reported by its caller
    await waitForRedis(this.producer);
    this.queue = new Queue<ReturnDeadlineJob>(RETURN_DEADLINE_QUEUE, { connection: this.producer, prefix: this.prefix });
    this.unwatchQueue = watchQueue(this.queue);
    this.worker = new Worker<ReturnDeadlineJob>(
      RETURN_DEADLINE_QUEUE,
      (job) =>
        inJobSpan(RETURN_DEADLINE_QUEUE, job, () =>
          withJobLogContext(job, async () => {
            const outcome = await this.returns.invoiceIfLate(job.data.returnId, this.now());
            if (outcome === 'NOT_DUE') throw new Error('deadline not reached yet; retrying later');
            return outcome;
          }),
        ),
      { connection: createRedis('worker', this.options.redisUrl), prefix: this.prefix },
    );
    await this.worker.waitUntilReady();
    // One sweep per period across all replicas (a lease in Redis), the first one at start.
    this.sweep = startLeasedSweep({
      redis: this.producer,
      prefix: this.prefix,
      name: 'logistics-return-deadline-rearm',
      everyMs: this.options.rearmEveryMs ?? Number(process.env.RETURN_DEADLINE_REARM_MS ?? 10 * 60_000),
      run: () => this.rearm(),
      log: (message) => serviceLogger('returns').error(`re-arming return timers: ${message}`),
    });
    await this.sweep.tick();
  }

  async close(): Promise<void> {
    await this.sweep?.stop();
    if (this.worker) await closeWorkerWithin(this.worker);
    await this.worker?.disconnect();
    this.unwatchQueue?.();
    await this.queue?.close();
    this.producer?.disconnect();
    this.redis?.disconnect();
  }
}
