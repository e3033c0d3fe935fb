import { hostname } from 'node:os';
import { Queue, Worker, type WorkerOptions } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  assertNoEviction,
  closeWorkerWithin,
  DISPATCH_OPTIMISATION_QUEUE,
  queuePrefix,
  type OptimiseRegionJob,
  type RedisConnection,
} from '@polyplus/events';
import { RegionPlanStore } from '@polyplus/dispatch-data';
import { createServiceClock } from '@polyplus/clock';
import { serviceLogger, withJobLogContext } from '@polyplus/logger';
import { inJobSpan } from '@polyplus/telemetry';
import { recordOptimiserRun, watchDbPool, watchQueue } from '@polyplus/metrics';
import { optimiseRegionProcessor, type OptimiseRegionResult, type ProcessorOptions } from './optimise-region.processor';

export type SchedulerWorker = { worker: Worker<OptimiseRegionJob>; close(graceMs?: number): Promise<void> };

export type SchedulerWorkerOptions = ProcessorOptions & {
  /** BullMQ `lockDuration`: a job whose lock is not renewed for this long is taken over by another worker. */
  lockDurationMs?: number;
  /** BullMQ `stalledInterval`: how often this worker looks for jobs whose lock lapsed. */
  stalledIntervalMs?: number;
};

/** Stored on every job the worker takes (`job.processedBy`): which process ran, or took over, a run. */
export function schedulerWorkerName(pid: number = process.pid): string {
  return `scheduler@${hostname()}:${pid}`;
}

/**
 * The BullMQ worker of the `dispatch-optimisation` queue over the dispatch database. Plans start
 * from "now" on the service clock (`options.now` overrides it): system time in production, the
 * stack's test clock under the same queue prefix elsewhere.
 */
export async function startSchedulerWorker(
  dataSource: DataSource,
  redis: RedisConnection,
  prefix = queuePrefix(),
  options: SchedulerWorkerOptions = {},
): Promise<SchedulerWorker> {
  await assertNoEviction(redis);
  const { lockDurationMs, stalledIntervalMs, ...processorOptions } = options;
  const clock = createServiceClock({ prefix });
  if (!processorOptions.now) await clock.start();
  const optimise = optimiseRegionProcessor(new RegionPlanStore(dataSource), { now: clock.now, ...processorOptions });
  const workerOptions: WorkerOptions = { connection: redis, prefix, concurrency: 1, name: schedulerWorkerName() };
  // Only what is configured: BullMQ copies an undefined option over its default.
  if (lockDurationMs) workerOptions.lockDuration = lockDurationMs;
  if (stalledIntervalMs) workerOptions.stalledInterval = stalledIntervalMs;
  const worker = new Worker<OptimiseRegionJob, OptimiseRegionResult>(
    DISPATCH_OPTIMISATION_QUEUE,
    async (job) => {
      const started = Date.now();
      // The run joins the trace of the event that asked for it (the traceparent in the job's data).
      const result = await inJobSpan(DISPATCH_OPTIMISATION_QUEUE, job, () => optimise(job)).catch((error: unknown) => {
        recordOptimiserRun({ region: job.data.region, outcome: 'failed', runMs: Date.now() - started });
        throw error;
      });
      recordOptimiserRun({
        region: result.region,
        outcome: result.stale ? 'stale' : 'committed',
        runMs: Date.now() - started,
        plan: result.quality,
      });
      // Expected after a takeover (this worker was paused past its lock) or a change mid-run; a newer run owns the plan.
      if (result.stale)
        withJobLogContext(job, () =>
          serviceLogger('optimiser').info({ region: result.region }, `job ${job.id} for ${result.region} was stale: plan not committed`),
        );
      return result;
    },
    workerOptions,
  );
  worker.on('failed', (job, error) =>
    withJobLogContext(job, () => serviceLogger('optimiser').error({ err: error, region: job?.data.region }, 'optimisation job failed')),
  );
  // A worker that outlived its lock gets errors renewing or finishing the job another worker took over.
  worker.on('error', (error) => serviceLogger('optimiser').error({ err: error }, 'worker error'));
  await worker.waitUntilReady();
  // The queue this worker drains and the database it plans in, reported at each scrape.
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix });
  const unwatch = [watchQueue(queue), watchDbPool(dataSource)];
  return {
    worker,
    close: async (graceMs?: number) => {
      for (const stopWatching of unwatch) stopWatching();
      await closeWorkerWithin(worker, graceMs);
      await queue.close();
      await clock.close();
    },
  };
}
