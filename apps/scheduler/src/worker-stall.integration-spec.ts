import { In, type DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import { uniqueTestPrefix } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, enqueueRegionOptimisation, OutboxEvent, type OptimiseRegionJob } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, OnsiteVisit, RegionPlanStore } from '@polyplus/dispatch-data';
import { addTechnician, addVisit } from './region-fixtures';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process';

describe('scheduler worker paused past its lock', () => {
  const databasePrefix = uniqueTestPrefix('stall');
  const queuePrefix = databasePrefix.replace(/_$/, '');
  const redis = createRedis('producer');
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix: queuePrefix });
  let dataSource: DataSource;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    dataSource = await openDatabase({
      database: databaseName('dispatch', databasePrefix),
      entities: DISPATCH_ENTITIES,
      migrations: DISPATCH_MIGRATIONS,
    });
  }, 180_000);

  afterAll(async () => {
    for (const { child } of workers) {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    await dataSource.destroy();
    await dropDatabase(databaseName('dispatch', databasePrefix));
  }, 60_000);

  it('a worker SIGSTOPped past its lock is taken over by another worker, and after SIGCONT the plan is committed once', async () => {
    for (let index = 0; index < 3; index++) await addTechnician(dataSource, 'R-STALL', { workFrom: '08:00', workTo: '17:00' });
    const visits = await Promise.all(
      Array.from({ length: 30 }, (_, index) => addVisit(dataSource, 'R-STALL', { latitude: 51.3 + index * 0.01 })),
    );
    // A 2 s lock checked every second: a paused worker loses its job within seconds, not BullMQ's default 30 s.
    const env = {
      MYSQL_DATABASE_PREFIX: databasePrefix,
      QUEUE_PREFIX: queuePrefix,
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
    const stored = await dataSource.getRepository(OnsiteVisit).findBy({ region: 'R-STALL' });
    expect(stored.map((visit) => visit.id).sort()).toEqual(visits.map((visit) => visit.id).sort());
    expect(stored.every((visit) => visit.planVersion === 1 && (visit.status === 'PLANNED' || visit.unassignedReason !== null))).toBe(true);
    const planned = stored.filter((visit) => visit.status === 'PLANNED');
    expect(planned.length).toBeGreaterThan(0);
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
