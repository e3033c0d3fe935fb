import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createRedis, assertNoEviction } from './redis';
import { enqueueRegionOptimisation, type OptimiseRegionJob } from './queues';

describe('region optimisation queue', () => {
  const redis = createRedis('worker');
  const prefix = `test-events-${randomUUID()}`;
  const queue = new Queue<OptimiseRegionJob>('dispatch-optimisation', { connection: redis, prefix });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  }, 60_000);

  it('collapses a burst of events for one region into one pending job carrying the latest reason', async () => {
    for (let i = 0; i < 20; i++) await enqueueRegionOptimisation(queue, { region: 'UK-SOUTH', reason: `event ${i}` }, 5_000);
    await enqueueRegionOptimisation(queue, { region: 'DE-EAST', reason: 'other region' }, 5_000);
    const delayed = await queue.getDelayed();
    const byRegion = Object.fromEntries(delayed.map((job) => [job.data.region, job.data.reason]));
    expect(delayed).toHaveLength(2);
    expect(byRegion).toEqual({ 'UK-SOUTH': 'event 19', 'DE-EAST': 'other region' });
  });

  it('accepts a Redis that never evicts keys', async () => {
    await expect(assertNoEviction(redis)).resolves.toBeUndefined();
  });
});
