import type { Worker } from 'bullmq';

/**
 * `worker.close()` waits for active jobs without a limit: give them `graceMs` to finish, then close
 * forced so shutdown always ends (a forced job's lock lapses and another worker retries it). The wait
 * is a pause, not a first close: BullMQ answers a second close with the first one's promise, so a
 * forced close after a plain one would wait for the stuck job all the same.
 */
export async function closeWorkerWithin(worker: Worker, graceMs = 10_000): Promise<void> {
  const drained = worker.pause(); // takes no new job, resolves when the running ones have finished
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([drained.then(() => 'drained' as const), timeout]);
    await worker.close(outcome === 'timeout');
  } finally {
    clearTimeout(timer);
  }
}
