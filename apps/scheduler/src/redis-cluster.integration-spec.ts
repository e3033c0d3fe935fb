import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { databaseName, dropDatabase, openDatabase } from '@polyplus/persistence';
import {
  createRedis,
  DISPATCH_OPTIMISATION_QUEUE,
  enqueueRegionOptimisation,
  type OptimiseRegionJob,
  type RedisConnection,
} from '@polyplus/events';
import { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS, OnsiteVisit, RegionPlanStore } from '@polyplus/dispatch-data';
import { type PrivateRedisCluster, startPrivateRedisCluster } from '@polyplus/testing';
import { waitFor } from '@polyplus/polling';
import { startSchedulerWorker, type SchedulerWorker } from './scheduler-worker';
import { addTechnician, addVisit } from './region-fixtures';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process';

// The scheduler's checks again, on a 3-master Redis Cluster of the test's own: the queue prefix is
// hash-tagged, so every key of the queue lives in one slot and BullMQ's scripts run there.
describe('the scheduler on a Redis Cluster', () => {
  const databasePrefix = `test_cluster_${randomBytes(4).toString('hex')}_`;
  const queuePrefix = `{test-${randomUUID()}}`;
  let cluster: PrivateRedisCluster;
  let producer: RedisConnection;
  let workerRedis: RedisConnection;
  let queue: Queue<OptimiseRegionJob>;
  let dataSource: DataSource;
  let child: WorkerProcess | undefined;
  let survivor: SchedulerWorker | undefined;

  beforeAll(async () => {
    cluster = await startPrivateRedisCluster(3);
    const env = { REDIS_CLUSTER_NODES: cluster.nodesEnv };
    producer = createRedis('producer', env);
    workerRedis = createRedis('worker', env);
    queue = new Queue<OptimiseRegionJob>(DISPATCH_OPTIMISATION_QUEUE, { connection: producer, prefix: queuePrefix });
    dataSource = await openDatabase({
      database: databaseName('dispatch', databasePrefix),
      entities: DISPATCH_ENTITIES,
      migrations: DISPATCH_MIGRATIONS,
    });
  }, 180_000);

  afterAll(async () => {
    child?.child.kill('SIGKILL');
    await survivor?.close();
    await queue?.close();
    producer?.disconnect();
    workerRedis?.disconnect();
    await dataSource?.destroy();
    await dropDatabase(databaseName('dispatch', databasePrefix));
    await cluster?.dispose();
  }, 60_000);

  it('a burst of events for one region becomes one pending job in the cluster', async () => {
    for (let i = 0; i < 20; i++) await enqueueRegionOptimisation(queue, { region: 'R-BURST', reason: `event ${i}` }, 60_000);
    const delayed = (await queue.getDelayed()).filter((job) => job.data.region === 'R-BURST');
    expect(delayed.map((job) => job.data.reason)).toEqual(['event 19']);
    await queue.remove(delayed[0].id as string);
  });

  it('killing the worker process mid-run (SIGKILL) loses no visit: another worker retries the job and the plan ends complete', async () => {
    for (let index = 0; index < 3; index++) await addTechnician(dataSource, 'R-KILL', { workFrom: '08:00', workTo: '17:00' });
    const visits = await Promise.all(
      Array.from({ length: 40 }, (_, index) => addVisit(dataSource, 'R-KILL', { latitude: 51.3 + index * 0.01 })),
    );
    child = spawnWorkerProcess({
      MYSQL_DATABASE_PREFIX: databasePrefix,
      REDIS_CLUSTER_NODES: cluster.nodesEnv,
      QUEUE_PREFIX: queuePrefix,
      SCHEDULER_LOCK_MS: '2000',
      SCHEDULER_STALLED_INTERVAL_MS: '1000',
      SCHEDULER_OPTIMISER_MS: '3000',
    });
    await child.ready;
    await enqueueRegionOptimisation(queue, { region: 'R-KILL', reason: 'test' }, 10);
    await waitFor(async () => (await queue.getActiveCount()) === 1);
    child.child.kill('SIGKILL');
    await child.exited;
    expect(await new RegionPlanStore(dataSource).findPlan('R-KILL')).toBeNull();

    survivor = await startSchedulerWorker(dataSource, workerRedis, queuePrefix, { stalledIntervalMs: 1_000 });
    await waitFor(async () => ((await new RegionPlanStore(dataSource).findPlan('R-KILL'))?.version ?? 0) >= 1, 250);
    const stored = await dataSource.getRepository(OnsiteVisit).findBy({ region: 'R-KILL' });
    expect(stored).toHaveLength(visits.length);
    expect(stored.every((visit) => visit.planVersion === 1 && (visit.status === 'PLANNED' || visit.unassignedReason !== null))).toBe(true);
    expect(stored.filter((visit) => visit.status === 'PLANNED').length).toBeGreaterThan(0);
  }, 180_000);
});
