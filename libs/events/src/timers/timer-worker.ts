import { DelayedError, type Job, type Worker } from 'bullmq';
import { serviceLogger, withJobLogContext } from '@polyplus/logger';
import { inJobSpan } from '@polyplus/telemetry';
import { closeWorkerWithin } from '../close-worker';
import type { RedisConnection } from '../redis';
import { openTimerWorker, type TimerQueue } from './timer-queues';

/** What a handler may do with the timer it runs. */
export type TimerRun<T> = {
  job: Job<T>;
  /**
   * Puts the timer back to wait `waitMs` more (real time) with `data`, without counting a failed
   * try: for a timer that fired before its due instant on the service's clock. Always throws.
   */
  waitMore(waitMs: number, data: T): Promise<never>;
};

export type TimerWorkerOptions<T> = {
  queue: TimerQueue;
  connection: RedisConnection;
  /** The queue prefix (`queuePrefix()`, a test's own prefix). */
  prefix: string;
  /** Runs at the due instant; a throw is a failed try, retried with the timer's backoff. Jobs run at least once. */
  handle: (data: T, run: TimerRun<T>) => Promise<unknown>;
  concurrency?: number;
  /** Told about each failed try (in the job's log context). */
  onFailed?: (error: Error, data: T | undefined) => void;
};

export type TimerWorker<T> = {
  worker: Worker<T>;
  /** Stops fetching timers and gives running ones `graceMs` to finish (default 10 s), then forces the close. */
  close(graceMs?: number): Promise<void>;
};

/** Runs a queue's timers as they fall due; the timers live in Redis and outlive this process. */
export async function startTimerWorker<T>(options: TimerWorkerOptions<T>): Promise<TimerWorker<T>> {
  const worker = openTimerWorker<T>(
    options.queue,
    (job, token) =>
      inJobSpan(options.queue, job, () =>
        withJobLogContext(job, () =>
          options.handle(job.data, {
            job,
            waitMore: async (waitMs, data) => {
              if (!token) throw new Error('a timer can wait more only while its worker holds it');
              await job.updateData(data);
              await job.moveToDelayed(Date.now() + waitMs, token);
              throw new DelayedError();
            },
          }),
        ),
      ),
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 1 },
  );
  // Without a listener BullMQ's errors (a lost connection, a lock not renewed) would throw out of the emitter.
  worker.on('error', (error) => serviceLogger('timers').error({ err: error, queue: options.queue }, 'timer worker error'));
  const { onFailed } = options;
  if (onFailed) worker.on('failed', (job, error) => withJobLogContext(job, () => onFailed(error, job?.data)));
  await worker.waitUntilReady();
  return { worker, close: (graceMs?: number) => closeWorkerWithin(worker, graceMs) };
}
