import { DEFAULT_BUSINESS_HOURS, normalizeWeeklyHours } from './business-hours';
import { MINUTE_MS } from './duration';
import { CalendarError } from './errors';
import { assertSeverity, type Severity } from './severity';

/** Resolution target per severity, in minutes of business time. */
export type ResolutionTargets = Readonly<Record<Severity, number>>;

/** Minutes in one business day of {@link DEFAULT_BUSINESS_HOURS} (Monday 08:00–17:30: 570). */
export const DEFAULT_BUSINESS_DAY_MINUTES = normalizeWeeklyHours(DEFAULT_BUSINESS_HOURS)[1].reduce((sum, [from, to]) => sum + to - from, 0);

/**
 * Default resolution targets. The service description gives response objectives only; these are
 * the product's own choice: Severity 1 in 4 business hours, Severity 2 in one business day,
 * Severity 3 in three business days. A "business day" here is a fixed amount of business time,
 * {@link DEFAULT_BUSINESS_DAY_MINUTES} (570 minutes), so a site with shorter hours gets the same
 * business time spread over more local days. Override per deployment with {@link resolutionTargets}.
 */
export const DEFAULT_RESOLUTION_TARGET_MINUTES: ResolutionTargets = Object.freeze({
  1: 4 * 60,
  2: DEFAULT_BUSINESS_DAY_MINUTES,
  3: 3 * DEFAULT_BUSINESS_DAY_MINUTES,
});

/**
 * Resolution targets with the caller's overrides applied over the defaults, validated: each a
 * positive whole number of minutes, and a more severe level never given more time than a less
 * severe one (S1 ≤ S2 ≤ S3) — the severity-change rule relies on that order.
 * @throws CalendarError `INVALID_TARGET`.
 */
export function resolutionTargets(overrides: Partial<Record<Severity, number>> = {}): ResolutionTargets {
  const targets = { ...DEFAULT_RESOLUTION_TARGET_MINUTES, ...overrides };
  for (const severity of [1, 2, 3] as const) {
    const minutes = targets[severity];
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0) {
      throw new CalendarError(
        'INVALID_TARGET',
        `resolution target of severity ${severity} must be a positive whole number of minutes, got ${String(minutes)}`,
      );
    }
  }
  if (targets[1] > targets[2] || targets[2] > targets[3]) {
    throw new CalendarError(
      'INVALID_TARGET',
      `resolution targets must not give a more severe level more time: got S1 ${targets[1]}, S2 ${targets[2]}, S3 ${targets[3]} minutes`,
    );
  }
  return Object.freeze(targets);
}

/**
 * The resolution target of a severity in milliseconds of business time.
 * @throws CalendarError `INVALID_SEVERITY`; `INVALID_TARGET` for invalid `targets`.
 */
export function resolutionTargetMs(severity: Severity, targets: ResolutionTargets = DEFAULT_RESOLUTION_TARGET_MINUTES): number {
  assertSeverity(severity);
  const valid = targets === DEFAULT_RESOLUTION_TARGET_MINUTES ? targets : resolutionTargets(targets);
  return valid[severity] * MINUTE_MS;
}
