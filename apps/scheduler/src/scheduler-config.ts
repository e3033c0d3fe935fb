import { readConfig, schedulerGroup } from '@polyplus/config';
import type { SchedulerWorkerOptions } from './scheduler-worker';

/**
 * Worker settings of the scheduler's schema. Unset means BullMQ's defaults (30 s lock, stalled check
 * every 30 s) and the processor's 2 s optimiser budget.
 * - `SCHEDULER_LOCK_MS`: how long a job's lock lives without renewal before another worker takes the job over;
 * - `SCHEDULER_STALLED_INTERVAL_MS`: how often each worker looks for jobs whose lock lapsed;
 * - `SCHEDULER_OPTIMISER_MS`: the optimiser's time budget per run.
 * A typo stops start-up (the schema refuses it): a zero or NaN lock would make every job look stalled.
 */
export function schedulerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerWorkerOptions {
  const config = readConfig(schedulerGroup, env);
  const options: SchedulerWorkerOptions = {};
  if (config.SCHEDULER_LOCK_MS !== undefined) options.lockDurationMs = config.SCHEDULER_LOCK_MS;
  if (config.SCHEDULER_STALLED_INTERVAL_MS !== undefined) options.stalledIntervalMs = config.SCHEDULER_STALLED_INTERVAL_MS;
  if (config.SCHEDULER_OPTIMISER_MS !== undefined) options.timeLimitMs = config.SCHEDULER_OPTIMISER_MS;
  return options;
}

/** `SCHEDULER_HEALTH_PORT`: where the worker answers `/health` (for orchestrators' probes); unset, no HTTP server is started. 0 picks a free port. */
export function schedulerHealthPort(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return readConfig(schedulerGroup, env).SCHEDULER_HEALTH_PORT;
}
