import { DurableTimers, RETURN_DEADLINE_QUEUE } from '@polyplus/events';
import type { ReturnsService } from './returns.service';

export { RETURN_DEADLINE_QUEUE };

type ReturnDeadlineJob = { returnId: string };

export type ReturnDeadlinesOptions = {
  redisUrl?: string;
  prefix?: string;
  now?: () => Date;
  /** How often every open return's timer is re-armed (default `RETURN_DEADLINE_REARM_MS` or 10 min). */
  rearmEveryMs?: number;
};

/**
 * Return deadlines as durable timers (BullMQ delayed jobs in Redis, so they survive restarts), one
 * per return. The handler is idempotent because a timer can run twice. A delivery recorded while
 * Redis is down answers at once; the timer it could not arm is armed by the next periodic sweep
 * over open returns. Connections open in `start`, so building the schema (e.g. to print SDL) needs no Redis.
 */
export class ReturnDeadlines {
  private readonly timers: DurableTimers<ReturnDeadlineJob>;

  constructor(returns: ReturnsService, options: ReturnDeadlinesOptions = {}) {
    const now = options.now ?? (() => new Date());
    this.timers = new DurableTimers<ReturnDeadlineJob>({
      queue: RETURN_DEADLINE_QUEUE,
      kind: 'return',
      jobName: 'invoice-if-late',
      attempts: 10,
      backoffMs: 5_000,
      keepFailed: 1_000,
      prefix: options.prefix,
      redisUrl: options.redisUrl,
      now,
      handle: async ({ returnId }) => {
        const outcome = await returns.invoiceIfLate(returnId, now());
        if (outcome === 'NOT_DUE') throw new Error('deadline not reached yet; retrying later');
        return outcome;
      },
      pending: async () =>
        (await returns.expectedReturns()).map((pending) => ({ key: pending.id, dueAt: pending.lateFrom, data: { returnId: pending.id } })),
      sweep: {
        name: 'logistics-return-deadline-rearm',
        everyMs: options.rearmEveryMs ?? Number(process.env.RETURN_DEADLINE_REARM_MS ?? 10 * 60_000),
      },
      logName: 'returns',
    });
  }

  /** Arms the return's timer for `lateFrom` on the service's clock (a timer already waiting is moved). */
  schedule(returnId: string, lateFrom: Date): Promise<void> {
    return this.timers.arm(returnId, lateFrom, { returnId });
  }

  cancel(returnId: string): Promise<void> {
    return this.timers.disarm(returnId);
  }

  /** Arms every open return's timer against the service's clock (one timer per return, never a second). */
  rearm(): Promise<void> {
    return this.timers.rearm();
  }

  /** Starts the worker and arms every open return's timer now and then periodically (one replica per period). */
  start(): Promise<void> {
    return this.timers.start();
  }

  close(): Promise<void> {
    return this.timers.close();
  }
}
