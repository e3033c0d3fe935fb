import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import { uniqueTestPrefix } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, enqueueRegionOptimisation, type OptimiseRegionJob } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, OnsiteVisit, RegionPlanStore } from '@polyplus/dispatch-data';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';
import { addTechnician, addVisit } from './region-fixtures';

const ROOT = join(__dirname, '..', '..', '..');

describe('scheduler worker process', () => {
  const databasePrefix = uniqueTestPrefix('kill');
  const queuePrefix = databasePrefix.replace(/_$/, '');
  const redis = createRedis('producer');
  const workerRedis = createRedis('worker');
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix: queuePrefix });
  let dataSource: DataSource;
  let child: ChildProcess | undefined;
  let survivor: SchedulerWorker | undefined;

  beforeAll(async () => {
    dataSource = await openDatabase({
      database: databaseName('dispatch', databasePrefix),
      entities: DISPATCH_ENTITIES,
      migrations: DISPATCH_MIGRATIONS,
    });
  }, 180_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await survivor?.close();
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    workerRedis.disconnect();
    await dataSource.destroy();
    await dropDatabase(databaseName('dispatch', databasePrefix));
  }, 60_000);

  it('killing the worker process mid-run (SIGKILL) loses no visit: the job is retried and the plan ends complete', async () => {
    for (let index = 0; index < 3; index++) await addTechnician(dataSource, 'R-KILL', { workFrom: '08:00', workTo: '17:00' });
    const visits = await Promise.all(
      Array.from({ length: 40 }, (_, index) => addVisit(dataSource, 'R-KILL', { latitude: 51.3 + index * 0.01 })),
    );
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/scheduler/src/main.ts'], {
      cwd: ROOT,
      // A 2 s lock and 1 s stalled checks instead of BullMQ's 30 s: the survivor finds the killed worker's job within
      // seconds (the interval counts too: each check blocks the queue's next one for that long).
      env: {
        ...process.env,
        MYSQL_DATABASE_PREFIX: databasePrefix,
        QUEUE_PREFIX: queuePrefix,
        SCHEDULER_LOCK_MS: '2000',
        SCHEDULER_STALLED_INTERVAL_MS: '1000',
      },
      stdio: 'ignore',
    });
    await enqueueRegionOptimisation(queue, { region: 'R-KILL', reason: 'test' }, 10);
    // The default optimiser budget (2 s) leaves the job active long enough to kill it inside the run.
    await waitFor(async () => (await queue.getActiveCount()) === 1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    expect(await new RegionPlanStore(dataSource).findPlan('R-KILL')).toBeNull();

    survivor = await startSchedulerWorker(dataSource, workerRedis, queuePrefix, { stalledIntervalMs: 1_000 });
    await waitFor(async () => ((await new RegionPlanStore(dataSource).findPlan('R-KILL'))?.version ?? 0) >= 1, 250);
    const stored = await dataSource.getRepository(OnsiteVisit).findBy({ region: 'R-KILL' });
    expect(stored).toHaveLength(visits.length);
    expect(stored.every((visit) => visit.planVersion === 1 && (visit.status === 'PLANNED' || visit.unassignedReason !== null))).toBe(true);
    expect(stored.filter((visit) => visit.status === 'PLANNED').length).toBeGreaterThan(0);
  }, 120_000);
});
