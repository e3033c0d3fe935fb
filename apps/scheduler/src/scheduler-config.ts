import type { SchedulerWorkerOptions } from './scheduler-worker';

/**
 * Worker settings from the environment. Unset means BullMQ's defaults (30 s lock, stalled check
 * every 30 s) and the processor's 2 s optimiser budget.
 * - `SCHEDULER_LOCK_MS`: how long a job's lock lives without renewal before another worker takes the job over;
 * - `SCHEDULER_STALLED_INTERVAL_MS`: how often each worker looks for jobs whose lock lapsed;
 * - `SCHEDULER_OPTIMISER_MS`: the optimiser's time budget per run.
 */
export function schedulerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerWorkerOptions {
  const options: SchedulerWorkerOptions = {};
  const lockDurationMs = milliseconds(env, 'SCHEDULER_LOCK_MS');
  const stalledIntervalMs = milliseconds(env, 'SCHEDULER_STALLED_INTERVAL_MS');
  const timeLimitMs = milliseconds(env, 'SCHEDULER_OPTIMISER_MS');
  if (lockDurationMs !== undefined) options.lockDurationMs = lockDurationMs;
  if (stalledIntervalMs !== undefined) options.stalledIntervalMs = stalledIntervalMs;
  if (timeLimitMs !== undefined) options.timeLimitMs = timeLimitMs;
  return options;
}

function milliseconds(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  // A typo must stop start-up: a zero or NaN lock would make every job look stalled.
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, got "${raw}"`);
  return value;
}

/**
 * `SCHEDULER_HEALTH_PORT`: where the worker answers `/health` (for orchestrators' probes); unset,
 * no HTTP server is started. 0 picks a free port.
 */
export function schedulerHealthPort(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SCHEDULER_HEALTH_PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SCHEDULER_HEALTH_PORT must be a port number, got "${raw}"`);
  return port;
}
