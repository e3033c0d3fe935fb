import type { Queue } from 'bullmq';
import { onScrape, scrapeTimeGauge } from './scrape-time';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

const jobs = scrapeTimeGauge({
  name: 'polyplus_queue_jobs',
  help: 'BullMQ jobs of a queue by state (waiting, active, delayed, failed, prioritized, waiting-children), read at scrape time.',
  labelNames: ['queue', 'state'],
});

const oldestWaiting = scrapeTimeGauge({
  name: 'polyplus_queue_oldest_waiting_age_seconds',
  help: 'How long the oldest waiting job of a queue has been ready to run (0 when none waits).',
  labelNames: ['queue'],
});

/** When the oldest waiting job became ready: added, or due after its delay. */
async function oldestReadyAt(queue: Queue): Promise<number | undefined> {
  // Ascending from the oldest: workers take from the tail of the wait list, which this reads first.
  const [job] = await queue.getWaiting(0, 0);
  if (!job) return undefined;
  return job.timestamp + (job.delay ?? 0);
}

/** Reads a queue's job counts and oldest waiting job at each scrape, until the returned function is called. */
export function watchQueue(queue: Queue): () => void {
  return onScrape('queue', async () => {
    const counts = await queue.getJobCounts(...STATES);
    for (const state of STATES) jobs.set({ queue: queue.name, state }, counts[state] ?? 0);
    const readyAt = await oldestReadyAt(queue);
    oldestWaiting.set({ queue: queue.name }, readyAt === undefined ? 0 : Math.max(0, (Date.now() - readyAt) / 1000));
  });
}
