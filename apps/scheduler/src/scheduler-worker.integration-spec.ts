import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { deleteRedisKeys } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { createRedis, DISPATCH_OPTIMISATION_QUEUE, enqueueRegionOptimisation, type OptimiseRegionJob } from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, RegionPlanStore } from '@polyplus/dispatch-data';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';

describe('scheduler worker', () => {
  const prefix = `test-scheduler-${randomUUID()}`;
  const redis = createRedis('worker');
  const workerRedis = createRedis('worker');
  const eventsRedis = createRedis('worker');
  const queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: redis, prefix });
  const events = new QueueEvents(DISPATCH_OPTIMISATION_QUEUE, { connection: eventsRedis, prefix });
  let db: TestDatabase;
  let scheduler: SchedulerWorker;

  beforeAll(async () => {
    db = await createTestDatabase('scheduler', { entities: DISPATCH_ENTITIES, migrations: DISPATCH_MIGRATIONS });
    scheduler = await startSchedulerWorker(db.dataSource, workerRedis, prefix);
    await events.waitUntilReady();
  }, 180_000);

  const pendingJobs = async () => {
    const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  };

  afterAll(async () => {
    await scheduler.close();
    await queue.obliterate({ force: true });
    await Promise.all([queue.close(), events.close()]);
    for (const connection of [redis, workerRedis, eventsRedis]) connection.disconnect();
    await db.drop();
    await Promise.all([deleteRedisKeys(prefix), deleteRedisKeys(`${prefix}-closing`)]);
  }, 60_000);

  it('a region optimisation job round-trips through Redis and commits a new plan version', async () => {
    const job = await enqueueRegionOptimisation(queue, { region: 'UK-SOUTH', reason: 'test' }, 10);
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result).toMatchObject({ region: 'UK-SOUTH', version: 1, openVisits: 0, stale: false });
    expect((await new RegionPlanStore(db.dataSource).findPlan('UK-SOUTH'))?.version).toBe(1);
  });

  it('a burst of 100 events produces a handful of optimisation runs, not 100', async () => {
    const runs: string[] = [];
    scheduler.worker.on('completed', (job) => void runs.push(job.id as string));
    for (let event = 0; event < 100; event++) await enqueueRegionOptimisation(queue, { region: 'BURST', reason: `event ${event}` }, 300);
    await waitFor(async () => (await new RegionPlanStore(db.dataSource).findPlan('BURST')) !== null && (await pendingJobs()) === 0);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(5);
  });

  it('stops fetching and closes within its grace period', async () => {
    const connection = createRedis('worker');
    const closing = await startSchedulerWorker(db.dataSource, connection, `${prefix}-closing`);
    const started = Date.now();
    await closing.close(2_000);
    connection.disconnect();
    expect(closing.worker.isRunning()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
