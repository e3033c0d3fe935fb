import { enqueueRegionOptimisation } from '@polyplus/events';
import { RegionPlanStore } from '@polyplus/dispatch-data';
import { waitFor } from '@polyplus/polling';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';
import { addBusyRegion } from './region-fixtures';
import { expectCompleteFirstPlan } from './region-plan-checks';
import { spawnWorkerProcess } from './worker-process';
import type { WorkerTestRig } from './worker-test-rig';

/**
 * Kills a worker process mid-run (SIGKILL), then starts another worker: the killed run's job is retried and
 * the region's plan ends complete. Shared by the tests on a single Redis and on a Redis Cluster.
 */
export async function expectKilledRunRetried(rig: WorkerTestRig, region: string, workerEnv: NodeJS.ProcessEnv = {}): Promise<void> {
  const visits = await addBusyRegion(rig.dataSource, region, 40);
  const plans = new RegionPlanStore(rig.dataSource);
  // A 2 s lock and 1 s stalled checks instead of BullMQ's 30 s: the survivor finds the killed worker's job within
  // seconds (the interval counts too: each check blocks the queue's next one for that long).
  const child = spawnWorkerProcess({ ...rig.workerEnv, SCHEDULER_LOCK_MS: '2000', SCHEDULER_STALLED_INTERVAL_MS: '1000', ...workerEnv });
  let survivor: SchedulerWorker | undefined;
  try {
    await child.ready;
    await enqueueRegionOptimisation(rig.queue, { region, reason: 'test' }, 10);
    // The optimiser's budget (2 s by default) leaves the job active long enough to kill it inside the run.
    await waitFor(async () => (await rig.queue.getActiveCount()) === 1);
    child.child.kill('SIGKILL');
    await child.exited;
    expect(await plans.findPlan(region)).toBeNull();

    survivor = await startSchedulerWorker(rig.dataSource, rig.workerRedis, rig.queuePrefix, { stalledIntervalMs: 1_000 });
    await waitFor(async () => ((await plans.findPlan(region))?.version ?? 0) >= 1, 250);
    await expectCompleteFirstPlan(
      rig.dataSource,
      region,
      visits.map((visit) => visit.id),
    );
  } finally {
    child.child.kill('SIGKILL');
    await survivor?.close();
  }
}
