import type { Queue } from 'bullmq';

/** Every queue key lives under this prefix; tests use their own so they never see each other's jobs. */
export function queuePrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.QUEUE_PREFIX ?? 'polyplus';
}

export const DISPATCH_OPTIMISATION_QUEUE = 'dispatch-optimisation';

export type OptimiseRegionJob = { region: string; reason: string };

export const OPTIMISE_REGION = 'optimise-region';

/**
 * Debounced per region: events in a burst collapse into one job that runs `debounceMs` after the
 * last of them (BullMQ deduplication in debounce mode: the delay restarts and the payload is replaced).
 */
export function enqueueRegionOptimisation(queue: Queue<OptimiseRegionJob>, job: OptimiseRegionJob, debounceMs = 500) {
  return queue.add(OPTIMISE_REGION, job, {
    delay: debounceMs,
    deduplication: { id: `region:${job.region}`, ttl: debounceMs, extend: true, replace: true },
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: 1_000,
    removeOnFail: 5_000,
  });
}
