export type RetrySchedule = {
  /** Delay before the first retry. */
  baseMs: number;
  /** Each further retry waits `factor` times longer... */
  factor: number;
  /** ...up to this cap. */
  maxMs: number;
  /** Share of the delay taken off at random (0 = none, 1 = full jitter), so failed deliveries do not retry in lock-step. */
  jitter: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
};

/**
 * Roughly Standard Webhooks' schedule: retries after ~10 s, 1 min, 6 min, 36 min, then every
 * 3 h (capped): ten attempts over about 16 hours.
 */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 10_000, factor: 6, maxMs: 3 * 3600_000, jitter: 0.2, maxAttempts: 10 };

/**
 * The wait before the next attempt after `failedAttempts` failures (1 after the first failure):
 * `min(maxMs, baseMs · factor^(failedAttempts-1))`, less a random share of up to `jitter`.
 */
export function retryDelayMs(
  failedAttempts: number,
  schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const delay = Math.min(schedule.maxMs, schedule.baseMs * schedule.factor ** exponent);
  const jitter = Math.min(1, Math.max(0, schedule.jitter));
  return Math.max(0, Math.round(delay * (1 - jitter * random())));
}

/** Whether a delivery that has failed `failedAttempts` times gets another attempt. */
export function hasAttemptsLeft(failedAttempts: number, schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE): boolean {
  return failedAttempts < schedule.maxAttempts;
}
