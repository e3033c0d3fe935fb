import type { Worker } from 'bullmq';

/**
 * `worker.close()` waits for active jobs without a limit: give them `graceMs` to finish, then force
 * the close so shutdown always ends (a forced job's lock lapses and another worker retries it).
 */
export async function closeWorkerWithin(worker: Worker, graceMs = 10_000): Promise<void> {
  const closing = worker.close();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
    timer.unref();
  });
  try {
    if ((await Promise.race([closing, timeout])) === 'timeout') await worker.close(true);
  } finally {
    clearTimeout(timer);
  }
}
