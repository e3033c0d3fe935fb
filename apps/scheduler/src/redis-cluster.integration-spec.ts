import { randomBytes, randomUUID } from 'node:crypto';
import { enqueueRegionOptimisation } from '@polyplus/events';
import { type PrivateRedisCluster, startPrivateRedisCluster } from '@polyplus/testing';
import { expectKilledRunRetried } from './killed-worker-scenario';
import { openWorkerTestRig, type WorkerTestRig } from './worker-test-rig';

// The scheduler's checks again, on a 3-master Redis Cluster of the test's own: the queue prefix is
// hash-tagged, so every key of the queue lives in one slot and BullMQ's scripts run there.
describe('the scheduler on a Redis Cluster', () => {
  const databasePrefix = `test_cluster_${randomBytes(4).toString('hex')}_`;
  const queuePrefix = `{test-${randomUUID()}}`;
  let cluster: PrivateRedisCluster;
  let rig: WorkerTestRig;

  beforeAll(async () => {
    cluster = await startPrivateRedisCluster(3);
    rig = await openWorkerTestRig(databasePrefix, queuePrefix, { REDIS_CLUSTER_NODES: cluster.nodesEnv });
  }, 180_000);

  afterAll(async () => {
    await rig?.close();
    await cluster?.dispose();
  }, 60_000);

  it('a burst of events for one region becomes one pending job in the cluster', async () => {
    for (let i = 0; i < 20; i++) await enqueueRegionOptimisation(rig.queue, { region: 'R-BURST', reason: `event ${i}` }, 60_000);
    const delayed = (await rig.queue.getDelayed()).filter((job) => job.data.region === 'R-BURST');
    expect(delayed.map((job) => job.data.reason)).toEqual(['event 19']);
    await rig.queue.remove(delayed[0].id as string);
  });

  it(
    'killing the worker process mid-run (SIGKILL) loses no visit: another worker retries the job and the plan ends complete',
    () => expectKilledRunRetried(rig, 'R-KILL', { SCHEDULER_OPTIMISER_MS: '3000' }),
    180_000,
  );
});
