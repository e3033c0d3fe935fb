import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { assertNoEviction, createRedis, queuePrefix } from '@polyplus/events';
import type { ReturnsService } from './returns.service';

export const RETURN_DEADLINE_QUEUE = 'return-deadlines';

type ReturnDeadlineJob = { returnId: string };

const jobId = (returnId: string) => `return-${returnId}`;

export type ReturnDeadlinesOptions = { redisUrl?: string; prefix?: string; now?: () => Date };

/**
 * Return deadlines as BullMQ delayed jobs: they live in Redis, so they survive restarts. One job
 * per return (the return id is the job id); the handler is idempotent because a job can run twice.
 * Connections open in `start`, so building the schema (e.g. to print SDL) needs no Redis.
 */
export class ReturnDeadlines {
  private redis?: Redis;
  private queue?: Queue<ReturnDeadlineJob>;
  private worker?: Worker<ReturnDeadlineJob>;
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

  async schedule(returnId: string, lateFrom: Date): Promise<void> {
    await this.started.add('invoice-if-late', { returnId }, {
      jobId: jobId(returnId),
      delay: Math.max(0, lateFrom.getTime() - this.now().getTime()),
      attempts: 10,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    });
  }

  async cancel(returnId: string): Promise<void> {
    await this.started.remove(jobId(returnId));
  }

  /** Starts the worker and re-arms every open return's timer (one may have been missed while Redis was down). */
  async start(): Promise<void> {
    this.redis = createRedis('worker', this.options.redisUrl);
    await assertNoEviction(this.redis);
    this.queue = new Queue<ReturnDeadlineJob>(RETURN_DEADLINE_QUEUE, { connection: this.redis, prefix: this.prefix });
    this.worker = new Worker<ReturnDeadlineJob>(
      RETURN_DEADLINE_QUEUE,
      async (job) => {
        const outcome = await this.returns.invoiceIfLate(job.data.returnId, this.now());
        if (outcome === 'NOT_DUE') throw new Error('deadline not reached yet; retrying later');
        return outcome;
      },
      { connection: createRedis('worker', this.options.redisUrl), prefix: this.prefix },
    );
    await this.worker.waitUntilReady();
    for (const pending of await this.returns.expectedReturns()) await this.schedule(pending.id, pending.lateFrom);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.worker?.disconnect();
    await this.queue?.close();
    this.redis?.disconnect();
  }
}
