import type { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import { uniqueTestPrefix } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, enqueueRegionOptimisation, type OptimiseRegionJob } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, OnsiteVisit, RegionPlanStore } from '@polyplus/dispatch-data';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';
import { addTechnician, addVisit } from './region-fixtures';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process';

describe('scheduler worker shutdown', () => {
  const databasePrefix = uniqueTestPrefix('term');
  const queuePrefix = databasePrefix.replace(/_$/, '');
  const redis = createRedis('producer');
  const workerRedis = createRedis('worker');
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix: queuePrefix });
  let dataSource: DataSource;
  let worker: WorkerProcess | undefined;
  let successor: SchedulerWorker | undefined;

  beforeAll(async () => {
    dataSource = await openDatabase({
      database: databaseName('dispatch', databasePrefix),
      entities: DISPATCH_ENTITIES,
      migrations: DISPATCH_MIGRATIONS,
    });
  }, 180_000);

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await successor?.close();
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    workerRedis.disconnect();
    await dataSource.destroy();
    await dropDatabase(databaseName('dispatch', databasePrefix));
  }, 60_000);

  it('SIGTERM with a job active: no new jobs fetched, the active one finishes, exit 0 within the grace period', async () => {
    for (let index = 0; index < 3; index++) await addTechnician(dataSource, 'R-TERM', { workFrom: '08:00', workTo: '17:00' });
    const visits = await Promise.all(
      Array.from({ length: 30 }, (_, index) => addVisit(dataSource, 'R-TERM', { latitude: 51.3 + index * 0.01 })),
    );
    await addTechnician(dataSource, 'R-NEXT');
    await addVisit(dataSource, 'R-NEXT');
    worker = spawnWorkerProcess({ MYSQL_DATABASE_PREFIX: databasePrefix, QUEUE_PREFIX: queuePrefix, SCHEDULER_OPTIMISER_MS: '3000' });
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
    successor = await startSchedulerWorker(dataSource, workerRedis, queuePrefix, { timeLimitMs: 300 });
    await waitFor(async () => (await plans.findPlan('R-NEXT'))?.version === 1, 100);
  }, 60_000);
});
