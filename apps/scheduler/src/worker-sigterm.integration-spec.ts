import { uniqueTestPrefix } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { enqueueRegionOptimisation } from '@polyplus/events';
import { OnsiteVisit, RegionPlanStore } from '@polyplus/dispatch-data';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';
import { addBusyRegion, addTechnician, addVisit } from './region-fixtures';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process';
import { openWorkerTestRig, type WorkerTestRig } from './worker-test-rig';

describe('scheduler worker shutdown', () => {
  const databasePrefix = uniqueTestPrefix('term');
  let rig: WorkerTestRig;
  let worker: WorkerProcess | undefined;
  let successor: SchedulerWorker | undefined;

  beforeAll(async () => {
    rig = await openWorkerTestRig(databasePrefix, databasePrefix.replace(/_$/, ''));
  }, 180_000);

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await successor?.close();
    await rig?.close();
  }, 60_000);

  it('SIGTERM with a job active: no new jobs fetched, the active one finishes, exit 0 within the grace period', async () => {
    const { dataSource, queue } = rig;
    const visits = await addBusyRegion(dataSource, 'R-TERM', 30);
    await addTechnician(dataSource, 'R-NEXT');
    await addVisit(dataSource, 'R-NEXT');
    worker = spawnWorkerProcess({ ...rig.workerEnv, SCHEDULER_OPTIMISER_MS: '3000' });
    await worker.ready;

    const active = await enqueueRegionOptimisation(queue, { region: 'R-TERM', reason: 'test' }, 10);
    await waitFor(async () => ((await queue.getJob(active.id as string))?.progress as { phase?: string }).phase === 'solving', 25);
    worker.child.kill('SIGTERM');
    // Enqueued while the active run still solves: a worker that kept fetching would take it next.
    const next = await enqueueRegionOptimisation(queue, { region: 'R-NEXT', reason: 'test' }, 10);

    // stopOnSignals exits 1 once its grace period is exceeded; 0 means the stop steps finished within it.
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).not.toContain('grace period exceeded');

    const plans = new RegionPlanStore(dataSource);
    expect(await queue.getJob(active.id as string)).toMatchObject({ returnvalue: { region: 'R-TERM', version: 1, stale: false } });
    expect(await queue.getJobState(active.id as string)).toBe('completed');
    expect((await plans.findPlan('R-TERM'))?.version).toBe(1);
    const stored = await dataSource.getRepository(OnsiteVisit).findBy({ region: 'R-TERM' });
    expect(stored).toHaveLength(visits.length);
    expect(stored.every((visit) => visit.planVersion === 1)).toBe(true);

    // The job enqueued after SIGTERM was never fetched: still queued, never started, no plan for its region.
    const untouched = await queue.getJob(next.id as string);
    expect(['waiting', 'delayed']).toContain(await queue.getJobState(next.id as string));
    expect([untouched?.attemptsStarted, untouched?.processedOn]).toEqual([0, undefined]);
    expect(await plans.findPlan('R-NEXT')).toBeNull();

    // ...and not lost: the next worker to start runs it.
    successor = await startSchedulerWorker(dataSource, rig.workerRedis, rig.queuePrefix, { timeLimitMs: 300 });
    await waitFor(async () => (await plans.findPlan('R-NEXT'))?.version === 1, 100);
  }, 60_000);
});
