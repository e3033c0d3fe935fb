import { In } from 'typeorm';
import { uniqueTestPrefix } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { enqueueRegionOptimisation, OutboxEvent } from '@polyplus/events';
import { RegionPlanStore } from '@polyplus/dispatch-data';
import { addBusyRegion } from './region-fixtures';
import { expectCompleteFirstPlan } from './region-plan-checks';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process';
import { openWorkerTestRig, type WorkerTestRig } from './worker-test-rig';

describe('scheduler worker paused past its lock', () => {
  const databasePrefix = uniqueTestPrefix('stall');
  let rig: WorkerTestRig;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    rig = await openWorkerTestRig(databasePrefix, databasePrefix.replace(/_$/, ''));
  }, 180_000);

  afterAll(async () => {
    for (const { child } of workers) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await rig?.close();
  }, 60_000);

  it('a worker SIGSTOPped past its lock is taken over by another worker, and after SIGCONT the plan is committed once', async () => {
    const { dataSource, queue } = rig;
    const visits = await addBusyRegion(dataSource, 'R-STALL', 30);
    // A 2 s lock checked every second: a paused worker loses its job within seconds, not BullMQ's default 30 s.
    const env = {
      ...rig.workerEnv,
      SCHEDULER_LOCK_MS: '2000',
      SCHEDULER_STALLED_INTERVAL_MS: '1000',
      SCHEDULER_OPTIMISER_MS: '3000',
    };
    workers = [spawnWorkerProcess(env), spawnWorkerProcess(env)];
    await Promise.all(workers.map((worker) => worker.ready));

    const { id } = await enqueueRegionOptimisation(queue, { region: 'R-STALL', reason: 'test' }, 10);
    const job = async () => (await queue.getJob(id as string))!;
    // Paused only once it has read the region: its result is then based on plan version 0.
    await waitFor(async () => ((await job()).progress as { phase?: string }).phase === 'solving', 25);
    const { processedBy } = await job();
    const holder = workers.find((worker) => worker.name === processedBy) as WorkerProcess;
    const taker = workers.find((worker) => worker.name !== processedBy) as WorkerProcess;
    expect([holder?.name, taker?.name].sort()).toEqual(workers.map((worker) => worker.name).sort());
    holder.child.kill('SIGSTOP');

    const plans = new RegionPlanStore(dataSource);
    await waitFor(async () => (await queue.getJobState(id as string)) === 'completed', 100);
    expect(await job()).toMatchObject({ processedBy: taker.name, stalledCounter: 1, returnvalue: { version: 1, stale: false } });
    expect((await plans.findPlan('R-STALL'))?.version).toBe(1);

    // Resumed and asked to stop: a graceful stop lets the paused run finish first, so its outcome is known at exit.
    holder.child.kill('SIGCONT');
    for (const worker of workers) worker.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    expect(holder.output()).toContain(`job ${id} for R-STALL was stale: plan not committed`);

    // One committed plan version, every visit in it exactly once, one visit.changed per planned visit.
    expect((await plans.findPlan('R-STALL'))?.version).toBe(1);
    const planned = await expectCompleteFirstPlan(
      dataSource,
      'R-STALL',
      visits.map((visit) => visit.id),
    );
    const events = await dataSource.getRepository(OutboxEvent).findBy({ aggregateKey: In(visits.map((visit) => visit.id)) });
    expect(events.map((event) => event.aggregateKey).sort()).toEqual(planned.map((visit) => visit.id).sort());

    // The stale finisher changed nothing in the queue either: the job stays completed, nothing pending.
    expect(await queue.getJobState(id as string)).toBe('completed');
    expect(await queue.getJobCounts('waiting', 'paused', 'delayed', 'active', 'prioritized', 'failed')).toEqual({
      waiting: 0,
      paused: 0,
      delayed: 0,
      active: 0,
      prioritized: 0,
      failed: 0,
    });
  }, 60_000);
});
