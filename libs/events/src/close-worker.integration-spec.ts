import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { closeWorkerWithin } from './close-worker';
import { deleteKeysMatching } from './delete-keys';
import { createRedis } from './redis';

describe('closing a worker within a grace period', () => {
  const prefix = `test-close-worker-${randomUUID()}`;
  const redis = createRedis('worker');
  const queue = new Queue('close-worker', { connection: redis, prefix });

  afterAll(async () => {
    await queue.close();
    await deleteKeysMatching(redis, `${prefix}:*`);
    redis.disconnect();
  }, 60_000);

  function workerRunning(processor: () => Promise<void>): { worker: Worker; started: Promise<void> } {
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const worker = new Worker(
      'close-worker',
      async () => {
        markStarted();
        await processor();
      },
      { connection: createRedis('worker'), prefix },
    );
    return { worker, started };
  }

  it('a job that finishes within the grace period finishes before the worker closes', async () => {
    let finished = false;
    const { worker, started } = workerRunning(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
    });
    await queue.add('finishes', {});
    await started;
    await closeWorkerWithin(worker, 30_000);
    expect(finished).toBe(true);
  }, 60_000);

  it('a job that never finishes does not keep the worker from closing once the grace period is over', async () => {
    const { worker, started } = workerRunning(() => new Promise<void>(() => undefined));
    await queue.add('never finishes', {});
    await started;
    const closed = closeWorkerWithin(worker, 200).then(() => 'closed' as const);
    const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 30_000).unref());
    expect(await Promise.race([closed, stuck])).toBe('closed');
  }, 60_000);
});
