import type { Queue } from 'bullmq';
import { withTraceparent, type TracedJobData } from '@polyplus/telemetry';
import { hashTagOf } from './keys';
import { isClusterConfigured } from './redis';

/**
 * The default key prefix, hash-tagged: every queue, the event stream and the rate limiter's keys
 * share one Redis Cluster slot, as BullMQ's scripts and the stream's transactions need. The same
 * keys on a single server, so moving to a cluster renames nothing.
 */
export const DEFAULT_QUEUE_PREFIX = '{polyplus}';

/**
 * Every queue key lives under this prefix (`QUEUE_PREFIX`, default {@link DEFAULT_QUEUE_PREFIX});
 * tests use their own so they never see each other's jobs. In a Redis Cluster
 * (`REDIS_CLUSTER_NODES`) the prefix must carry a hash tag (`{name}`); one without is refused here,
 * at start-up, rather than failing later with CROSSSLOT errors.
 */
export function queuePrefix(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX;
  if (hashTagOf(prefix) === undefined && isClusterConfigured(env)) {
    throw new Error(
      `QUEUE_PREFIX "${prefix}" has no hash tag; in a Redis Cluster use e.g. "{${prefix}}" so each queue's keys share a slot`,
    );
  }
  return prefix;
}

/** `traceparent`: the trace of the event or request that asked for the run (absent on older jobs). */
export type OptimiseRegionJob = { region: string; reason: string } & TracedJobData;

export const OPTIMISE_REGION = 'optimise-region';

/**
 * Debounced per region: events in a burst collapse into one job that runs `debounceMs` after the
 * last of them (BullMQ deduplication in debounce mode: the delay restarts and the payload is replaced,
 * so the run joins the trace of the last of them).
 */
export function enqueueRegionOptimisation(queue: Queue<OptimiseRegionJob>, job: OptimiseRegionJob, debounceMs = 500) {
  return queue.add(OPTIMISE_REGION, withTraceparent(job), {
    delay: debounceMs,
    deduplication: { id: `region:${job.region}`, ttl: debounceMs, extend: true, replace: true },
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: 1_000,
    removeOnFail: 5_000,
  });
}
