import { Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { assertNoEviction, DISPATCH_OPTIMISATION_QUEUE, queuePrefix, type OptimiseRegionJob } from '@polyplus/events';
import { RegionPlanStore } from '@polyplus/dispatch-data';
import { optimiseRegionProcessor, type ProcessorOptions } from './optimise-region.processor';

export type SchedulerWorker = { worker: Worker<OptimiseRegionJob>; close(graceMs?: number): Promise<void> };

/** The BullMQ worker of the `dispatch-optimisation` queue over the dispatch database. */
export async function startSchedulerWorker(dataSource: DataSource, redis: Redis, prefix = queuePrefix(), options: ProcessorOptions = {}): Promise<SchedulerWorker> {
  await assertNoEviction(redis);
  const worker = new Worker<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, optimiseRegionProcessor(new RegionPlanStore(dataSource), options), {
    connection: redis,
    prefix,
    concurrency: 1,
  });
  worker.on('failed', (job, error) => console.error(`[scheduler] job ${job?.id} for ${job?.data.region} failed: ${error.message}`));
  await worker.waitUntilReady();
  return {
    worker,
    // worker.close() waits for active jobs without a limit: bound it so shutdown always ends.
    async close(graceMs = 10_000) {
      const closing = worker.close();
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
      if ((await Promise.race([closing, timeout])) === 'timeout') await worker.close(true);
    },
  };
}
